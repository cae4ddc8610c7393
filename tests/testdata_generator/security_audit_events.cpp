#include "security_audit_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr std::uint32_t kernel_process_id = 4;
constexpr std::uint16_t task_process_creation = 13312;
constexpr std::uint16_t task_process_termination = 13313;
constexpr std::uint16_t task_filtering_platform_connection = 12810;
constexpr std::uint64_t keywords_audit_failure = 0x8010000000000000ull;

windows_event kernel_audit_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                 std::uint8_t version, std::uint16_t task) {
    windows_event event = security_auditing_event(computer, time, event_id, version, task);
    event.system.process_id = kernel_process_id;
    event.system.thread_id = 60 + static_cast<std::uint32_t>(time / ticks_per_millisecond % 97) * 4;
    return event;
}

substitution_value pointer_value(std::uint64_t value, pointer_width width) {
    return width == pointer_width::bits64 ? hex_int64_value(value) : hex_int32_value(static_cast<std::uint32_t>(value));
}

bool is_ipv6(const std::string& address) { return address.find(':') != std::string::npos; }

// The filtering platform's run-time layer ids: connect, receive/accept and
// resource assignment, each for IPv4 and IPv6.
std::uint64_t layer_rtid(const char* layer, bool ipv6) {
    const std::string name = layer;
    const std::uint64_t v4 = name == layer_connect ? 48 : name == layer_receive_accept ? 44 : 36;
    return ipv6 ? v4 + 2 : v4;
}

// Protocol, FilterRTID, LayerName, LayerRTID: after the addresses.
void add_filter_fields(windows_event& event, const wfp_connection& c, const char* layer) {
    add_field(event, "Protocol", uint32_value(c.protocol));
    add_field(event, "FilterRTID", uint64_value(c.filter_rtid));
    add_field(event, "LayerName", string_value(layer));
    add_field(event, "LayerRTID", uint64_value(layer_rtid(layer, is_ipv6(c.local_address))));
}

void add_connection_fields(windows_event& event, const wfp_connection& c) {
    const char* layer = c.inbound ? layer_receive_accept : layer_connect;
    add_field(event, "ProcessID", uint64_value(c.process_id));
    add_field(event, "Application", string_value(c.application));
    add_field(event, "Direction", string_value(c.inbound ? direction_inbound : direction_outbound));
    add_field(event, "SourceAddress", string_value(c.local_address));
    add_field(event, "SourcePort", string_value(std::to_string(c.local_port)));
    add_field(event, "DestAddress", string_value(c.remote_address));
    add_field(event, "DestPort", string_value(std::to_string(c.remote_port)));
    add_filter_fields(event, c, layer);
    add_field(event, "RemoteUserID", sid_value("S-1-0-0"));
    add_field(event, "RemoteMachineID", sid_value("S-1-0-0"));
}

}  // namespace

windows_event security_process_created(const std::string& computer, filetime time, const process_creation& p,
                                       std::uint8_t version, pointer_width width) {
    windows_event event = kernel_audit_event(computer, time, 4688, version, task_process_creation);
    add_subject(event, p.subject);
    add_field(event, "NewProcessId", pointer_value(p.new_process_id, width));
    add_field(event, "NewProcessName", string_value(p.new_process_name));
    add_field(event, "TokenElevationType", string_value(p.token_elevation_type));
    add_field(event, "ProcessId", pointer_value(p.parent_process_id, width));
    if (version >= 1) add_field(event, "CommandLine", string_value(p.command_line));
    if (version >= 2) {
        const account nobody{"S-1-0-0", "-", "-", 0};
        add_target(event, p.target ? *p.target : nobody);
        add_field(event, "ParentProcessName", string_value(p.parent_process_name));
        add_field(event, "MandatoryLabel", sid_value(p.mandatory_label));
    }
    return event;
}

windows_event security_process_exited(const std::string& computer, filetime time, const account& subject,
                                      std::uint64_t process_id, const std::string& process_name, std::uint32_t status,
                                      pointer_width width) {
    windows_event event = kernel_audit_event(computer, time, 4689, 0, task_process_termination);
    add_subject(event, subject);
    add_field(event, "Status", hex_int32_value(status));
    add_field(event, "ProcessId", pointer_value(process_id, width));
    add_field(event, "ProcessName", string_value(process_name));
    return event;
}

windows_event security_connection_permitted(const std::string& computer, filetime time,
                                            const wfp_connection& connection) {
    windows_event event = kernel_audit_event(computer, time, 5156, 1, task_filtering_platform_connection);
    add_connection_fields(event, connection);
    return event;
}

windows_event security_connection_blocked(const std::string& computer, filetime time,
                                          const wfp_connection& connection) {
    windows_event event = kernel_audit_event(computer, time, 5157, 1, task_filtering_platform_connection);
    event.system.keywords = keywords_audit_failure;
    add_connection_fields(event, connection);
    return event;
}

windows_event security_bind_permitted(const std::string& computer, filetime time, const wfp_connection& c) {
    windows_event event = kernel_audit_event(computer, time, 5158, 0, task_filtering_platform_connection);
    add_field(event, "ProcessId", uint64_value(c.process_id));
    add_field(event, "Application", string_value(c.application));
    add_field(event, "SourceAddress", string_value(c.local_address));
    add_field(event, "SourcePort", string_value(std::to_string(c.local_port)));
    add_filter_fields(event, c, layer_resource_assignment);
    return event;
}

}  // namespace evtxcar::testdata
