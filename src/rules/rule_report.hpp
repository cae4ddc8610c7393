#pragma once
// rule_report: what loading the rule files gave, for the scan summary
// (rule_load_summary) and for `--list-rules`.

#include <iosfwd>

#include <memory>
#include <vector>

#include "analytics/analytic.hpp"
#include "pipeline/scan_summary.hpp"
#include "rules/car_catalogue_coverage.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

// Loaded, rejected (the engine's and the library's: an unknown logsource),
// skipped: of the rule files of --rules (the built-in catalogue's rules are
// not counted, but a built-in rule refused would be listed as rejected).
rule_load_summary summarize_load(const rule_library& library);

// `--list-rules`: the CAR catalogue, one line per analytic variant (CAR id,
// whether it runs, variant, the sensors whose events it reads, title), and
// one line per CAR analytic that does not run, with why; then, for
// --rules, one line per rule that runs (id, level, status, logsource,
// title, file), every rejected rule with the construct refused and why,
// and the skipped ones counted by reason. `library` may be null.
void list_rules(const rule_library* library, const std::vector<std::unique_ptr<analytic>>& analytics,
                const catalogue_run& catalogue, bool user_rules, std::ostream& out);

}  // namespace evtxcar::rules
