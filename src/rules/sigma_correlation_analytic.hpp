#pragma once
// sigma_correlation_analytic: the rule library's correlation rules, as one
// analytic of the timeline pass (correlations keep state across events, so
// they run in timeline order, on one thread). The scan workers marked each
// event with the rules it matched; this analytic feeds those hits to the
// correlation engine and makes a detection of each correlation that holds,
// on the event that made it hold. A correlation judged when its window
// closes (an upper bound: "fewer than 3 in 10m") holds after its last event
// has passed: its detection names the last event it counted when that is
// one of the last `remembered_events` events of the rules it counts, else
// only the time.

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analytics/analytic.hpp"
#include "rules/car_event_view.hpp"
#include "rules/rule_library.hpp"
#include "sigma/correlation_engine.hpp"

namespace evtxcar::rules {

class sigma_correlation_analytic final : public analytic {
public:
    static constexpr std::size_t remembered_events = 4096;

    explicit sigma_correlation_analytic(const rule_library& library);
    ~sigma_correlation_analytic() override;

    std::string_view id() const override { return "sigma-correlations"; }
    std::string_view name() const override { return "Sigma correlation rules"; }
    std::string_view technique() const override { return {}; }
    std::vector<analytic_variant> variants() const override { return {}; }
    bool wants_process(const car_event&) const override { return false; }
    bool may_want_processes() const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    // Sets every member of `found` but `process` (a slot that may hold an
    // earlier detection) for `hit`, fired at `event`.
    void make_detection(const sigma::correlation_hit& hit, const car_event& event, detection& found) const;
    std::string value_list(const sigma::correlation_hit& hit, const sigma::correlation_rule& rule) const;

    // What a correlation's detections share, worked out once per correlation.
    struct detection_parts {
        detection base;             // analytic, rule, level, status: everything but the event and the reason
        bool catalogue = false;     // a CAR analytic written as a correlation
        std::string reason_head;    // up to what was counted
        std::string counted_before; // "a sum of ", or all of it where no count is shown ("all 3 rules")
        bool shows_count = true;
        std::string counted_after;  // " events", " distinct User"
        std::string within;         // " within 10m"
        std::string threshold;      // " (threshold: at least 3)" or ""
    };
    static detection_parts parts_of(const sigma::correlation_rule& rule,
                                    const std::optional<catalogue_identity>& identity);

    const rule_library& library_;
    std::vector<detection_parts> parts_;  // by index in rule_set::correlations
    std::unordered_map<std::string, std::size_t> rule_of_label_;  // marker label -> index in rule_set::rules
    bool remember_events_ = false;  // some correlation is judged when its window closes
    // Timeline pass state (one thread).
    mutable std::unique_ptr<sigma::correlation_engine> engine_;
    mutable car_event_view view_;
    mutable std::uint64_t next_handle_ = 0;
    mutable std::deque<std::pair<std::uint64_t, car_event>> recent_;  // the last events fed, by handle
    mutable std::vector<sigma::correlation_hit> hits_;
};

}  // namespace evtxcar::rules
