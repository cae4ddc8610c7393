// The classic "Windows PowerShell" log (provider PowerShell, every
// PowerShell version, 2.0 included: the log where a downgrade to the 2.0
// engine still shows). Its events carry their text as unnamed <Data>
// elements, the message's insertion strings in order:
//   400/403  Data[1] new engine state, Data[2] previous state, Data[3] context
//   600      Data[1] provider name, Data[2] new provider state, Data[3] context
//   800      Data[1] pipeline command line, Data[2] context, Data[3] details
// The context is "\tKey=Value" lines (HostApplication, EngineVersion, ...).
#include "car/powershell/powershell_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping classic_mappings[] = {
    {400, payload_kind::event_data, powershell::map_engine_state},
    {403, payload_kind::event_data, powershell::map_engine_state},
    {600, payload_kind::event_data, powershell::map_provider_start},
    {800, payload_kind::event_data, powershell::map_pipeline},
};

}  // namespace

std::unique_ptr<event_normalizer> make_windows_powershell_normalizer() {
    return make_table_normalizer("PowerShell", classic_mappings);
}

}  // namespace evtxcar

namespace evtxcar::powershell {

namespace {

constexpr context_field classic_context[] = {
    {"HostName", car_field::host_name},         {"HostVersion", car_field::host_version},
    {"HostApplication", car_field::command_line}, {"EngineVersion", car_field::engine_version},
    {"RunspaceId", car_field::runspace_id},     {"CommandName", car_field::command_name},
    {"CommandType", car_field::command_type},   {"ScriptName", car_field::script_name},
    {"CommandPath", car_field::command_path},   {"CommandLine", car_field::script_command_line},
    {"UserId", car_field::user},
};

// The context's fields; a context without key=value lines is a problem.
std::string set_classic_context(const event_fields& in, std::size_t position, car_event& out) {
    const std::string_view text = unnamed_field(in, position);
    const std::vector<context_entry> context = read_context(text);
    set_context_fields(context, classic_context, out);
    if (!context.empty()) return {};
    return "Data[" + std::to_string(position) + "] holds no 'key=value' context";
}

void set_unnamed(const event_fields& in, std::size_t position, car_event& out, car_field field) {
    const std::string_view value = unnamed_field(in, position);
    if (!value.empty()) out.set(field, std::string(value));
}

}  // namespace

std::string map_engine_state(const event_fields& in, car_event& out) {
    out.object = "script";
    out.action = in.record().event_id == 403 ? "engine_stop" : "engine_start";
    set_unnamed(in, 1, out, car_field::state);
    set_unnamed(in, 2, out, car_field::previous_state);
    return set_classic_context(in, 3, out);
}

std::string map_provider_start(const event_fields& in, car_event& out) {
    out.object = "script";
    out.action = "provider_start";
    set_unnamed(in, 1, out, car_field::name);
    set_unnamed(in, 2, out, car_field::state);
    return set_classic_context(in, 3, out);
}

std::string map_pipeline(const event_fields& in, car_event& out) {
    out.object = "script";
    out.action = "invoke";
    std::string problem = set_classic_context(in, 2, out);
    set_unnamed(in, 1, out, car_field::script_command_line);  // the same command line the context's CommandLine names
    set_unnamed(in, 3, out, car_field::invocation);
    return problem;
}

}  // namespace evtxcar::powershell
