#pragma once
// Events of the logs besides Sysmon and Security auditing, with the field
// names, order and value types Windows writes (checked against real logs
// with evtxexport and python-evtx where the corpus has them; the Task
// Scheduler's, WMI-Activity's and LocalSessionManager's from their
// manifests):
//   System       7040 start type changed, 7000 service failed, 104 log
//                cleared (UserData), Kernel-General 1 time changed
//                (FILETIMEs); 7036/7045 are in windows_log_events.hpp
//   PowerShell   Operational 4104 script block (with and without Path),
//                4103 module logging; classic 400/403/600/800 (one string
//                array: unnamed <Data> elements)
//   Defender     1116/1117 (42 string fields named with spaces), 5007
//   TaskScheduler 106, 140, 141, 200 (v1), 201 (v2), 129
//   WMI-Activity 5861, 5857 (UserData)
//   RDP          RemoteConnectionManager 1149, 261; LocalSessionManager
//                21-25 (UserData EventXML); RdpCoreTS 131
//   Firewall 2004, Bits-Client 59

#include <cstdint>
#include <string>
#include <vector>

#include "windows_log_events.hpp"

namespace evtxcar::testdata {

// System 7040 (param1 display name, param2 old and param3 new start type, param4 key name).
windows_event service_start_type_changed(const std::string& computer, filetime time, const std::string& display_name,
                                         const std::string& old_type, const std::string& new_type,
                                         const std::string& key_name);
// System 7036 with its binary data as Windows writes it: UTF-16LE
// "<key name>/<state code>" (4 running, 1 stopped) or, with `state_code`
// 0, the key name alone.
windows_event service_entered_state(const std::string& computer, filetime time, const std::string& display_name,
                                    const std::string& state, const std::string& key_name, unsigned state_code);
// System 7000 (param1 service, param2 error, Binary: the key name).
windows_event service_failed_to_start(const std::string& computer, filetime time, const std::string& service,
                                      const std::string& error, const std::string& key_name);
// System 104: a log other than Security cleared (UserData LogFileCleared),
// by the account of `user_sid` (Security/@UserID).
windows_event system_log_cleared(const std::string& computer, filetime time, const std::string& user_sid,
                                 const std::string& name, const std::string& domain, const std::string& channel,
                                 const std::string& backup_path);
// Kernel-General 1 version 1: the system time changed.
windows_event system_time_changed(const std::string& computer, filetime time, filetime new_time, filetime old_time,
                                  std::uint32_t reason);

struct script_block {
    std::int32_t number = 1;
    std::int32_t total = 1;
    std::string text;
    std::string id;    // "{guid}" lower case, as PowerShell writes it
    std::string path;  // "" for an interactive block
    bool has_path = true;  // PowerShell 4.0 hosts write no Path field
};
// Microsoft-Windows-PowerShell/Operational 4104 version 1, written in the
// PowerShell process `pid` as the user `user_sid`.
windows_event powershell_script_block(const std::string& computer, filetime time, std::uint32_t pid,
                                      const std::string& user_sid, const script_block& block);
// 4103 version 1: ContextInfo ("        Host Name = ConsoleHost\r\n..."), UserData, Payload.
windows_event powershell_module_logging(const std::string& computer, filetime time, std::uint32_t pid,
                                        const std::string& user_sid, const std::string& context_info,
                                        const std::string& payload);
// The classic "Windows PowerShell" log (provider PowerShell): 400, 403,
// 600 or 800 with its three message strings.
windows_event windows_powershell(const std::string& computer, filetime time, std::uint16_t event_id,
                                 const std::vector<std::string>& strings);

// Defender 1116/1117's fields, in the order Defender writes them (the
// unused ones are empty).
struct defender_threat {
    std::string product_version = "4.18.2203.5";
    std::string detection_id;
    std::string detection_time;
    std::string threat_id;
    std::string threat_name;
    std::string severity_id, severity_name;
    std::string category_id, category_name;
    std::string status_code = "1";
    std::string source_id = "3", source_name = "%%818";
    std::string process_name;
    std::string detection_user;
    std::string path;
    std::string action_id = "9", action_name = "%%887";
    std::string error_code = "0x00000000", error_description = "The operation completed successfully. ";
    std::string remediation_user;
    std::string signature_version = "AV: 1.363.1436.0, AS: 1.363.1436.0, NIS: 1.363.1436.0";
    bool intelligence_name = false;  // newer platforms: "Security intelligence Version"
    std::string engine_version = "AM: 1.1.19100.5, NIS: 1.1.19100.5";
};
windows_event defender_threat_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                    const defender_threat& threat);
windows_event defender_configuration_changed(const std::string& computer, filetime time, const std::string& old_value,
                                             const std::string& new_value);

// Task Scheduler Operational.
windows_event task_registered(const std::string& computer, filetime time, const std::string& task,
                              const std::string& user_context);                              // 106
windows_event task_registration_changed(const std::string& computer, filetime time, std::uint16_t event_id,
                                        const std::string& task, const std::string& user);  // 140, 141
windows_event task_action_started(const std::string& computer, filetime time, const std::string& task,
                                  const std::string& action, const std::string& instance_seed,
                                  std::uint32_t engine_pid);                                 // 200 v1
windows_event task_action_completed(const std::string& computer, filetime time, const std::string& task,
                                    const std::string& action, const std::string& instance_seed,
                                    std::uint32_t result_code, std::uint32_t engine_pid);    // 201 v2
windows_event task_process_created(const std::string& computer, filetime time, const std::string& task,
                                   const std::string& path, std::uint32_t pid);               // 129

// WMI-Activity Operational (UserData).
windows_event wmi_consumer_binding(const std::string& computer, filetime time, const std::string& wmi_namespace,
                                   const std::string& filter, const std::string& consumer,
                                   const std::string& possible_cause);  // 5861
windows_event wmi_provider_started(const std::string& computer, filetime time, const std::string& provider,
                                   std::uint32_t host_pid, const std::string& provider_path);  // 5857

// Remote Desktop Services.
windows_event rdp_user_authenticated(const std::string& computer, filetime time, const std::string& user,
                                     const std::string& domain, const std::string& address);  // RCM 1149
windows_event rdp_listener_connection(const std::string& computer, filetime time);           // RCM 261
// LocalSessionManager 21, 22, 24, 25 (User, SessionID, Address) and 23 (no Address).
windows_event local_session_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                  const std::string& user, std::uint32_t session_id, const std::string& address);
windows_event rdp_connection_accepted(const std::string& computer, filetime time,
                                      const std::string& client);  // RdpCoreTS 131

// Windows Firewall 2004: a rule added (26 fields).
windows_event firewall_rule_added(const std::string& computer, filetime time, const std::string& rule_name,
                                  const std::string& application, const std::string& modifying_user_sid,
                                  const std::string& modifying_application);
// Bits-Client 59 version 1: a transfer started.
windows_event bits_transfer_started(const std::string& computer, filetime time, const std::string& job,
                                    const std::string& url, filetime file_time, std::uint64_t length);

}  // namespace evtxcar::testdata
