#pragma once
// Events the CAR catalogue's scenarios need beyond the other writers', with
// the field names, order and value types their providers write:
//   Sysmon 8 CreateRemoteThread (version 2) and 10 ProcessAccess (version
//   3), as in the corpus' Sysmon logs: StartAddress is text ("0x5A801260"),
//   GrantedAccess a HexInt32; SourceUser and TargetUser only in schema 4.90;
//   Security 4670 (permissions changed), 4719 (audit policy changed), 4608
//   (Windows is starting up), and the event log service's 1100 (shut down)
//   and 1104 (log full) in the Security log (UserData without fields), from
//   Microsoft's documentation of these events;
//   WMI-Activity 5858 (a client's operation failed; UserData
//   Operation_ClientFailure), from the provider's manifest.

#include <cstdint>
#include <string>

#include "sysmon_events.hpp"
#include "windows_log_events.hpp"

namespace evtxcar::testdata {

struct remote_thread {
    sysmon_process target;
    std::uint32_t new_thread_id = 0;
    std::string start_address;  // "0x00007FFB3C2A1234"
    std::string start_module;   // "C:\\Windows\\System32\\KERNEL32.DLL"
    std::string start_function; // "LoadLibraryW"
};
windows_event sysmon_remote_thread(const sysmon_host& host, filetime time, const sysmon_process& source,
                                   const remote_thread& thread);

struct process_access {
    sysmon_process target;
    std::uint32_t source_thread_id = 0;
    std::uint32_t granted_access = 0;
    std::string call_trace;
};
windows_event sysmon_process_access(const sysmon_host& host, filetime time, const sysmon_process& source,
                                    const process_access& access);

struct permissions_change {
    std::string object_type = "File";
    std::string object_name;
    std::string old_sd;
    std::string new_sd;
    std::uint64_t handle_id = 0x2c4;
    std::uint64_t process_id = 0;
    std::string process_name;
};
windows_event security_permissions_changed(const std::string& computer, filetime time, const account& subject,
                                           const permissions_change& change);  // 4670

struct audit_policy_change {
    std::string category_id = "%%8274";     // Detailed Tracking
    std::string subcategory_id = "%%13312";  // Process Creation
    std::string subcategory_guid = "{0CCE922B-69AE-11D9-BED3-505054503030}";
    std::string changes = "%%8448";         // Success removed
};
windows_event security_audit_policy_changed(const std::string& computer, filetime time, const account& subject,
                                            const audit_policy_change& change);  // 4719

windows_event security_starting_up(const std::string& computer, filetime time);  // 4608
// 1100 (the event logging service shut down) or 1104 (the security log is full).
windows_event security_eventlog_notice(const std::string& computer, filetime time, std::uint16_t event_id);

struct wmi_client_failure {
    std::string operation_id = "00000000-0000-0000-0000-000000000000";
    std::string client_machine;
    std::string user;
    std::uint32_t client_process_id = 0;
    std::string component = "Unknown";
    std::string operation;
    std::string result_code = "0x80041032";
    std::string possible_cause = "Unknown";
};
windows_event wmi_operation_failed(const std::string& computer, filetime time, const wmi_client_failure& failure);  // 5858

}  // namespace evtxcar::testdata
