#include "event_text.hpp"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <string_view>

#include "byte_search.hpp"
#include "event_catalog.hpp"

namespace evtxcar {

namespace {

struct message_template {
    std::string_view object;
    std::string_view action;  // "" matches any action of the object
    std::string_view text;    // {field}: the field's text, "-" when absent; [...]: only when its fields are all present
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
    {"service", "start", "Service {name} entered the {state} state[ ({service_key_name})]"},
    {"service", "stop", "Service {name} entered the {state} state[ ({service_key_name})]"},
    {"service", "pause", "Service {name} entered the {state} state[ ({service_key_name})]"},
    {"service", "state_change", "Service {name} entered the {state} state[ ({service_key_name})]"},
    {"service", "modify", "Service {name}: start type changed from {previous_start_type} to {start_type}"},
    {"log", "clear", "The {log_name} log was cleared by {user}[ (backup {backup_path})]"},
    {"script", "block", "PowerShell script block[ {message_number} of {message_total}][ ({script_path})]: {script_block_text}"},
    {"script", "invoke", "PowerShell[ {command_name}][ in {script_name}]: {invocation}"},
    {"script", "engine_start", "PowerShell engine {engine_version} started (host {host_name} {host_version})[: {command_line}]"},
    {"script", "engine_stop", "PowerShell engine {engine_version} stopped (host {host_name} {host_version})[: {command_line}]"},
    {"script", "provider_start", "PowerShell provider {name} started[: {command_line}]"},
    {"malware", "detect", "Defender detected {threat_name} (severity {severity}, {category}) in {file_path}[ by {exe}][ as {user}]"},
    {"malware", "remediate", "Defender took action {action_taken} on {threat_name} in {file_path}[: {error_description}]"},
    {"scheduled_task", "start", "Scheduled task {task_name} started action {action_name}"},
    {"scheduled_task", "complete", "Scheduled task {task_name} completed action {action_name}[ (result {result_code})]"},
    {"wmi", "binding", "WMI binding[ {operation}]: filter {wmi_filter} to consumer {wmi_consumer}[ in {event_namespace}][: {wmi_query}][ runs {wmi_destination}]"},
    // user_session's login, logout, reconnect and disconnect: the wording of the Security auditing block
    {"user_session", "shell_start", "Shell started for {user}[ from {src_ip}][, session {terminal_session_id}]"},
};

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
    // A run of line breaks and tabs, and a space before it, becomes one space.
    bool space = false;  // the last byte written is a space
    for (std::size_t at = first_of<'\r', '\n', '\t'>(value); at != std::string_view::npos;
         at = first_of<'\r', '\n', '\t'>(value)) {
        if (at > 0) {
            out.append(value.substr(0, at));
            space = value[at - 1] == ' ';
        }
        if (!space) out.push_back(' ');
        space = true;
        value.remove_prefix(at + 1);
    }
    out.append(value);
    if (cut) out += "\u2026";
}

// A message template read once: its text, fields and [...] groups.
struct template_piece {
    enum class kind : std::uint8_t { text, field, unknown_field, group } what = kind::text;
    std::string_view text;           // kind::text
    car_field field{};               // kind::field
    std::size_t group_end = 0;       // kind::group: the index after the group's last piece
};

// The pieces of `text` (a group ends at the first ']' after its '[').
std::vector<template_piece> compile_template(std::string_view text) {
    std::vector<template_piece> pieces;
    std::size_t group_start = std::string_view::npos;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '[') {
            group_start = pieces.size();
            pieces.push_back({.what = template_piece::kind::group});
            ++i;
        } else if (text[i] == ']' && group_start != std::string_view::npos) {
            pieces[group_start].group_end = pieces.size();
            group_start = std::string_view::npos;
            ++i;
        } else if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            const auto field = car_field_from_name(text.substr(i + 1, close - i - 1));
            pieces.push_back(field ? template_piece{.what = template_piece::kind::field, .field = *field}
                                   : template_piece{.what = template_piece::kind::unknown_field});
            i = close + 1;
        } else {
            const std::size_t next = std::min(text.find_first_of("[]{", i + 1), text.size());
            pieces.push_back({.what = template_piece::kind::text, .text = text.substr(i, next - i)});
            i = next;
        }
    }
    if (group_start != std::string_view::npos) pieces[group_start].group_end = pieces.size();  // an unclosed '['
    return pieces;
}

// Appends pieces [first, last) to `out`; false when a field they name is
// absent (its place then reads "-"). A group is written only when every
// field in it is present.
bool expand_pieces(std::string& out, const std::vector<template_piece>& pieces, std::size_t first, std::size_t last,
                   const car_event& event) {
    bool complete = true;
    for (std::size_t i = first; i < last; ++i) {
        const template_piece& piece = pieces[i];
        switch (piece.what) {
            case template_piece::kind::text:
                out.append(piece.text);
                break;
            case template_piece::kind::group: {
                const std::size_t mark = out.size();
                if (!expand_pieces(out, pieces, i + 1, piece.group_end, event)) out.resize(mark);
                i = piece.group_end - 1;
                break;
            }
            case template_piece::kind::field:
                if (const std::string* value = event.get(piece.field)) {
                    append_message_value(out, *value);
                    break;
                }
                [[fallthrough]];
            case template_piece::kind::unknown_field:
                out.push_back('-');
                complete = false;
                break;
        }
    }
    return complete;
}

// message_templates, read once; then the wording of an object and action
// without a template of their own.
const std::vector<std::vector<template_piece>>& compiled_templates() {
    static const std::vector<std::vector<template_piece>> compiled = [] {
        std::vector<std::vector<template_piece>> all;
        for (const message_template& entry : message_templates) all.push_back(compile_template(entry.text));
        all.push_back(compile_template(" by {exe} (pid {pid})"));
        return all;
    }();
    return compiled;
}

void expand_compiled(std::string& out, const std::vector<template_piece>& pieces, const car_event& event) {
    expand_pieces(out, pieces, 0, pieces.size(), event);
}

void append_payload_template(std::string& out, std::string_view text, const car_event& event) {
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
            const std::size_t next = std::min(text.find('{', i), text.size());
            out.append(text.substr(i, next - i));
            i = next;
        }
    }
}

void append_generic_message(std::string& out, const car_event& event) {
    if (const event_description* description = find_event_description(event.provider, event.event_id)) {
        append_payload_template(out, description->message, event);
        return;
    }
    constexpr std::size_t fields_shown = 3;
    out += event.channel.empty() ? event.provider : event.channel;
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
}

bool needs_quotes(std::string_view value) {
    if (value.empty()) return false;
    if (value.front() == ' ' || value.back() == ' ') return true;
    return first_of<';', '=', '"', '\r', '\n'>(value) != std::string_view::npos;
}

void append_detail_value(std::string& out, std::string_view text) {
    if (!needs_quotes(text)) {
        out += text;
        return;
    }
    out += '"';
    for (std::size_t quote = text.find('"'); quote != std::string_view::npos; quote = text.find('"')) {
        out.append(text.substr(0, quote + 1));
        out.push_back('"');
        text.remove_prefix(quote + 1);
    }
    out.append(text);
    out += '"';
}

}  // namespace

void append_event_message(std::string& out, const car_event& event) {
    if (event.is_generic()) {
        append_generic_message(out, event);
        return;
    }
    // The template of the object and action, else the object's own (action "").
    const auto& compiled = compiled_templates();
    std::size_t found = std::size(message_templates);
    for (std::size_t i = 0; i < std::size(message_templates); ++i) {
        const message_template& entry = message_templates[i];
        if (entry.object != event.object) continue;
        if (entry.action == event.action) {
            found = i;
            break;
        }
        if (entry.action.empty() && found == std::size(message_templates)) found = i;
    }
    if (found != std::size(message_templates)) {
        expand_compiled(out, compiled[found], event);
        return;
    }
    out += event.object;
    out += ' ';
    out += event.action;
    expand_compiled(out, compiled.back(), event);  // " by {exe} (pid {pid})"
}

std::string event_message(const car_event& event) {
    std::string out;
    append_event_message(out, event);
    return out;
}

void append_event_details(std::string& out, const car_event& event, std::span<const car_field> shown) {
    const std::size_t start = out.size();
    auto pair = [&out, start](std::string_view name, std::string_view text) {
        if (out.size() != start) out += "; ";
        out += name;
        out += '=';
        append_detail_value(out, text);
    };
    if (!event.is_generic()) {
        std::bitset<256> hidden;
        for (car_field field : shown) hidden.set(static_cast<std::size_t>(field));
        for (const car_value& value : event.values) {
            if (hidden.test(static_cast<std::size_t>(value.field))) continue;
            pair(name_of(value.field), value.text);
        }
        return;
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
}

std::string event_details(const car_event& event, std::span<const car_field> shown) {
    std::string out;
    append_event_details(out, event, shown);
    return out;
}

std::string payload_label(const std::vector<payload_field>& fields, std::size_t index) {
    if (!fields[index].name.empty()) return fields[index].name;
    std::size_t position = 0;
    for (std::size_t i = 0; i <= index; ++i) if (fields[i].name.empty()) ++position;
    return "Data[" + std::to_string(position) + "]";
}

void append_analytics_text(std::string& out, const car_event& event) {
    const std::size_t start = out.size();
    for (const std::string& label : event.analytics) {
        if (out.size() != start) out += "; ";
        out += label;
    }
}

std::string analytics_text(const car_event& event) {
    std::string out;
    append_analytics_text(out, event);
    return out;
}

}  // namespace evtxcar
