#pragma once
// timeline_pass: the second half of a scan. Walks the merged timeline once;
// runs every analytic on each event, marks the hits on the event, gives each
// detection its process context, and streams the event to every report
// writer. With two threads the writers run on their own thread, fed in
// timeline order through a bounded event_batch_queue. A stop request ends
// the pass between two events, with an error that says so.

#include <memory>
#include <vector>

#include "analytics/analytic.hpp"
#include "pipeline/progress_meter.hpp"
#include "pipeline/stop_request.hpp"
#include "pipeline/timeline_sorter.hpp"
#include "report_writer.hpp"

namespace evtxcar {

enum class timeline_pass_threads { one, two };

struct timeline_pass_result {
    std::vector<detection> detections;  // in timeline order
    analytic_warnings warnings;
    std::uint64_t events = 0;
};

result<timeline_pass_result> run_timeline_pass(timeline_sorter& sorter,
                                               const std::vector<std::unique_ptr<analytic>>& analytics,
                                               const process_index& processes,
                                               std::vector<std::unique_ptr<report_writer>>& writers,
                                               progress_meter& progress, timeline_pass_threads threads,
                                               const stop_request& stop = {});

}  // namespace evtxcar
