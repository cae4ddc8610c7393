#pragma once
// car_event: one event normalized into the MITRE CAR data model: an object
// ("process"), an action ("create") and CAR-named fields, plus where it came
// from. Field names are CAR's (shared/car/data_model/*.yaml); the few that
// CAR lacks (Sysmon pipes, DNS, WMI, ...) are evtxcar's own and listed in
// docs/data-model.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "event_record.hpp"

namespace evtxcar {

// Every field a car_event can carry. The order here is the order in which
// fields appear in `details` and in events.jsonl.
#define EVTXCAR_CAR_FIELDS(X)                                                        \
    /* host */                                                                      \
    X(hostname) X(fqdn) X(computer)                                                 \
    /* acting process */                                                            \
    X(image_path) X(exe) X(pid) X(ppid) X(tid) X(guid) X(parent_guid) X(command_line) \
    X(parent_image_path) X(parent_exe) X(parent_command_line)                       \
    X(current_working_directory) X(user) X(sid) X(uid) X(integrity_level)           \
    X(original_file_name) X(logon_guid) X(logon_id) X(terminal_session_id)          \
    X(md5_hash) X(sha1_hash) X(sha256_hash) X(imphash)                              \
    X(signer) X(signature_valid) X(signature_status) X(company) X(description)     \
    X(product) X(file_version)                                                      \
    /* network flow */                                                              \
    X(src_ip) X(src_port) X(src_hostname) X(dest_ip) X(dest_port) X(dest_hostname)  \
    X(transport_protocol) X(network_direction) X(application_protocol)             \
    /* socket */                                                                    \
    X(local_address) X(local_port) X(protocol)                                      \
    /* files */                                                                     \
    X(file_path) X(creation_time) X(previous_creation_time) X(is_executable)        \
    X(archived) X(stream_hash_contents)                                             \
    /* registry */                                                                  \
    X(hive) X(key) X(value) X(data) X(new_content) X(type)                          \
    /* modules, drivers */                                                          \
    X(module_path)                                                                  \
    /* process access, remote threads */                                            \
    X(target_guid) X(target_pid) X(target_image_path) X(access_level) X(call_trace) \
    X(src_pid) X(src_tid) X(tgt_pid) X(tgt_tid) X(start_address) X(start_module)    \
    X(start_function)                                                               \
    /* Security auditing: sessions, authentication, accounts, groups */            \
    X(login_type) X(subject_user) X(subject_uid) X(subject_logon_id)                \
    X(elevated_token) X(method) X(logon_process) X(session_name) X(auth_target)     \
    X(decision_reason) X(status) X(sub_status) X(ticket_service) X(ticket_options)  \
    X(ticket_encryption_type) X(pre_auth_type) X(previous_target_user)              \
    X(group_name) X(group_uid) X(group_scope) X(previous_type) X(previous_data)     \
    /* services (CAR service; service_type, start_type are evtxcar's own) */       \
    X(name) X(service_type) X(start_type)                                           \
    /* scheduled tasks (evtxcar's own object scheduled_task) */                    \
    X(task_name) X(task_content)                                                    \
    /* accounts acted on (CAR authentication's target_*) */                         \
    X(target_user) X(target_uid)                                                    \
    /* System, PowerShell, Defender, TaskScheduler, WMI, RDP, event log */          \
    X(service_key_name) X(previous_start_type)                                      \
    X(log_name) X(backup_path)                                                      \
    X(script_block_text) X(script_block_id) X(script_path) X(message_number)        \
    X(message_total) X(host_name) X(host_version) X(engine_version) X(runspace_id)  \
    X(command_name) X(command_type) X(script_name) X(command_path)                  \
    X(script_command_line) X(invocation) X(previous_state)                          \
    X(threat_name) X(threat_id) X(severity) X(category) X(detection_id)             \
    X(detection_source) X(action_taken) X(remediation_user) X(signature_version)    \
    X(action_name) X(task_instance_id) X(result_code)                               \
    /* evtxcar's own: named pipes, DNS, WMI, Sysmon service, clipboard */          \
    X(pipe_name) X(query_name) X(query_status) X(query_results) X(operation)        \
    X(event_type) X(wmi_name) X(wmi_query) X(wmi_consumer) X(wmi_filter)            \
    X(wmi_destination) X(event_namespace) X(state) X(version) X(schema_version)     \
    X(configuration) X(configuration_hash) X(session) X(client_info) X(hashes)      \
    X(rule_name) X(utc_time) X(device) X(error_id) X(error_description)

enum class car_field : std::uint8_t {
#define EVTXCAR_ENUM_ENTRY(name) name,
    EVTXCAR_CAR_FIELDS(EVTXCAR_ENUM_ENTRY)
#undef EVTXCAR_ENUM_ENTRY
};

inline constexpr std::array car_field_names = {
#define EVTXCAR_NAME_ENTRY(name) std::string_view(#name),
    EVTXCAR_CAR_FIELDS(EVTXCAR_NAME_ENTRY)
#undef EVTXCAR_NAME_ENTRY
};
inline constexpr std::size_t car_field_count = car_field_names.size();

constexpr std::string_view name_of(car_field field) { return car_field_names[static_cast<std::size_t>(field)]; }
std::optional<car_field> car_field_from_name(std::string_view name);

struct car_value {
    car_field field;
    std::string text;
    friend bool operator==(const car_value&, const car_value&) = default;
};

// The object of an event that no CAR mapping (nor one of evtxcar's own
// objects) describes: it is in the timeline with its record's System values
// and payload, and an empty action.
inline constexpr std::string_view generic_object = "event";

// Which of the scan's event layouts (pipeline/event_layouts: object,
// action, channel, provider, event id, payload kind and name, the payload's
// field names) an event has, when it was decoded from a sort run; 0: not
// known. A hint that spares comparing those, not part of what the event is:
// it never makes two events unequal. An event moved from has lost what its
// layout covers: so has its tag.
struct event_layout_tag {
    std::uint32_t number = 0;
    event_layout_tag() = default;
    event_layout_tag(const event_layout_tag&) = default;
    event_layout_tag& operator=(const event_layout_tag&) = default;
    event_layout_tag(event_layout_tag&& from) noexcept : number(std::exchange(from.number, 0)) {}
    event_layout_tag& operator=(event_layout_tag&& from) noexcept {
        number = std::exchange(from.number, 0);
        return *this;
    }
    friend bool operator==(const event_layout_tag&, const event_layout_tag&) { return true; }
};

struct car_event {
    // --- what happened, in CAR terms
    std::string object;  // "process", "flow", "file", ... (or one of evtxcar's own, see data-model.md), or generic_object
    std::string action;  // "create", "start", ...; empty for a generic event
    std::vector<car_value> values;  // at most one per field, in car_field order

    // --- when and where it was recorded
    filetime_ticks time = 0;        // the record's TimeCreated (UTC)
    std::uint32_t file_index = 0;   // index into the scan's sorted file list
    std::uint64_t record_id = 0;    // EventRecordID
    std::uint64_t record_offset = 0;  // byte offset of the record in its file
    std::string channel;
    std::string provider;
    std::uint32_t event_id = 0;

    // --- the record's other System values and its payload, as logged (every
    // event keeps them: the typed CAR fields above are derived from them)
    std::uint8_t version = 0;
    std::uint8_t level = 0;
    std::uint16_t task = 0;
    std::uint8_t opcode = 0;
    event_layout_tag layout;  // set by the decoding of a sort run for the timeline pass, which changes none of what it covers
    std::uint64_t keywords = 0;
    std::string user_sid;                 // System/Security/@UserID, empty when absent
    payload_kind payload = payload_kind::none;
    std::string payload_name;             // for user_data: the element below <UserData>
    std::vector<payload_field> fields;    // EventData / UserData name=value pairs, in order (event_record's rules)

    // --- analytics that fired on this event: "CAR-2020-11-010:remote"
    std::vector<std::string> analytics;

    // --- other files that hold this same event (copies of one log), by file
    // index, ascending; set by the timeline pass, empty before it
    std::vector<std::uint32_t> copies;

    // The field's text, or nullptr when the event does not have it.
    const std::string* get(car_field field) const;
    // The field's text, or "" when the event does not have it.
    std::string_view text(car_field field) const;
    bool is_generic() const { return object == generic_object; }
    // The record's Computer, as logged: fqdn when it has a dot, else hostname.
    std::string_view computer() const;

    // Sets (or replaces) a field, keeping `values` in car_field order. Empty
    // text removes the field: an absent Sysmon field is an absent CAR field.
    void set(car_field field, std::string text);

    friend bool operator==(const car_event&, const car_event&) = default;
};

// True when `a` and `b` are copies of one event, e.g. from a log collected
// twice or a collector's ForwardedEvents beside the host's own log: the same
// host (Computer), channel, provider, event id, record id, TimeCreated and
// payload.
bool same_event(const car_event& a, const car_event& b);

// Timeline order: time, then host (Computer), channel and record id (so that
// copies of one event, from several files, meet side by side), then file,
// then offset.
inline bool timeline_before(const car_event& a, const car_event& b) {
    if (a.time != b.time) return a.time < b.time;
    if (const int host = a.computer().compare(b.computer()); host != 0) return host < 0;
    if (const int channel = a.channel.compare(b.channel); channel != 0) return channel < 0;
    if (a.record_id != b.record_id) return a.record_id < b.record_id;
    if (a.file_index != b.file_index) return a.file_index < b.file_index;
    return a.record_offset < b.record_offset;
}

}  // namespace evtxcar
