#include "catalogue_events.hpp"

#include "binxml/binxml_format.hpp"
#include "guid.hpp"
#include "xml_template.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* eventlog_namespace = "http://manifests.microsoft.com/win/2004/08/windows/eventlog";

windows_event sysmon_base(const sysmon_host& host, filetime time, std::uint16_t event_id, std::uint8_t version) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-Sysmon";
    s.provider_guid = parse_guid("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    s.event_id = event_id;
    s.version = version;
    s.level = 4;
    s.task = event_id;
    s.keywords = 0x8000000000000000ull;
    s.time_created = time;
    s.process_id = host.sysmon_process_id;
    s.thread_id = host.sysmon_process_id + 1112;
    s.channel = "Microsoft-Windows-Sysmon/Operational";
    s.computer = host.computer;
    s.user_sid = "S-1-5-18";
    return event;
}

void add(windows_event& event, const char* name, substitution_value value) {
    event.event_data.push_back({name, std::move(value)});
}

// Sysmon's UtcTime: when it happened, a few milliseconds before it was logged.
std::string utc_time(filetime time) { return format_utc(time - 3 * ticks_per_millisecond - 4817, 3, ' ', ""); }

}  // namespace

windows_event sysmon_remote_thread(const sysmon_host& host, filetime time, const sysmon_process& source,
                                   const remote_thread& thread) {
    windows_event event = sysmon_base(host, time, 8, 2);
    add(event, "RuleName", string_value("-"));
    add(event, "UtcTime", string_value(utc_time(time)));
    add(event, "SourceProcessGuid", guid_value(source.process_guid));
    add(event, "SourceProcessId", uint32_value(source.process_id));
    add(event, "SourceImage", string_value(source.image));
    add(event, "TargetProcessGuid", guid_value(thread.target.process_guid));
    add(event, "TargetProcessId", uint32_value(thread.target.process_id));
    add(event, "TargetImage", string_value(thread.target.image));
    add(event, "NewThreadId", uint32_value(thread.new_thread_id));
    add(event, "StartAddress", string_value(thread.start_address));
    add(event, "StartModule", string_value(thread.start_module));
    add(event, "StartFunction", string_value(thread.start_function));
    if (host.schema == sysmon_schema::v4_90) {
        add(event, "SourceUser", string_value(source.user));
        add(event, "TargetUser", string_value(thread.target.user));
    }
    return event;
}

windows_event sysmon_process_access(const sysmon_host& host, filetime time, const sysmon_process& source,
                                    const process_access& access) {
    windows_event event = sysmon_base(host, time, 10, 3);
    add(event, "RuleName", string_value("-"));
    add(event, "UtcTime", string_value(utc_time(time)));
    add(event, "SourceProcessGUID", guid_value(source.process_guid));
    add(event, "SourceProcessId", uint32_value(source.process_id));
    add(event, "SourceThreadId", uint32_value(access.source_thread_id));
    add(event, "SourceImage", string_value(source.image));
    add(event, "TargetProcessGUID", guid_value(access.target.process_guid));
    add(event, "TargetProcessId", uint32_value(access.target.process_id));
    add(event, "TargetImage", string_value(access.target.image));
    add(event, "GrantedAccess", hex_int32_value(access.granted_access));
    add(event, "CallTrace", string_value(access.call_trace));
    if (host.schema == sysmon_schema::v4_90) {
        add(event, "SourceUser", string_value(source.user));
        add(event, "TargetUser", string_value(access.target.user));
    }
    return event;
}

windows_event security_permissions_changed(const std::string& computer, filetime time, const account& subject,
                                           const permissions_change& change) {
    windows_event event = security_auditing_event(computer, time, 4670, 0, 13570);
    add_subject(event, subject);
    add_field(event, "ObjectServer", string_value("Security"));
    add_field(event, "ObjectType", string_value(change.object_type));
    add_field(event, "ObjectName", string_value(change.object_name));
    add_field(event, "HandleId", hex_int64_value(change.handle_id));
    add_field(event, "OldSd", string_value(change.old_sd));
    add_field(event, "NewSd", string_value(change.new_sd));
    add_field(event, "ProcessId", hex_int64_value(change.process_id));
    add_field(event, "ProcessName", string_value(change.process_name));
    return event;
}

windows_event security_audit_policy_changed(const std::string& computer, filetime time, const account& subject,
                                            const audit_policy_change& change) {
    windows_event event = security_auditing_event(computer, time, 4719, 0, 13568);
    add_subject(event, subject);
    add_field(event, "CategoryId", string_value(change.category_id));
    add_field(event, "SubcategoryId", string_value(change.subcategory_id));
    add_field(event, "SubcategoryGuid", guid_value(parse_guid(change.subcategory_guid)));
    add_field(event, "AuditPolicyChanges", string_value(change.changes));
    return event;
}

windows_event security_starting_up(const std::string& computer, filetime time) {
    windows_event event = security_auditing_event(computer, time, 4608, 0, 12288);
    event.system.process_id = 4;
    return event;
}

windows_event security_eventlog_notice(const std::string& computer, filetime time, std::uint16_t event_id) {
    const bool shutdown = event_id == 1100;
    windows_event event = security_auditing_event(computer, time, event_id, 0, shutdown ? 103 : 101);
    event.system.provider_name = "Microsoft-Windows-Eventlog";
    event.system.provider_guid = parse_guid("{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}");
    event.system.level = shutdown ? 4 : 1;
    event.system.keywords = 0x4020000000000000ull;
    event.kind = payload_kind::user_data;
    const char* name = shutdown ? "ServiceShutdown" : "FileIsFull";
    const auto root = make_template(name, element(name, {attribute("xmlns", {text(eventlog_namespace)})}, {}));
    event.user_data = template_instance{root, {}};
    return event;
}

windows_event wmi_operation_failed(const std::string& computer, filetime time, const wmi_client_failure& failure) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-WMI-Activity";
    s.provider_guid = parse_guid("{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}");
    s.event_id = 5858;
    s.level = 2;
    s.keywords = 0x8000000000000000ull;
    s.time_created = time;
    s.process_id = 1604;
    s.thread_id = 3720;
    s.channel = "Microsoft-Windows-WMI-Activity/Operational";
    s.computer = computer;
    s.user_sid = "S-1-5-18";
    event.kind = payload_kind::user_data;
    const auto root = make_template(
        "Operation_ClientFailure",
        element("Operation_ClientFailure", {attribute("xmlns", {text("http://manifests.microsoft.com/win/2006/windows/WMI")})},
                {element("Id", {}, {substitution(0, binxml::value_string)}),
                 element("ClientMachine", {}, {substitution(1, binxml::value_string)}),
                 element("User", {}, {substitution(2, binxml::value_string)}),
                 element("ClientProcessId", {}, {substitution(3, binxml::value_uint32)}),
                 element("Component", {}, {substitution(4, binxml::value_string)}),
                 element("Operation", {}, {substitution(5, binxml::value_string)}),
                 element("ResultCode", {}, {substitution(6, binxml::value_string)}),
                 element("PossibleCause", {}, {substitution(7, binxml::value_string)})}));
    event.user_data = template_instance{
        root,
        {string_value("{" + failure.operation_id + "}"), string_value(failure.client_machine), string_value(failure.user),
         uint32_value(failure.client_process_id), string_value(failure.component), string_value(failure.operation),
         string_value(failure.result_code), string_value(failure.possible_cause)}};
    return event;
}

}  // namespace evtxcar::testdata
