#pragma once
// coverage_provider: something that says, after the timeline pass, per host
// whether its analytics could look, from what each host logged
// (host_profiles). The rule library is one (src/rules/rule_coverage).

#include <vector>

#include "analytics/detection_list.hpp"
#include "pipeline/host_profiles.hpp"
#include "pipeline/scan_summary.hpp"

namespace evtxcar {

struct coverage_request {
    const host_profiles& profiles;
    const detection_list& detections;
    bool windowed = false;  // --from/--to limited the events
    bool detail = false;    // one coverage row per rule and host (--coverage-detail)
};

class coverage_provider {
public:
    virtual ~coverage_provider() = default;
    // Adds to summary.rule_coverage (and, with detail, summary.coverage).
    virtual void add_coverage(const coverage_request& request, scan_summary& summary) const = 0;
};

}  // namespace evtxcar
