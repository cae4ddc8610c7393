#pragma once
// scan: the whole `evtxcar scan` run, from PATH arguments to published
// outputs. Composes file discovery, the parallel scan, the process index, the
// timeline pass and the report writers.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <vector>

#include "analytics/analytic.hpp"
#include "car/normalizer.hpp"
#include "pipeline/coverage_provider.hpp"
#include "pipeline/parallel_scan.hpp"
#include "pipeline/scan_summary.hpp"
#include "record_source.hpp"
#include "report_writer.hpp"

namespace evtxcar {

// Exit statuses of `evtxcar scan` (README: "Exit status").
enum exit_status : int {
    exit_complete = 0,    // every input read completely
    exit_fatal = 1,       // nothing (or not everything) could be written
    exit_usage = 2,       // bad command line
    exit_incomplete = 3,  // some files or records could not be read; outputs complete for the rest
};

struct scan_request {
    run_description run;  // filled by the CLI; the scan adds times
    std::vector<std::string> inputs;
    std::filesystem::path output_directory;
    parallel_scan_settings scan;
    bool show_progress = false;  // draw the progress line on stderr
    bool report_problems = true;  // one line per damaged file on stderr, and a closing summary
    bool keep_duplicates = false;  // one timeline row per copy of an event
    rule_load_summary rules;       // what the rule files gave (summary.json, report)
    bool coverage_detail = false;  // one coverage row per rule and host (--coverage-detail)
    // What says per host whether rules could look (the rule library), after the pass.
    std::vector<const coverage_provider*> coverage_providers;
};

// Names of every output evtxcar can write, so that a run removes those of an
// earlier run it did not write again (a stale report.html must not sit beside
// this run's timeline).
inline constexpr const char* all_output_names[] = {"timeline.csv", "detections.csv", "coverage.csv",
                                                   "summary.json", "events.jsonl", "report.html"};

int run_scan(const scan_request& request, const evtx_engine& engine,
             const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
             const std::vector<std::unique_ptr<analytic>>& analytics,
             std::vector<std::unique_ptr<report_writer>>& writers, std::ostream& messages);

}  // namespace evtxcar
