#pragma once
// Microsoft Defender Antivirus (provider "Microsoft-Windows-Windows
// Defender", its Operational log) -> evtxcar's malware object: a threat
// detected (1116) and the action taken on it (1117). Both events have the
// same 42 fields, named with spaces ("Threat Name"). docs/data-model.md has
// the table, field by field.

#include <memory>
#include <string>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_defender_normalizer();

}  // namespace evtxcar

namespace evtxcar::defender {

std::string map_threat(const event_fields& in, car_event& out);  // 1116 detect, 1117 remediate

// A detection's resource list ("file:_C:\\x\\a.ps1") -> the file's path
// when it is a single file resource; otherwise the list as logged
// ("containerfile:_C:\\a.zip; file:_C:\\a.zip->x.js", "process:_pid:...").
std::string file_path_of(std::string_view resources);

}  // namespace evtxcar::defender
