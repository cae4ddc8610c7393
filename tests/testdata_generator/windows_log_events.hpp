#pragma once
// Events of the Security and System logs with the field names, types and
// order Windows uses: logons (4624 version 2: session_audit_events.hpp has
// every version; 4634, 4672), process creation (4688),
// log clearing (1102, UserData), services (7036, 7045) and the event log
// service's classic start/stop events (6005, 6006: unnamed data).

#include <cstdint>
#include <string>

#include "utc_time.hpp"
#include "windows_event.hpp"

namespace evtxcar::testdata {

using evtx_writer::filetime;
using evtx_writer::windows_event;

struct account {
    std::string sid;     // "S-1-5-21-...-1104"
    std::string name;    // "jdoe"
    std::string domain;  // "CORP"
    std::uint64_t logon_id = 0;
};

struct logon_details {
    std::uint32_t logon_type = 2;
    std::string logon_process = "User32 ";
    std::string authentication_package = "Negotiate";
    std::string workstation;
    std::string process_name = "C:\\Windows\\System32\\svchost.exe";
    std::uint64_t process_id = 0x2F0;
    std::string ip_address = "-";
    std::string ip_port = "-";
    bool elevated = false;
};

// A Microsoft-Windows-Security-Auditing event with no data yet: level 0,
// keywords audit success, logged by lsass (Execution/@ProcessID 684).
windows_event security_auditing_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                      std::uint8_t version, std::uint16_t task);
// Appends <Data Name="name">.
void add_field(windows_event& event, const char* name, evtx_writer::substitution_value value);
// SubjectUserSid, SubjectUserName, SubjectDomainName, SubjectLogonId.
void add_subject(windows_event& event, const account& subject);
// TargetUserSid, TargetUserName, TargetDomainName, TargetLogonId.
void add_target(windows_event& event, const account& target);

windows_event security_logon(const std::string& computer, filetime time, const account& subject, const account& target,
                             const logon_details& details);
windows_event security_logoff(const std::string& computer, filetime time, const account& target,
                              std::uint32_t logon_type);
windows_event security_special_privileges(const std::string& computer, filetime time, const account& subject);
// 4688 version 2 as a 64-bit Windows 10 writes it, limited token, target
// NULL SID (security_audit_events.hpp has every version).
windows_event security_process_creation(const std::string& computer, filetime time, const account& subject,
                                        std::uint64_t new_process_id, const std::string& new_process_name,
                                        std::uint64_t parent_process_id, const std::string& parent_process_name,
                                        const std::string& command_line);
windows_event security_log_cleared(const std::string& computer, filetime time, const account& subject);

windows_event service_state_change(const std::string& computer, filetime time, const std::string& service,
                                   const std::string& state);
windows_event service_installed(const std::string& computer, filetime time, const std::string& service,
                                const std::string& image_path, const std::string& account_name);
// 6005 (started) or 6006 (stopped), as the event log service writes them.
windows_event event_log_service(const std::string& computer, filetime time, bool started);

}  // namespace evtxcar::testdata
