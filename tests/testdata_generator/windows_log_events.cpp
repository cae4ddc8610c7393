#include "windows_log_events.hpp"

#include <optional>

#include "binxml/binxml_format.hpp"
#include "guid.hpp"
#include "security_audit_events.hpp"
#include "session_audit_events.hpp"
#include "xml_template.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* security_provider = "Microsoft-Windows-Security-Auditing";
constexpr const char* security_provider_guid = "{54849625-5478-4994-A5BA-3E3B0328C30D}";
constexpr std::uint32_t lsass_process_id = 684;

}  // namespace

windows_event security_auditing_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                      std::uint8_t version, std::uint16_t task) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = security_provider;
    s.provider_guid = parse_guid(security_provider_guid);
    s.event_id = event_id;
    s.version = version;
    s.level = 0;
    s.task = task;
    s.keywords = 0x8020000000000000ull;  // audit success
    s.time_created = time;
    s.process_id = lsass_process_id;
    s.thread_id = 1424 + static_cast<std::uint32_t>(time / ticks_per_second % 7) * 8;
    s.channel = "Security";
    s.computer = computer;
    return event;
}

void add_field(windows_event& event, const char* name, substitution_value value) {
    event.event_data.push_back({name, std::move(value)});
}

void add_subject(windows_event& event, const account& subject) {
    add_field(event, "SubjectUserSid", sid_value(subject.sid));
    add_field(event, "SubjectUserName", string_value(subject.name));
    add_field(event, "SubjectDomainName", string_value(subject.domain));
    add_field(event, "SubjectLogonId", hex_int64_value(subject.logon_id));
}

void add_target(windows_event& event, const account& target) {
    add_field(event, "TargetUserSid", sid_value(target.sid));
    add_field(event, "TargetUserName", string_value(target.name));
    add_field(event, "TargetDomainName", string_value(target.domain));
    add_field(event, "TargetLogonId", hex_int64_value(target.logon_id));
}


windows_event security_logon(const std::string& computer, filetime time, const account& subject, const account& target,
                             const logon_details& d) {
    return security_logon_version(computer, time, subject, target, d, 2);
}

windows_event security_logoff(const std::string& computer, filetime time, const account& target,
                              std::uint32_t logon_type) {
    windows_event event = security_auditing_event(computer, time, 4634, 0, 12545);
    add_target(event, target);
    add_field(event, "LogonType", uint32_value(logon_type));
    return event;
}

windows_event security_special_privileges(const std::string& computer, filetime time, const account& subject) {
    windows_event event = security_auditing_event(computer, time, 4672, 0, 12548);
    add_subject(event, subject);
    add_field(event, "PrivilegeList",
        string_value("SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\t"
                     "SeTakeOwnershipPrivilege\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeImpersonatePrivilege"));
    return event;
}

windows_event security_process_creation(const std::string& computer, filetime time, const account& subject,
                                        std::uint64_t new_process_id, const std::string& new_process_name,
                                        std::uint64_t parent_process_id, const std::string& parent_process_name,
                                        const std::string& command_line) {
    process_creation process;
    process.subject = subject;
    process.new_process_id = new_process_id;
    process.new_process_name = new_process_name;
    process.token_elevation_type = "%%1938";
    process.parent_process_id = parent_process_id;
    process.command_line = command_line;
    process.parent_process_name = parent_process_name;
    return security_process_created(computer, time, process);
}

windows_event security_log_cleared(const std::string& computer, filetime time, const account& subject) {
    windows_event event = security_auditing_event(computer, time, 1102, 0, 104);
    event.system.provider_name = "Microsoft-Windows-Eventlog";
    event.system.provider_guid = parse_guid("{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}");
    event.system.level = 4;
    event.system.keywords = 0x4020000000000000ull;
    event.kind = payload_kind::user_data;
    static constexpr const char* eventlog_namespace = "http://manifests.microsoft.com/win/2004/08/windows/eventlog";
    const auto root = make_template(
        "LogFileCleared", element("LogFileCleared", {attribute("xmlns", {text(eventlog_namespace)})},
                                  {element("SubjectUserSid", {}, {substitution(0, binxml::value_sid)}),
                                   element("SubjectUserName", {}, {substitution(1, binxml::value_string)}),
                                   element("SubjectDomainName", {}, {substitution(2, binxml::value_string)}),
                                   element("SubjectLogonId", {}, {substitution(3, binxml::value_hex_int64)})}));
    event.user_data = template_instance{root,
                                        {sid_value(subject.sid), string_value(subject.name),
                                         string_value(subject.domain), hex_int64_value(subject.logon_id)}};
    return event;
}

namespace {

windows_event system_event(const std::string& computer, filetime time, const char* provider, const char* guid_text,
                           std::uint16_t event_id, std::optional<std::uint16_t> qualifiers) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = provider;
    if (guid_text != nullptr) s.provider_guid = parse_guid(guid_text);
    s.event_id = event_id;
    s.qualifiers = qualifiers;
    s.level = 4;
    s.keywords = 0x8080000000000000ull;
    s.time_created = time;
    s.process_id = 748;
    s.thread_id = 5512;
    s.channel = "System";
    s.computer = computer;
    return event;
}

constexpr const char* service_control_manager_guid = "{555908D1-A6D7-4695-8E1E-26931D2012F4}";

}  // namespace

windows_event service_state_change(const std::string& computer, filetime time, const std::string& service,
                                   const std::string& state) {
    windows_event event =
        system_event(computer, time, "Service Control Manager", service_control_manager_guid, 7036, 16384);
    event.event_data = {
        {"param1", string_value(service)},
        {"param2", string_value(state)},
        {"", binary_value(std::vector<std::uint8_t>{0x57, 0x00, 0x69, 0x00, 0x6E, 0x00, 0x00, 0x00}), false, "Binary"}};
    return event;
}

windows_event service_installed(const std::string& computer, filetime time, const std::string& service,
                                const std::string& image_path, const std::string& account_name) {
    windows_event event =
        system_event(computer, time, "Service Control Manager", service_control_manager_guid, 7045, 16384);
    event.system.user_sid = "S-1-5-21-3623811015-3361044348-30300820-500";
    event.event_data = {{"ServiceName", string_value(service)},
                        {"ImagePath", string_value(image_path)},
                        {"ServiceType", string_value("user mode service")},
                        {"StartType", string_value("demand start")},
                        {"AccountName", string_value(account_name)}};
    return event;
}

windows_event event_log_service(const std::string& computer, filetime time, bool started) {
    windows_event event = system_event(computer, time, "EventLog", nullptr, started ? 6005 : 6006, 32768);
    event.system.classic = true;
    event.system.keywords = 0x0080000000000000ull;
    const std::vector<std::uint8_t> boot_time = {0xEA, 0x07, 0x03, 0x00, 0x02, 0x00, 0x0A, 0x00,
                                                 0x06, 0x00, 0x1E, 0x00, 0x00, 0x00, 0x00, 0x00};
    // The message strings slot is declared a string array; Windows leaves it null here.
    event.event_data = {{"",
                         null_value(),
                         true,
                         "Data",
                         {},
                         static_cast<std::uint8_t>(binxml::value_string | binxml::value_array_flag)},
                        {"", binary_value(boot_time), true, "Binary"}};
    return event;
}

}  // namespace evtxcar::testdata
