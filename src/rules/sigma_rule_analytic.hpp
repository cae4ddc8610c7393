#pragma once
// sigma_rule_analytic: one Sigma rule as an analytic. Its marker (the
// rule_library's) matched it in the scan workers; in the timeline pass it
// turns each marked event into a detection with the rule's title, level,
// status, ATT&CK techniques and tactics, and file. A built-in CAR
// analytic's rule names the analytic and variant, and its reason the values
// of the fields the rule read.

#include <string>

#include "analytics/analytic.hpp"
#include "rules/rule_library.hpp"

namespace evtxcar::rules {

class sigma_rule_analytic final : public analytic {
public:
    sigma_rule_analytic(const run_rule& rule, const rule_library& library);

    // A built-in CAR analytic's rule is that analytic's variant: its CAR id.
    std::string_view id() const override {
        return rule_.catalogue ? std::string_view(rule_.catalogue->analytic_id) : rule_.rule->metadata().display_id();
    }
    std::string_view name() const override { return rule_.rule->metadata().title; }
    std::string_view technique() const override { return techniques_; }
    std::vector<analytic_variant> variants() const override { return {}; }  // coverage: rule_coverage
    bool wants_process(const car_event&) const override { return false; }
    bool may_want_processes() const override { return false; }
    void evaluate(const car_event&, const process_context&, detection_output&, analytic_warnings&) const override {}

    bool marks_in_scan() const override { return true; }
    std::string_view mark_label() const override { return rule_.label; }
    void detection_for_mark(const car_event& event, detection& out) const override;

    const run_rule& rule() const { return rule_; }

private:
    const run_rule& rule_;
    const rule_library& library_;
    std::string techniques_;  // "T1059.001, T1027"
    std::string tactics_;
};

}  // namespace evtxcar::rules
