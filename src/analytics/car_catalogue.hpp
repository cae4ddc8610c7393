#pragma once
// car_catalogue: every analytic of MITRE's Cyber Analytics Repository (CAR)
// and what evtxcar does with it. Most run as Sigma-format rules of
// evtxcar's product `car` (src/analytics/car/<CAR id>.yml, built into the
// binary), some as C++ analytics (src/analytics/car_YYYY_MM_NNN.*: where a
// rule cannot say it), and the rest are listed with what they would need,
// since event logs do not hold it. docs/analytics/README.md is the
// catalogue in words.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evtxcar {

enum class car_implementation {
    rules,                // Sigma-format rules (one per variant), built in
    cpp,                  // a C++ analytic (analytic_table.cpp)
    not_from_event_logs,  // needs data Windows event logs do not hold
    deprecated,           // CAR replaced it by another analytic
};

struct car_catalogue_entry {
    std::string_view id;     // "CAR-2013-02-003"
    std::string_view title;  // CAR's title
    car_implementation implementation = car_implementation::rules;
    std::string_view needs = {};        // not_from_event_logs: what it would need, in words
    std::string_view replaced_by = {};  // deprecated: the CAR id that replaces it
};

// Every CAR analytic, by id.
std::span<const car_catalogue_entry> car_catalogue();
const car_catalogue_entry* find_car_analytic(std::string_view id);
std::string_view implementation_name(car_implementation implementation);

// The analytics --analytics names, with those an asked one cannot run
// without: CAR-2015-07-001 looks when a credential dumping analytic fires,
// so asking for it alone brings those along (their detections are listed too).
std::vector<std::string> with_prerequisites(std::vector<std::string> selected);

// The built-in rule files, one per CAR analytic implemented as rules:
// `file` is the name they are loaded under ("src/analytics/car/CAR-2013-02-003.yml"),
// `id` the CAR id, `text` the YAML, embedded at build time.
struct car_rule_file {
    std::string_view id;
    std::string_view file;
    std::string_view text;
};
std::span<const car_rule_file> car_rule_files();
const car_rule_file* find_car_rule_file(std::string_view id);

}  // namespace evtxcar
