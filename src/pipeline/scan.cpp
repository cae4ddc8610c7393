#include "pipeline/scan.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <exception>
#include <ostream>

#include "analytics/process_index.hpp"
#include "filetime.hpp"
#include "pipeline/analytic_coverage.hpp"
#include "pipeline/file_discovery.hpp"
#include "pipeline/scan_tally.hpp"
#include "pipeline/timeline_pass.hpp"

namespace evtxcar {

namespace {

namespace fs = std::filesystem;

std::string now_utc() {
    const auto now = std::chrono::system_clock::now();
    const auto since_epoch = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
    return format_iso8601_utc(unix_epoch_ticks + static_cast<filetime_ticks>(since_epoch) * 10, 6);
}

int fail(std::ostream& messages, const std::string& what) {
    messages << "evtxcar: fatal: " << what << "\n";
    return exit_fatal;
}

void report_file_problems(const scan_summary& summary, std::ostream& messages) {
    for (const file_outcome& file : summary.files) {
        if (file.status == file_status::unreadable) {
            messages << "evtxcar: " << file.path << ": unreadable: " << file.reason << "\n";
        } else if (file.status == file_status::partial) {
            messages << "evtxcar: " << file.path << ": " << file.records_failed
                     << " record(s) could not be read (first: " << file.reason << ")\n";
        }
    }
}

void report_closing_line(const scan_summary& summary, std::size_t detections, const fs::path& output,
                         std::ostream& messages) {
    std::size_t partial = 0;
    for (const file_outcome& file : summary.files) partial += file.status == file_status::partial ? 1 : 0;
    messages << "evtxcar: " << summary.files.size() << " file(s) (" << summary.files_unreadable() << " unreadable, "
             << partial << " partial, " << summary.files_skipped << " other files skipped), "
             << summary.records_read << " record(s) read, " << summary.records_failed << " failed, "
             << summary.timeline_events << " timeline event(s), " << detections << " detection(s) -> "
             << output.string() << "\n";
}

// The scan counted every copy of an event; the timeline holds each once.
void count_each_event_once(const duplicate_counts& copies, scan_summary& summary) {
    summary.timeline_events -= copies.events;
    summary.duplicate_events = copies.events;
    for (const auto& [name, count] : copies.by_channel) summary.timeline_by_channel[name] -= count;
    for (const auto& [name, count] : copies.by_provider) summary.timeline_by_provider[name] -= count;
    for (const auto& [name, count] : copies.by_event_id) summary.timeline_by_event_id[name] -= count;
    for (const auto& [name, count] : copies.by_object_action) summary.events_by_object_action[name] -= count;
}

}  // namespace

int run_scan(const scan_request& request, const evtx_engine& engine,
             const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
             const std::vector<std::unique_ptr<analytic>>& analytics,
             std::vector<std::unique_ptr<report_writer>>& writers, std::ostream& messages) {
    const auto started = std::chrono::steady_clock::now();
    scan_summary summary;
    summary.run = request.run;
    summary.rules = request.rules;
    summary.run.started_utc = now_utc();

    std::error_code error;
    fs::create_directories(request.output_directory, error);
    if (error) return fail(messages, "cannot create output folder " + request.output_directory.string() + ": " + error.message());

    // --- what to read
    discovered_files discovered = discover_evtx_files(request.inputs);
    std::vector<std::uint64_t> file_bytes;
    for (const std::string& path : discovered.files) {
        file_outcome outcome;
        outcome.path = path;
        std::error_code size_error;
        const auto size = fs::file_size(path, size_error);
        outcome.bytes = size_error ? 0 : static_cast<std::uint64_t>(size);
        file_bytes.push_back(outcome.bytes);
        summary.files.push_back(std::move(outcome));
    }
    summary.files_skipped = discovered.skipped;
    summary.skipped_examples = discovered.skipped_examples;

    // --- parallel scan
    timeline_sorter sorter(request.output_directory / (".evtxcar-sort-" + std::to_string(::getpid())));
    std::vector<scan_tally> tallies;
    {
        std::uint64_t total_bytes = 0;
        for (std::uint64_t b : file_bytes) total_bytes += b;
        progress_meter progress(discovered.files.size(), total_bytes, request.show_progress);
        try {
            tallies = run_parallel_scan(discovered.files, file_bytes, engine, normalizers, analytics, request.scan,
                                        sorter, progress);
        } catch (const std::exception& failure) {
            progress.stop();
            return fail(messages, std::string("scan stopped: ") + failure.what());
        }
    }
    // Folders that could not be listed are inputs we failed to read.
    for (const read_error& problem : discovered.problems) {
        file_outcome outcome;
        outcome.path = problem.file;
        outcome.status = file_status::unreadable;
        outcome.reason = problem.reason;
        summary.files.push_back(std::move(outcome));
        summary.problems.push_back({problem, 0, false});
    }
    add_tallies_to_summary(tallies, summary);
    // One identity per host (spellings of one Computer merged), used from here on.
    const host_directory hosts(summary.records_by_host);
    summary.hosts = hosts.hosts();
    summary.records_by_host.clear();
    for (const host_identity& host : summary.hosts) summary.records_by_host[host.name] = host.records;
    process_index processes;
    for (scan_tally& tally : tallies) {
        for (car_event& process : tally.processes) hosts.apply(process);
        processes.add(std::move(tally.processes));
    }
    tallies.clear();

    // --- timeline pass: analytics and writers
    for (auto& writer : writers) {
        auto begun = writer->begin(summary);
        if (!begun) return fail(messages, begun.error().describe());
    }
    auto pass = [&] {
        progress_meter progress = progress_meter::for_writing(summary.timeline_events, request.show_progress);
        timeline_pass_settings settings;
        settings.threads = request.scan.threads >= 2 ? timeline_pass_threads::two : timeline_pass_threads::one;
        settings.keep_duplicates = request.keep_duplicates;
        settings.hosts = &hosts;
        return run_timeline_pass(sorter, analytics, processes, writers, progress, settings);
    }();
    if (!pass) return fail(messages, pass.error().describe());
    count_each_event_once(pass->duplicates, summary);
    for (const detection& found : pass->detections) ++summary.detections_by_analytic[found.label()];
    summary.coverage = build_coverage(summary.records_by_host, analytics, pass->coverage,
                                      pass->detections, request.scan.window.from || request.scan.window.to);
    const coverage_request covering{pass->profiles, pass->detections, request.scan.window.from || request.scan.window.to,
                                    request.coverage_detail};
    for (const coverage_provider* provider : request.coverage_providers) provider->add_coverage(covering, summary);
    for (const detection& found : pass->detections) {
        if (!found.level.empty()) ++summary.detections_by_level[found.level];
    }
    summary.address_warnings = pass->warnings.unparsable_addresses;
    summary.address_warning_examples = pass->warnings.examples;
    summary.run.finished_utc = now_utc();
    summary.run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // --- publish: every writer completes its file, then all are renamed
    for (auto& writer : writers) {
        auto finished = writer->finish(summary, pass->detections);
        if (!finished) return fail(messages, finished.error().describe() + " (no output of this run was published)");
    }
    for (auto& writer : writers) {
        auto committed = writer->commit();
        if (!committed) return fail(messages, committed.error().describe());
    }
    for (const char* name : all_output_names) {
        bool written = false;
        for (const auto& writer : writers) written = written || writer->file_name() == name;
        if (!written) fs::remove(request.output_directory / name, error);
    }

    if (request.report_problems) {
        report_file_problems(summary, messages);
        if (summary.address_warnings > 0) {
            messages << "evtxcar: " << summary.address_warnings
                     << " network address(es) did not parse and were judged not external (see summary.json)\n";
        }
        report_closing_line(summary, pass->detections.size(), request.output_directory, messages);
    }
    return summary.complete() ? exit_complete : exit_incomplete;
}

}  // namespace evtxcar
