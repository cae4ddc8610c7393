#pragma once
// timeline_pass: the second half of a scan. Walks the merged timeline once;
// runs every analytic on each event, marks the hits on the event, gives each
// detection its process context, and streams the event to every report
// writer; each detection goes, as it is made, to the writers that take
// detections (report_writer::takes_detections) and to the result's store.
// Copies of one event (the same record in several files) are
// written once, with the other files in `copies` (duplicate_filter), unless
// keep_duplicates says otherwise; they are followed by the pid_tracker
// (so a detection finds its process in its own copy) but not evaluated.
// With two threads the writers (and the coverage and host profile counts)
// run on their own thread, fed in timeline order through a bounded
// event_batch_queue. A stop request ends the pass
// between two events, with an error that says so.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analytics/analytic.hpp"
#include "car/host_directory.hpp"
#include "pipeline/analytic_coverage.hpp"
#include "pipeline/detection_store.hpp"
#include "pipeline/host_profiles.hpp"
#include "pipeline/progress_meter.hpp"
#include "pipeline/stop_request.hpp"
#include "pipeline/timeline_sorter.hpp"
#include "report_writer.hpp"

namespace evtxcar {

enum class timeline_pass_threads { one, two };

struct timeline_pass_settings {
    timeline_pass_threads threads = timeline_pass_threads::one;
    bool keep_duplicates = false;  // one row per copy of an event (--keep-duplicates)
    const host_directory* hosts = nullptr;  // gives every event its host's identity (none: as logged)
    // Where detections beyond `detection_memory` (estimated) are written;
    // empty: all stay in memory.
    std::filesystem::path spill_folder;
    std::size_t detection_memory = default_detection_memory;
    // False when no writer reads the detections back (reads_detections()):
    // the result's store then counts them only.
    bool keep_detections = true;
};

// The copies of events the pass left out (duplicate_filter), counted as the
// scan counted them, so that the summary's timeline counts can say each
// event once.
struct duplicate_counts {
    std::uint64_t events = 0;
    std::map<std::string, std::uint64_t> by_channel;
    std::map<std::string, std::uint64_t> by_provider;
    std::map<std::string, std::uint64_t> by_event_id;       // "Provider/EventID"
    std::map<std::string, std::uint64_t> by_object_action;  // "process/create"
};

struct timeline_pass_result {
    detection_store detections;         // in timeline order
    analytic_warnings warnings;
    std::uint64_t events = 0;           // events written (copies of an event count once)
    duplicate_counts duplicates;
    coverage_counts coverage;           // per host, the events each analytic variant needs (copies once)
    host_profiles profiles;             // per host, the kinds of event and the fields they carried
};

result<timeline_pass_result> run_timeline_pass(timeline_sorter& sorter,
                                               const std::vector<std::unique_ptr<analytic>>& analytics,
                                               const process_index& processes,
                                               std::vector<std::unique_ptr<report_writer>>& writers,
                                               progress_meter& progress, const timeline_pass_settings& settings,
                                               const stop_request& stop = {});

}  // namespace evtxcar
