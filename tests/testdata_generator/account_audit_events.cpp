#include "account_audit_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr std::uint16_t task_security_system_extension = 12289;
constexpr std::uint16_t task_registry = 12801;
constexpr std::uint16_t task_other_object_access = 12804;
constexpr std::uint16_t task_user_account_management = 13824;
constexpr std::uint16_t task_security_group_management = 13826;
constexpr std::uint32_t kernel_process_id = 4;

void add_managed(windows_event& event, const managed_account& a) {
    add_field(event, "TargetUserName", string_value(a.name));
    add_field(event, "TargetDomainName", string_value(a.domain));
    add_field(event, "TargetSid", sid_value(a.sid));
}

// SamAccountName ... LogonHours, as 4720 and 4738 log a user's attributes.
struct user_attributes {
    std::string sam_account_name = "-";
    std::string display_name = "-";
    std::string user_principal_name = "-";
    std::string home_directory = "-";
    std::string home_path = "-";
    std::string script_path = "-";
    std::string profile_path = "-";
    std::string user_workstations = "-";
    std::string password_last_set = "-";
    std::string account_expires = "-";
    std::string primary_group_id = "-";
    std::string allowed_to_delegate_to = "-";
    std::string old_uac_value = "-";
    std::string new_uac_value = "-";
    std::string user_account_control = "-";
    std::string user_parameters = "-";
    std::string sid_history = "-";
    std::string logon_hours = "-";
};

void add_attributes(windows_event& event, const user_attributes& a) {
    add_field(event, "SamAccountName", string_value(a.sam_account_name));
    add_field(event, "DisplayName", string_value(a.display_name));
    add_field(event, "UserPrincipalName", string_value(a.user_principal_name));
    add_field(event, "HomeDirectory", string_value(a.home_directory));
    add_field(event, "HomePath", string_value(a.home_path));
    add_field(event, "ScriptPath", string_value(a.script_path));
    add_field(event, "ProfilePath", string_value(a.profile_path));
    add_field(event, "UserWorkstations", string_value(a.user_workstations));
    add_field(event, "PasswordLastSet", string_value(a.password_last_set));
    add_field(event, "AccountExpires", string_value(a.account_expires));
    add_field(event, "PrimaryGroupId", string_value(a.primary_group_id));
    add_field(event, "AllowedToDelegateTo", string_value(a.allowed_to_delegate_to));
    add_field(event, "OldUacValue", string_value(a.old_uac_value));
    add_field(event, "NewUacValue", string_value(a.new_uac_value));
    add_field(event, "UserAccountControl", string_value(a.user_account_control));
    add_field(event, "UserParameters", string_value(a.user_parameters));
    add_field(event, "SidHistory", string_value(a.sid_history));
    add_field(event, "LogonHours", string_value(a.logon_hours));
}

}  // namespace

windows_event security_account_created(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& created) {
    windows_event event = security_auditing_event(computer, time, 4720, 0, task_user_account_management);
    add_managed(event, created);
    add_subject(event, subject);
    add_field(event, "PrivilegeList", string_value("-"));
    user_attributes a;
    a.sam_account_name = created.name;
    // %%1793 <value not set>, %%1794 <never>, %%1797 all hours: a new account's defaults.
    a.display_name = a.home_directory = a.home_path = a.script_path = a.profile_path = a.user_workstations = "%%1793";
    a.password_last_set = a.account_expires = "%%1794";
    a.primary_group_id = "513";
    a.old_uac_value = "0x0";
    a.new_uac_value = "0x15";
    a.user_account_control = "\r\n\t\t%%2080\r\n\t\t%%2082\r\n\t\t%%2084";
    a.user_parameters = "%%1793";
    a.logon_hours = "%%1797";
    add_attributes(event, a);
    return event;
}

windows_event security_account_state(const std::string& computer, filetime time, const account& subject,
                                     const managed_account& target, std::uint16_t event_id) {
    windows_event event = security_auditing_event(computer, time, event_id, 0, task_user_account_management);
    add_managed(event, target);
    add_subject(event, subject);
    if (event_id == 4726) add_field(event, "PrivilegeList", string_value("-"));
    return event;
}

windows_event security_account_changed(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& target, const std::string& user_principal_name) {
    windows_event event = security_auditing_event(computer, time, 4738, 0, task_user_account_management);
    add_field(event, "Dummy", string_value("-"));
    add_managed(event, target);
    add_subject(event, subject);
    add_field(event, "PrivilegeList", string_value("-"));
    user_attributes a;
    a.user_principal_name = user_principal_name;
    add_attributes(event, a);
    return event;
}

windows_event security_account_renamed(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& renamed, const std::string& old_name) {
    windows_event event = security_auditing_event(computer, time, 4781, 0, task_user_account_management);
    add_field(event, "OldTargetUserName", string_value(old_name));
    add_field(event, "NewTargetUserName", string_value(renamed.name));
    add_field(event, "TargetDomainName", string_value(renamed.domain));
    add_field(event, "TargetSid", sid_value(renamed.sid));
    add_subject(event, subject);
    add_field(event, "PrivilegeList", string_value("-"));
    return event;
}

windows_event security_group_member(const std::string& computer, filetime time, const account& subject,
                                    const std::string& member_name, const std::string& member_sid,
                                    const managed_account& group, std::uint16_t event_id) {
    windows_event event = security_auditing_event(computer, time, event_id, 0, task_security_group_management);
    add_field(event, "MemberName", string_value(member_name));
    add_field(event, "MemberSid", sid_value(member_sid));
    add_managed(event, group);
    add_subject(event, subject);
    add_field(event, "PrivilegeList", string_value("-"));
    return event;
}

windows_event security_local_groups_enumerated(const std::string& computer, filetime time, const account& subject,
                                               const managed_account& target, std::uint64_t caller_process_id,
                                               const std::string& caller_process_name) {
    windows_event event = security_auditing_event(computer, time, 4798, 0, task_security_group_management);
    add_managed(event, target);
    add_subject(event, subject);
    add_field(event, "CallerProcessId", hex_int64_value(caller_process_id));
    add_field(event, "CallerProcessName", string_value(caller_process_name));
    return event;
}

windows_event security_service_installed(const std::string& computer, filetime time, const account& subject,
                                         const service_install& s) {
    windows_event event = security_auditing_event(computer, time, 4697, 0, task_security_system_extension);
    add_subject(event, subject);
    add_field(event, "ServiceName", string_value(s.name));
    add_field(event, "ServiceFileName", string_value(s.file_name));
    add_field(event, "ServiceType", hex_int32_value(s.type));
    add_field(event, "ServiceStartType", uint32_value(s.start_type));
    add_field(event, "ServiceAccount", string_value(s.account));
    return event;
}

windows_event security_scheduled_task(const std::string& computer, filetime time, const account& subject,
                                      const std::string& task_name, const std::string& task_xml,
                                      std::uint16_t event_id) {
    windows_event event = security_auditing_event(computer, time, event_id, 0, task_other_object_access);
    add_subject(event, subject);
    add_field(event, "TaskName", string_value(task_name));
    add_field(event, event_id == 4702 ? "TaskContentNew" : "TaskContent", string_value(task_xml));
    return event;
}

windows_event security_registry_value(const std::string& computer, filetime time, const account& subject,
                                      const registry_value_change& c) {
    windows_event event = security_auditing_event(computer, time, 4657, 0, task_registry);
    event.system.process_id = kernel_process_id;  // object access is audited by the kernel
    add_subject(event, subject);
    add_field(event, "ObjectName", string_value(c.object_name));
    add_field(event, "ObjectValueName", string_value(c.value_name));
    add_field(event, "HandleId", hex_int64_value(c.handle_id));
    add_field(event, "OperationType", string_value(c.operation));
    add_field(event, "OldValueType", string_value(c.old_type));
    add_field(event, "OldValue", string_value(c.old_value));
    add_field(event, "NewValueType", string_value(c.new_type));
    add_field(event, "NewValue", string_value(c.new_value));
    add_field(event, "ProcessId", hex_int64_value(c.process_id));
    add_field(event, "ProcessName", string_value(c.process_name));
    return event;
}

}  // namespace evtxcar::testdata
