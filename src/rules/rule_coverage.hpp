#pragma once
// rule_coverage: whether each Sigma rule could look at each host's events.
// From host_profiles (what each host logged, copies once): a rule is
//  - not evaluable on a host without events of its logsource (and of the
//    event ids its condition requires);
//  - partly evaluable where such events exist but a field the rule reads
//    was never logged in them (OriginalFileName, ParentCommandLine or
//    Hashes on a host with only Security 4688 process auditing);
//  - fully evaluable otherwise.
// Per host: counts and the commonest reasons (summary.rule_coverage); with
// --coverage-detail also one coverage row per rule and host.

#include "pipeline/coverage_provider.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

class rule_coverage final : public coverage_provider {
public:
    explicit rule_coverage(const rule_library& library) : library_(library) {}
    void add_coverage(const coverage_request& request, scan_summary& summary) const override;

private:
    const rule_library& library_;
};

}  // namespace evtxcar::rules
