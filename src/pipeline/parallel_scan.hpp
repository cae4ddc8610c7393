#pragma once
// parallel_scan: reads every file with N worker threads. Work is handed out
// per file; a file with several segments offers its other segments to idle
// workers, each of which opens its own reader on it.

#include <memory>
#include <string>
#include <vector>

#include "analytics/analytic.hpp"
#include "car/normalizer.hpp"
#include "pipeline/progress_meter.hpp"
#include "pipeline/record_consumer.hpp"
#include "pipeline/scan_tally.hpp"
#include "pipeline/stop_request.hpp"
#include "pipeline/timeline_sorter.hpp"
#include "record_source.hpp"

namespace evtxcar {

struct parallel_scan_settings {
    unsigned threads = 1;
    read_options read;
    time_window window;
    timeline_scope timeline = timeline_scope::all;
    // What marks events in the scan for the analytics that judge each event
    // alone (Sigma rules); each worker makes its own markers from them.
    std::vector<const event_marker_source*> markers;
    std::size_t sort_memory_budget = 24u << 20;  // bytes of events held before spilling, all workers together
    stop_request stop;  // when requested, workers take no further segment (the scan is then abandoned)
};

// One tally per worker; file i of `files` is file_index i.
std::vector<scan_tally> run_parallel_scan(const std::vector<std::string>& files,
                                          const std::vector<std::uint64_t>& file_bytes, const evtx_engine& engine,
                                          const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                                          const std::vector<std::unique_ptr<analytic>>& analytics,
                                          const parallel_scan_settings& settings, timeline_sorter& sorter,
                                          progress_meter& progress);

}  // namespace evtxcar
