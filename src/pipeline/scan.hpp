#pragma once
// scan: the whole `evtxcar scan` run, from PATH arguments to published
// outputs. Checks the inputs and claims the output folder before reading
// anything, then composes file discovery, the parallel scan, the process
// index, the timeline pass and the report writers.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <vector>

#include "analytics/analytic.hpp"
#include "car/normalizer.hpp"
#include "pipeline/coverage_provider.hpp"
#include "pipeline/parallel_scan.hpp"
#include "pipeline/run_outcome.hpp"
#include "pipeline/scan_summary.hpp"
#include "pipeline/stop_request.hpp"
#include "record_source.hpp"
#include "report_writer.hpp"

namespace evtxcar {

struct scan_request {
    run_description run;  // filled by the CLI; the scan adds times
    std::vector<std::string> inputs;
    std::filesystem::path output_directory;
    std::optional<std::filesystem::path> temp_dir;  // where the time sort spills; default <output>/.evtxcar/
    bool overwrite = false;       // replace the outputs of an earlier run (--overwrite)
    parallel_scan_settings scan;  // scan.stop: polled by the walk, the workers and the merge
    bool show_progress = false;   // draw the progress line on stderr
    bool report_problems = true;  // one line per damaged file on stderr, and a closing summary
    bool keep_duplicates = false;  // one timeline row per copy of an event
    rule_load_summary rules;       // what the rule files gave (summary.json, report)
    bool coverage_detail = false;  // one coverage row per rule and host (--coverage-detail)
    // What says per host whether rules could look (the rule library), after the pass.
    std::vector<const coverage_provider*> coverage_providers;
    // When set, a run that published its outputs hands what it built for
    // them (the detections, the process index) here instead of freeing it:
    // the CLI ends the process with them (freeing thousands of detections
    // one by one took a tenth of a run). Unset, everything is freed.
    std::vector<std::shared_ptr<void>>* keep_until_exit = nullptr;
};

// Names of every output evtxcar can write: the manifest names only these, so
// a run replaces or removes only these, and only where it wrote them.
inline constexpr const char* all_output_names[] = {"timeline.csv", "detections.csv", "coverage.csv",
                                                   "summary.json", "events.jsonl", "report.html"};

// Runs the scan. Error messages always go to `messages` (stderr); the
// outcome says how it ended, for the exit status and the status line.
run_outcome run_scan(const scan_request& request, const evtx_engine& engine,
                     const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                     const std::vector<std::unique_ptr<analytic>>& analytics,
                     std::vector<std::unique_ptr<report_writer>>& writers, std::ostream& messages);

}  // namespace evtxcar
