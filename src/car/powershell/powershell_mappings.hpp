#pragma once
// PowerShell's logs -> evtxcar's script object. Two providers, one
// normalizer each:
//  - Microsoft-Windows-PowerShell (the Operational log): script blocks
//    (4104) and module logging (4103);
//  - PowerShell (the classic "Windows PowerShell" log): engine start and
//    stop (400, 403), provider start (600), pipeline execution (800). Their
//    payload is unnamed <Data> text; the context is key=value lines.
// docs/data-model.md has the table, field by field.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_powershell_operational_normalizer();
std::unique_ptr<event_normalizer> make_windows_powershell_normalizer();

}  // namespace evtxcar

namespace evtxcar::powershell {

// powershell_operational.cpp
std::string map_script_block(const event_fields& in, car_event& out);    // 4104
std::string map_module_logging(const event_fields& in, car_event& out);  // 4103
// windows_powershell.cpp
std::string map_engine_state(const event_fields& in, car_event& out);    // 400, 403
std::string map_provider_start(const event_fields& in, car_event& out);  // 600
std::string map_pipeline(const event_fields& in, car_event& out);        // 800

// powershell_context.cpp

// The "key=value" lines PowerShell writes as an event's context: the
// classic log's "\tHostApplication=powershell -nop ..." and 4103's
// "        Host Application = powershell -nop ...". A line splits at its
// first '='; key and value lose their surrounding blanks. Lines without
// '=' are skipped.
struct context_entry {
    std::string_view key;
    std::string_view value;
};
std::vector<context_entry> read_context(std::string_view text);
std::string_view context_value(const std::vector<context_entry>& context, std::string_view key);

// One context key and the CAR field it fills.
struct context_field {
    std::string_view key;
    car_field field;
};
// Sets each field from its key (absent or empty: nothing set).
void set_context_fields(const std::vector<context_entry>& context, std::span<const context_field> fields, car_event& out);

// The n-th (1-based) payload field without a name: the classic log's Data[n].
std::string_view unnamed_field(const event_fields& in, std::size_t position);

// pid from the record's Execution/@ProcessID (the PowerShell host process,
// where the Operational log's events are written) and uid from its
// Security/@UserID.
void set_host_process(const event_fields& in, car_event& out);

}  // namespace evtxcar::powershell
