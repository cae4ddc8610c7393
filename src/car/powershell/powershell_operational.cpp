// Microsoft-Windows-PowerShell/Operational: script block logging (4104, a
// script's text, split into parts of at most about 16 KiB) and module
// logging (4103, a command invocation with its parameter bindings). The
// log's other events (4100 errors, 40961/40962 console start, 53504 IPC
// listener) are generic events with the catalog's messages.
#include "car/powershell/powershell_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping operational_mappings[] = {
    {4103, payload_kind::event_data, powershell::map_module_logging},
    {4104, payload_kind::event_data, powershell::map_script_block},
};

}  // namespace

std::unique_ptr<event_normalizer> make_powershell_operational_normalizer() {
    return make_table_normalizer("Microsoft-Windows-PowerShell", operational_mappings);
}

}  // namespace evtxcar

namespace evtxcar::powershell {

namespace {

// Copies a part number; one that is not a number is kept as logged and described.
std::string set_part_number(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view logged = in.get(name);
    if (logged.empty()) return {};
    out.set(field, std::string(logged));
    if (is_decimal(logged)) return {};
    return std::string(name) + " '" + std::string(logged) + "' is not a number";
}

// 4103's ContextInfo keys ("Host Application = ..."), as PowerShell 3.0 and
// later write them.
constexpr context_field module_logging_context[] = {
    {"Host Name", car_field::host_name},           {"Host Version", car_field::host_version},
    {"Host Application", car_field::command_line}, {"Engine Version", car_field::engine_version},
    {"Runspace ID", car_field::runspace_id},       {"Command Name", car_field::command_name},
    {"Command Type", car_field::command_type},     {"Script Name", car_field::script_name},
    {"Command Path", car_field::command_path},     {"User", car_field::user},
};

}  // namespace

std::string map_script_block(const event_fields& in, car_event& out) {
    out.object = "script";
    out.action = "block";
    set_host_process(in, out);
    copy_field(in, "ScriptBlockText", out, car_field::script_block_text);
    copy_field(in, "ScriptBlockId", out, car_field::script_block_id);
    copy_field(in, "Path", out, car_field::script_path);
    std::string problem = set_part_number(in, "MessageNumber", out, car_field::message_number);
    std::string total_problem = set_part_number(in, "MessageTotal", out, car_field::message_total);
    return problem.empty() ? total_problem : problem;
}

std::string map_module_logging(const event_fields& in, car_event& out) {
    out.object = "script";
    out.action = "invoke";
    set_host_process(in, out);
    const std::vector<context_entry> context = read_context(in.get("ContextInfo"));
    set_context_fields(context, module_logging_context, out);
    copy_field(in, "Payload", out, car_field::invocation);
    if (context.empty() && !in.get("ContextInfo").empty()) return "ContextInfo has no 'key = value' lines";
    return {};
}

}  // namespace evtxcar::powershell
