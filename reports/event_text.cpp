#include "event_text.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "event_catalog.hpp"

namespace evtxcar {

namespace {

struct message_template {
    std::string_view object;
    std::string_view action;  // "" matches any action of the object
    // {field} is replaced by the field's text, "-" when absent; a [part] is
    // written only when every field in it is present.
    std::string_view text;
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
    // Security auditing: sessions, authentication, accounts, groups
    // (user_session's serve every sensor's sessions: RDP and LocalSessionManager too)
    {"user_session", "login", "{user} logged on[, type {login_type}][, from {src_ip}][ port {src_port}][ (workstation {src_hostname})][, {method}][, elevated {elevated_token}][, session {terminal_session_id}][ (logon id {logon_id})]"},
    {"user_session", "logout", "{user} logged off[, type {login_type}][, session {terminal_session_id}][ (logon id {logon_id})]"},
    {"user_session", "reconnect", "{user} reconnected[ to session {session_name}][ from {src_ip}][ (client {src_hostname})][, session {terminal_session_id}][ (logon id {logon_id})]"},
    {"user_session", "disconnect", "{user} disconnected[ from session {session_name}][ from {src_ip}][ (client {src_hostname})][, session {terminal_session_id}][ (logon id {logon_id})]"},
    {"user_session", "lock", "{user} locked the workstation[ (session {terminal_session_id})]"},
    {"user_session", "unlock", "{user} unlocked the workstation[ (session {terminal_session_id})]"},
    {"authentication", "success", "Authentication of {target_user} succeeded[ ({method})][, ticket for {ticket_service}][, encryption {ticket_encryption_type}][ from {src_ip}][ (workstation {src_hostname})]"},
    {"authentication", "failure", "Authentication of {target_user} failed[ ({method})][: {decision_reason}][, status {status}][/{sub_status}][, logon type {login_type}][ from {src_ip}][ (workstation {src_hostname})]"},
    {"authentication", "explicit_credentials", "{user} used the credentials of {target_user}[ for {auth_target}][ in {exe}]"},
    {"account", "create", "Account {target_user} created by {user}"},
    {"account", "enable", "Account {target_user} enabled by {user}"},
    {"account", "disable", "Account {target_user} disabled by {user}"},
    {"account", "delete", "Account {target_user} deleted by {user}"},
    {"account", "change", "Account {target_user} changed by {user}"},
    {"account", "rename", "Account {previous_target_user} renamed to {target_user} by {user}"},
    {"group", "member_add", "{target_uid}[ ({target_user})] added to {group_scope} group {group_name} by {user}"},
    {"group", "member_remove", "{target_uid}[ ({target_user})] removed from {group_scope} group {group_name} by {user}"},
    // services and scheduled tasks, whichever log they come from
    {"service", "create", "Service installed: {name} ({image_path}), start type {start_type}, account {user}"},
    {"scheduled_task", "create", "Scheduled task created: {task_name} by {user}"},
    {"scheduled_task", "update", "Scheduled task updated: {task_name} by {user}"},
    {"scheduled_task", "delete", "Scheduled task deleted: {task_name} by {user}"},
    // System, PowerShell, Defender, TaskScheduler, WMI, RDP, event log
};

// Appends `text` with its fields filled in; false when a field was absent
// (written as "-").
bool expand_fields(std::string& out, std::string_view text, const car_event& event) {
    bool all_present = true;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            const auto field = car_field_from_name(text.substr(i + 1, close - i - 1));
            const std::string* value = field ? event.get(*field) : nullptr;
            out += value ? std::string_view(*value) : std::string_view("-");
            all_present = all_present && value != nullptr;
            i = close + 1;
        } else {
            out.push_back(text[i++]);
        }
    }
    return all_present;
}

// A template's text; a part in [brackets] is written only when every field
// in it is present.
std::string expand(std::string_view text, const car_event& event) {
    std::string out;
    out.reserve(text.size() + 64);
    while (!text.empty()) {
        const std::size_t open = text.find('[');
        expand_fields(out, text.substr(0, open), event);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find(']', open);
        const std::size_t kept = out.size();
        if (!expand_fields(out, text.substr(open + 1, close - open - 1), event)) out.resize(kept);
        text = close == std::string_view::npos ? std::string_view() : text.substr(close + 1);
    }
    return out;
}

// The value of payload field `name` ("Data[n]": the n-th field without a
// name), or nullptr.
const std::string* payload_value(const car_event& event, std::string_view name) {
    if (name.size() > 6 && name.starts_with("Data[") && name.back() == ']') {
        std::size_t wanted = 0;
        for (char c : name.substr(5, name.size() - 6)) {
            if (c < '0' || c > '9') return nullptr;
            wanted = wanted * 10 + static_cast<std::size_t>(c - '0');
        }
        for (const payload_field& field : event.fields) {
            if (field.name.empty() && --wanted == 0) return &field.value;
        }
        return nullptr;
    }
    for (const payload_field& field : event.fields) {
        if (field.name == name) return &field.value;
    }
    return nullptr;
}

// A value as a generic message shows it: on one line, cut at max_message_value.
void append_message_value(std::string& out, std::string_view value) {
    bool cut = false;
    if (value.size() > max_message_value) {
        std::size_t end = max_message_value;
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;  // whole characters
        value = value.substr(0, end);
        cut = true;
    }
    bool space = false;
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\t') {
            if (!space) out.push_back(' ');
            space = true;
            continue;
        }
        out.push_back(c);
        space = c == ' ';
    }
    if (cut) out += "\u2026";
}

std::string expand_payload(std::string_view text, const car_event& event) {
    std::string out;
    out.reserve(text.size() + 64);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            const std::string* value = payload_value(event, text.substr(i + 1, close - i - 1));
            if (value && !value->empty()) {
                append_message_value(out, *value);
            } else {
                out.push_back('-');
            }
            i = close + 1;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

std::string generic_message(const car_event& event) {
    if (const event_description* description = find_event_description(event.provider, event.event_id)) {
        return expand_payload(description->message, event);
    }
    constexpr std::size_t fields_shown = 3;
    std::string out = event.channel.empty() ? event.provider : event.channel;
    out += ' ';
    out += std::to_string(event.event_id);
    std::size_t shown = 0;
    for (std::size_t i = 0; i < event.fields.size() && shown < fields_shown; ++i) {
        const payload_field& field = event.fields[i];
        if (field.value.empty()) continue;
        out += shown == 0 ? ": " : ", ";
        out += payload_label(event.fields, i);
        out += '=';
        append_message_value(out, field.value);
        ++shown;
    }
    return out;
}

bool needs_quotes(std::string_view value) {
    if (value.empty()) return false;
    if (value.front() == ' ' || value.back() == ' ') return true;
    for (const char c : value) {  // one pass (find_first_of searches its set for every byte)
        if (c == ';' || c == '=' || c == '"' || c == '\r' || c == '\n') return true;
    }
    return false;
}

void append_detail_value(std::string& out, std::string_view text) {
    if (!needs_quotes(text)) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

std::string event_message(const car_event& event) {
    if (event.is_generic()) return generic_message(event);
    for (const message_template& entry : message_templates) {
        if (entry.object == event.object && (entry.action.empty() || entry.action == event.action)) {
            return expand(entry.text, event);
        }
    }
    return event.object + " " + event.action + expand(" by {exe} (pid {pid})", event);
}

std::string event_details(const car_event& event, std::span<const car_field> shown) {
    std::string out;
    auto pair = [&out](std::string_view name, std::string_view text) {
        if (!out.empty()) out += "; ";
        out += name;
        out += '=';
        append_detail_value(out, text);
    };
    if (!event.is_generic()) {
        for (const car_value& value : event.values) {
            if (std::find(shown.begin(), shown.end(), value.field) != shown.end()) continue;
            pair(name_of(value.field), value.text);
        }
        return out;
    }
    // Generic: the catalog's key fields, the other payload fields, the record's System values.
    std::vector<bool> done(event.fields.size(), false);
    if (const event_description* description = find_event_description(event.provider, event.event_id)) {
        std::string_view keys = description->key_fields;
        while (!keys.empty()) {
            const std::size_t comma = keys.find(',');
            const std::string_view key = keys.substr(0, comma);
            keys = comma == std::string_view::npos ? std::string_view() : keys.substr(comma + 1);
            for (std::size_t i = 0; i < event.fields.size(); ++i) {
                if (!done[i] && event.fields[i].name == key) {
                    pair(key, event.fields[i].value);
                    done[i] = true;
                    break;
                }
            }
        }
    }
    for (std::size_t i = 0; i < event.fields.size(); ++i) {
        if (!done[i]) pair(payload_label(event.fields, i), event.fields[i].value);
    }
    if (event.level != 0) pair("level", std::to_string(event.level));
    if (event.task != 0) pair("task", std::to_string(event.task));
    if (event.opcode != 0) pair("opcode", std::to_string(event.opcode));
    if (event.keywords != 0) {
        char hex[24];
        std::snprintf(hex, sizeof hex, "0x%016llx", static_cast<unsigned long long>(event.keywords));
        pair("keywords", hex);
    }
    if (!event.user_sid.empty()) pair("user_sid", event.user_sid);
    return out;
}

std::string payload_label(const std::vector<payload_field>& fields, std::size_t index) {
    if (!fields[index].name.empty()) return fields[index].name;
    std::size_t position = 0;
    for (std::size_t i = 0; i <= index; ++i) if (fields[i].name.empty()) ++position;
    return "Data[" + std::to_string(position) + "]";
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
