#pragma once
// analytic_coverage: whether each analytic variant could see anything on
// each host. The scan workers count, per host, the events each variant's
// event_need asks for (coverage_counts); after the timeline pass the counts,
// the hosts and the detections become coverage rows (scan_summary::coverage,
// coverage.csv, the report).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analytics/detection_list.hpp"

#include "analytics/analytic.hpp"
#include "pipeline/scan_summary.hpp"

namespace evtxcar {

// The distinct needs of every variant of every analytic, in table order.
std::vector<event_need> needs_of(const std::vector<std::unique_ptr<analytic>>& analytics);

struct need_count {
    std::uint64_t events = 0;      // events of the need's object/action
    std::uint64_t with_field = 0;  // of those, events carrying the need's field
};

// Per host (Computer, lower case), one need_count per need (by index).
class coverage_counts {
public:
    // Counts `event` of host `computer` against every need it meets.
    void count(const std::vector<event_need>& needs, std::string_view computer, const car_event& event);
    void add(const coverage_counts& other);
    const need_count* find(std::string_view host_key, std::size_t need_index) const;

private:
    std::map<std::string, std::vector<need_count>, std::less<>> by_host_;
    std::string last_computer_;  // the host of the previous count, and its counts: records come in runs of one host
    std::vector<need_count>* last_counts_ = nullptr;
};

// One row per host x analytic x variant (`counts` made with needs_of(analytics)). Hosts are the Computer names of
// every record read (records_by_host), letter case folded; `windowed` says
// --from/--to limited the events, so a reason can say so.
std::vector<coverage_row> build_coverage(const std::map<std::string, std::uint64_t>& records_by_host,
                                         const std::vector<std::unique_ptr<analytic>>& analytics,
                                         const coverage_counts& counts,
                                         const detection_list& detections, bool windowed);

}  // namespace evtxcar
