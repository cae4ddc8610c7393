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

#include <map>
#include <string>
#include <vector>

#include "pipeline/coverage_provider.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

// Whether one rule could look at one host's events (`kinds`).
struct rule_judgement {
    std::uint64_t events = 0;  // events of its logsource (and event ids)
    bool evaluable = false;
    bool partial = false;
    std::string missing;  // fields it reads that those events never carried: "parent_command_line, md5_hash"
    std::string needs;    // "process/create events", in words
    std::string why;      // when not (fully) evaluable
};
// `where`: " on this host" (or " ... inside --from/--to"), for the reasons.
rule_judgement judge_rule(const rule_library& library, const run_rule& rule, const host_profiles::kinds& kinds,
                          std::string_view where);
// A coverage row of one rule (`id`, `title`, `variant`) on one host, from its judgement.
coverage_row row_of(const std::string& host, std::string id, std::string title, std::string variant,
                    const rule_judgement& judged, std::uint64_t detections);
// The commonest reasons, most first, at most 5: "412 rules: no PowerShell 4104 events".
std::vector<std::string> commonest_reasons(const std::map<std::string, std::uint64_t>& reasons, std::string_view one,
                                           std::string_view many);
// The events one host logged (none when it is not in `profiles`).
const host_profiles::kinds& kinds_of(const host_profiles& profiles, const std::string& host);

class rule_coverage final : public coverage_provider {
public:
    explicit rule_coverage(const rule_library& library) : library_(library) {}
    void add_coverage(const coverage_request& request, scan_summary& summary) const override;

private:
    const rule_library& library_;
};

}  // namespace evtxcar::rules
