#include "event_text.hpp"

#include <algorithm>
#include <string_view>

namespace evtxcar {

namespace {

struct message_template {
    std::string_view object;
    std::string_view action;  // "" matches any action of the object
    std::string_view text;    // {field} is replaced by the field's text, "-" when absent
};

constexpr message_template message_templates[] = {
    {"process", "create", "Process created: {exe} (pid {pid}) by {parent_exe} (pid {ppid}): {command_line}"},
    {"process", "terminate", "Process ended: {exe} (pid {pid})"},
    {"process", "access", "{exe} (pid {pid}) opened {target_image_path} (pid {target_pid}) with access {access_level}"},
    {"process", "tamper", "Process tampering ({type}): {image_path} (pid {pid})"},
    {"flow", "start", "Network connection ({network_direction}) {transport_protocol} {src_ip}:{src_port} -> {dest_ip}:{dest_port} by {exe} (pid {pid})"},
    {"flow", "block", "Network connection blocked ({network_direction}) {transport_protocol} {src_ip}:{src_port} -> {dest_ip}:{dest_port} by {exe} (pid {pid})"},
    {"socket", "bind", "{exe} (pid {pid}) bound {protocol} {local_address}:{local_port}"},
    {"file", "create", "{exe} created {file_path}"},
    {"file", "timestomp", "{exe} set the creation time of {file_path} to {creation_time} (was {previous_creation_time})"},
    {"file", "delete", "{exe} deleted {file_path}"},
    {"file", "create_stream_hash", "{exe} created stream {file_path}"},
    {"file", "raw_access_read", "{exe} read {device} raw"},
    {"file", "block_executable", "Sysmon blocked {exe} from creating executable {file_path}"},
    {"file", "block_shredding", "Sysmon blocked {exe} from shredding {file_path}"},
    {"file", "executable_detected", "{exe} created executable {file_path}"},
    {"registry", "add", "{exe} {event_type} {hive}\\{key} {value}"},
    {"registry", "remove", "{exe} {event_type} {hive}\\{key} {value}"},
    {"registry", "value_edit", "{exe} set {hive}\\{key}\\{value} = {data}"},
    {"registry", "key_edit", "{exe} renamed {hive}\\{key} {value} to {new_content}"},
    {"module", "load", "{exe} (pid {pid}) loaded {module_path}"},
    {"driver", "load", "Driver loaded: {image_path} (signer {signer}, signature valid: {signature_valid})"},
    {"thread", "remote_create", "{exe} (pid {pid}) started a thread in {target_image_path} (pid {tgt_pid})"},
    {"dns", "query", "{exe} (pid {pid}) looked up {query_name}: {query_results}"},
    {"pipe", "create", "{exe} (pid {pid}) created pipe {pipe_name}"},
    {"pipe", "connect", "{exe} (pid {pid}) connected to pipe {pipe_name}"},
    {"wmi", "", "WMI {event_type} {operation}: {wmi_name}{wmi_consumer} {wmi_query}{wmi_destination}{wmi_filter}"},
    {"clipboard", "change", "{exe} (pid {pid}) changed the clipboard"},
    {"sensor", "state_change", "Sysmon state: {state} (version {version}, schema {schema_version})"},
    {"sensor", "config_change", "Sysmon configuration changed: {configuration}"},
    {"sensor", "error", "Sysmon error {error_id}: {error_description}"},
};

std::string expand(std::string_view text, const car_event& event) {
    std::string out;
    out.reserve(text.size() + 64);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            const auto field = car_field_from_name(text.substr(i + 1, close - i - 1));
            const std::string* value = field ? event.get(*field) : nullptr;
            out += value ? std::string_view(*value) : std::string_view("-");
            i = close + 1;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

bool needs_quotes(std::string_view value) {
    if (value.front() == ' ' || value.back() == ' ') return true;
    for (const char c : value) {  // one pass (find_first_of searches its set for every byte)
        if (c == ';' || c == '=' || c == '"' || c == '\r' || c == '\n') return true;
    }
    return false;
}

}  // namespace

std::string event_message(const car_event& event) {
    for (const message_template& entry : message_templates) {
        if (entry.object == event.object && (entry.action.empty() || entry.action == event.action)) {
            return expand(entry.text, event);
        }
    }
    return event.object + " " + event.action + expand(" by {exe} (pid {pid})", event);
}

std::string event_details(const car_event& event, std::span<const car_field> shown) {
    std::string out;
    for (const car_value& value : event.values) {
        if (std::find(shown.begin(), shown.end(), value.field) != shown.end()) continue;
        if (!out.empty()) out += "; ";
        out += name_of(value.field);
        out += '=';
        if (needs_quotes(value.text)) {
            out += '"';
            for (char c : value.text) {
                if (c == '"') out += '"';
                out += c;
            }
            out += '"';
        } else {
            out += value.text;
        }
    }
    return out;
}

std::string analytics_text(const car_event& event) {
    std::string out;
    for (const std::string& label : event.analytics) {
        if (!out.empty()) out += "; ";
        out += label;
    }
    return out;
}

}  // namespace evtxcar
