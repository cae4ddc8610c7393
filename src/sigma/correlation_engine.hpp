#pragma once
// correlation_engine: runs a rule_set's correlation rules over the hits of
// their rules, fed in timeline order, and says when a correlation holds.
//
// Windows: a group (one combination of group-by values) keeps the hits of
// the last `timespan`. A condition with only lower bounds (gt, gte: "at
// least N in T") is judged as each hit arrives, over the sliding window; a
// condition with an upper bound (lt, lte, eq, neq) is judged when the
// window, opened by the group's first hit, closes (time passes its end, or
// finish()). temporal: every rule counted (or the condition's number of
// distinct rules) within the window; temporal_ordered: the rules' hits in
// the order written, all within the timespan. A group whose correlation
// fired starts afresh.
//
// Memory: hits older than the timespan are dropped as time advances, and
// a group with no hit left is forgotten, so a correlation holds at most the
// hits of one timespan, and never more than `max_hits` (the oldest are then
// dropped and counted in evicted()). A held hit costs about 100 bytes
// (time, handle, its group's key; the value for value_count).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sigma/event_view.hpp"
#include "sigma/rule_set.hpp"

namespace evtxcar::sigma {

struct correlation_hit {
    std::size_t correlation = 0;            // index in rule_set::correlations
    std::vector<std::string> group_values;  // in the correlation's group-by order ("" for a missing field)
    time_ticks first_time = 0;              // of the contributing hits
    time_ticks last_time = 0;
    // event_count: hits; value_count: distinct values; temporal and
    // temporal_ordered: distinct rules; value_sum: the sum; value_avg: the mean.
    double count = 0;
    std::vector<std::uint64_t> events;  // the contributing events' handles, in timeline order
};

struct correlation_limits {
    std::size_t max_hits = 100'000;  // per correlation: about 10 MB at most
};

class correlation_engine {
public:
    explicit correlation_engine(const rule_set& rules, correlation_limits limits = {});
    ~correlation_engine();
    correlation_engine(const correlation_engine&) = delete;
    correlation_engine& operator=(const correlation_engine&) = delete;

    // True when hits of rules[rule_index] feed some correlation.
    bool wants(std::size_t rule_index) const;

    // A hit of rules[rule_index] on the event `event_handle` (opaque to the
    // engine) at `time`; `event` gives the group-by and value fields. Hits
    // must come in timeline order. Correlations that hold are appended to
    // `out` (those that only feed another correlation are not).
    void add_hit(std::size_t rule_index, time_ticks time, std::uint64_t event_handle, const event_view& event,
                 std::vector<correlation_hit>& out);

    // The end of the timeline: windows still open are judged.
    void finish(std::vector<correlation_hit>& out);

    std::uint64_t evicted() const;  // hits dropped to keep within max_hits
    std::size_t retained() const;   // hits held now, over all correlations

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace evtxcar::sigma
