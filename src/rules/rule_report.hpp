#pragma once
// rule_report: what loading the rule files gave, for the scan summary
// (rule_load_summary) and for `--list-rules`.

#include <iosfwd>

#include "pipeline/scan_summary.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

// Loaded, rejected (the engine's and the library's: an unknown logsource),
// skipped.
rule_load_summary summarize_load(const rule_library& library);

// `--list-rules`: one line per rule that runs (id, level, status, logsource,
// title, file), then every rejected rule with the construct refused and
// why, then the skipped ones counted by reason.
void list_rules(const rule_library& library, std::ostream& out);

}  // namespace evtxcar::rules
