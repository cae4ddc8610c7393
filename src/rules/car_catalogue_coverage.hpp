#pragma once
// car_catalogue_coverage: whether each built-in CAR analytic's variants
// could look at each host, and the catalogue's part of the summary.
//  - rows: one coverage row per host and variant of every analytic the
//    catalogue runs as rules (a rule variant from its logsource and the
//    fields it reads, as rule_coverage judges rules; a correlation variant
//    from the rules it counts: it can look where all of them can), always,
//    beside the rows of the C++ analytics (their event_need);
//  - summary.car_catalogue: per analytic and variant, on how many hosts it
//    could look fully, partly or not at all, and, where no host could, why;
//    the analytics left out by --analytics, those that need data event logs
//    do not hold, and the deprecated ones.

#include <memory>
#include <string>
#include <vector>

#include "analytics/analytic.hpp"
#include "pipeline/coverage_provider.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

// What the run asked of the catalogue.
struct catalogue_run {
    bool enabled = true;                  // false: --no-car-catalogue
    std::vector<std::string> selected;    // --analytics: CAR ids; empty: all
    bool runs(std::string_view id) const;
};

class car_catalogue_coverage final : public coverage_provider {
public:
    // `library` may be null (no rules at all); `analytics` is the run's list.
    car_catalogue_coverage(const rule_library* library, const std::vector<std::unique_ptr<analytic>>& analytics,
                           catalogue_run asked)
        : library_(library), analytics_(analytics), asked_(std::move(asked)) {}
    void add_coverage(const coverage_request& request, scan_summary& summary) const override;

private:
    const rule_library* library_;
    const std::vector<std::unique_ptr<analytic>>& analytics_;
    catalogue_run asked_;
};

}  // namespace evtxcar::rules
