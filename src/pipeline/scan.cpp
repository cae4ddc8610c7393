#include "pipeline/scan.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <ctime>
#include <exception>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "analytics/process_index.hpp"
#include "filetime.hpp"
#include "pipeline/analytic_coverage.hpp"
#include "pipeline/file_discovery.hpp"
#include "pipeline/output_folder.hpp"
#include "pipeline/scan_tally.hpp"
#include "pipeline/summary_paths.hpp"
#include "pipeline/timeline_pass.hpp"

namespace evtxcar {

namespace {

namespace fs = std::filesystem;

std::string now_utc() {
    const auto now = std::chrono::system_clock::now();
    const auto since_epoch = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
    return format_iso8601_utc(unix_epoch_ticks + static_cast<filetime_ticks>(since_epoch) * 10, 6);
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

void report_closing_line(const scan_summary& summary, std::size_t detections, const std::string& output,
                         std::ostream& messages) {
    std::size_t partial = 0;
    for (const file_outcome& file : summary.files) partial += file.status == file_status::partial ? 1 : 0;
    messages << "evtxcar: " << summary.files.size() << " file(s) (" << summary.files_unreadable() << " unreadable, "
             << partial << " partial, " << summary.files_skipped << " other files skipped), "
             << summary.records_read << " record(s) read, " << summary.records_failed << " failed, "
             << summary.timeline_events << " timeline event(s), " << detections << " detection(s) -> " << output
             << "\n";
}

// A run that ends before it publishes anything.
run_outcome ended_early(int exit_status, const char* status, std::string message, const std::string& output) {
    run_outcome outcome;
    outcome.exit_status = exit_status;
    outcome.status = status;
    outcome.message = std::move(message);
    outcome.output = output;
    return outcome;
}

std::string signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        case SIGHUP: return "SIGHUP";
        default: return "signal " + std::to_string(signal);
    }
}

std::string inputs_in_words(const std::vector<std::string>& inputs) {
    std::string text;
    for (std::size_t i = 0; i < inputs.size(); ++i) text += (i ? ", " : "") + displayable_path(inputs[i]);
    return text;
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

run_outcome run_scan(const scan_request& request, const evtx_engine& engine,
                     const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                     const std::vector<std::unique_ptr<analytic>>& analytics,
                     std::vector<std::unique_ptr<report_writer>>& writers, std::ostream& messages) {
    const auto started = std::chrono::steady_clock::now();
    const std::string output_shown = displayable_path(request.output_directory.string());
    const stop_request& stop = request.scan.stop;
    // Every end but a publish destroys the writers first, which removes
    // their temporary files while the output folder is still claimed.
    auto fatal = [&](const std::string& what) {
        writers.clear();
        messages << "evtxcar: fatal: " << what << "\n";
        return ended_early(exit_fatal, "fatal", what, output_shown);
    };
    auto interrupted = [&] {
        writers.clear();
        const int signal = stop.signal();
        const std::string what = "interrupted by " + signal_name(signal) +
                                 ": no output of this run was published, earlier outputs are as they were";
        messages << "evtxcar: " << what << "\n";
        return ended_early(128 + signal, "interrupted", what, output_shown);
    };

    // --- before anything is read or written: every PATH can be read...
    const std::vector<read_error> refused_inputs = check_inputs(request.inputs);
    if (!refused_inputs.empty()) {
        for (const read_error& input : refused_inputs) {
            messages << "evtxcar: error: " << displayable_path(input.file) << ": " << input.reason << "\n";
        }
        messages << "evtxcar: nothing was read and no output was written\n";
        return ended_early(exit_no_input, "no_input",
                           displayable_path(refused_inputs.front().file) + ": " + refused_inputs.front().reason,
                           output_shown);
    }
    // ... and the output folder takes this run's outputs.
    output_folder_settings folder_settings;
    folder_settings.folder = request.output_directory;
    folder_settings.temp_dir = request.temp_dir;
    folder_settings.overwrite = request.overwrite;
    folder_settings.tool_version = request.run.tool_version;
    for (const auto& writer : writers) folder_settings.this_run_writes.emplace_back(writer->file_name());
    for (const char* name : all_output_names) folder_settings.output_names.emplace_back(name);
    auto claimed = output_folder::claim(folder_settings);
    if (auto* refusal = std::get_if<output_folder_refusal>(&claimed)) {
        const std::string what = displayable_path(refusal->message);
        if (refusal->what == output_folder_refusal::kind::cannot_write) return fatal(what);
        writers.clear();
        messages << "evtxcar: error: " << what << "\n";
        return ended_early(exit_output_refused, "output_refused", what, output_shown);
    }
    output_folder& folder = std::get<output_folder>(claimed);
    if (request.report_problems && folder.stale_temporaries_removed() > 0) {
        messages << "evtxcar: removed " << folder.stale_temporaries_removed()
                 << " temporary file(s) left in " << output_shown << " by runs that did not finish\n";
    }

    scan_summary summary;
    summary.run = request.run;
    summary.rules = request.rules;
    summary.run.started_utc = now_utc();

    // --- what to read
    discovery_settings walk = folder.exclusions();
    walk.stop = stop;
    discovered_files discovered = discover_evtx_files(request.inputs, walk);
    if (discovered.stopped || stop.requested()) return interrupted();
    if (discovered.files.empty()) {
        for (const read_error& problem : discovered.problems) {
            messages << "evtxcar: " << displayable_path(problem.file) << ": " << problem.reason << "\n";
        }
        const std::string what = "no .evtx file found in " + inputs_in_words(request.inputs);
        messages << "evtxcar: error: " << what << ": nothing was read and no output was written\n";
        writers.clear();
        return ended_early(exit_no_input, "no_input", what, output_shown);
    }
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
    const std::size_t files_found = discovered.files.size();

    // --- parallel scan
    timeline_sorter sorter(folder.spill_folder());
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
            return fatal(std::string("scan stopped: ") + failure.what());
        }
    }
    if (stop.requested()) return interrupted();
    // Folders that could not be listed are inputs we failed to read.
    for (const read_error& problem : discovered.problems) {
        file_outcome outcome;
        outcome.path = problem.file;
        outcome.status = file_status::unreadable;
        outcome.reason = problem.reason;
        summary.files.push_back(std::move(outcome));
        summary.problems.push_back({problem, 0, false});
    }
    // What the walk saw but did not read (FIFOs named *.evtx, links back
    // into a folder already searched): nothing lost, but listed.
    for (const read_error& passed : discovered.passed_over) summary.problems.push_back({passed, 0, true});
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
    make_summary_paths_valid_utf8(summary);

    // --- timeline pass: analytics and writers
    for (auto& writer : writers) {
        auto begun = writer->begin(summary);
        if (!begun) return fatal(begun.error().describe());
    }
    auto pass = [&] {
        progress_meter progress = progress_meter::for_writing(summary.timeline_events, request.show_progress);
        timeline_pass_settings settings;
        settings.threads = request.scan.threads >= 2 ? timeline_pass_threads::two : timeline_pass_threads::one;
        settings.keep_duplicates = request.keep_duplicates;
        settings.hosts = &hosts;
        settings.spill_folder = folder.spill_folder();
        settings.keep_detections = std::any_of(writers.begin(), writers.end(),
                                               [](const auto& writer) { return writer->reads_detections(); });
        return run_timeline_pass(sorter, analytics, processes, writers, progress, settings, stop);
    }();
    if (stop.requested()) return interrupted();
    if (!pass) return fatal(displayable_path(pass.error().describe()));
    count_each_event_once(pass->duplicates, summary);
    // Writers that need nothing the coverage adds (timeline.csv,
    // detections.csv, events.jsonl: the largest files, and their fsync)
    // finish meanwhile on a second thread, with a copy of the summary.
    const bool finish_alongside = request.scan.threads >= 2;
    std::vector<report_writer*> early_writers;
    for (auto& writer : writers)
        if (writer->finishes_early()) early_writers.push_back(writer.get());
    std::vector<std::optional<read_error>> early_failures(early_writers.size());
    const scan_summary early_summary = early_writers.empty() ? scan_summary{} : summary;
    auto finish_early_writers = [&] {
        for (std::size_t i = 0; i < early_writers.size(); ++i) {
            auto finished = early_writers[i]->finish(early_summary, pass->detections);
            if (!finished) early_failures[i] = finished.error();
        }
    };
    std::jthread early_finish;  // joined on every way out
    if (finish_alongside && !early_writers.empty()) early_finish = std::jthread(finish_early_writers);
    for (const auto& [key, count] : pass->detections.tallies()) {
        summary.detections_by_analytic[key.label()] += count;
        if (!key.level.empty()) summary.detections_by_level[key.level] += count;
    }
    summary.coverage = build_coverage(summary.records_by_host, analytics, pass->coverage,
                                      pass->detections, request.scan.window.from || request.scan.window.to);
    const coverage_request covering{pass->profiles, pass->detections, request.scan.window.from || request.scan.window.to,
                                    request.coverage_detail};
    for (const coverage_provider* provider : request.coverage_providers) provider->add_coverage(covering, summary);
    summary.address_warnings = pass->warnings.unparsable_addresses;
    summary.address_warning_examples = pass->warnings.examples;
    summary.run.finished_utc = now_utc();
    summary.run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // --- publish: every writer completes its file, then all are renamed
    if (early_finish.joinable()) {
        early_finish.join();
    } else {
        finish_early_writers();
    }
    for (const std::optional<read_error>& failure : early_failures)
        if (failure) return fatal(displayable_path(failure->describe()) + " (no output of this run was published)");
    for (auto& writer : writers) {
        if (writer->finishes_early()) continue;
        auto finished = writer->finish(summary, pass->detections);
        if (!finished) return fatal(displayable_path(finished.error().describe()) + " (no output of this run was published)");
    }
    // The last moment a stop keeps the earlier outputs; from here the run
    // completes (renaming takes milliseconds).
    if (stop.requested()) return interrupted();
    auto manifest = folder.begin_publish();
    if (!manifest) return fatal(displayable_path(manifest.error().describe()) + " (no output of this run was published)");
    for (auto& writer : writers) {
        auto committed = writer->commit();
        if (!committed) return fatal(displayable_path(committed.error().describe()));
    }
    auto cleaned = folder.end_publish();
    if (!cleaned) return fatal(displayable_path(cleaned.error().describe()));

    if (request.report_problems) {
        report_file_problems(summary, messages);
        for (const read_error& passed : discovered.passed_over) {
            messages << "evtxcar: " << displayable_path(passed.file) << ": " << passed.reason << "\n";
        }
        if (summary.address_warnings > 0) {
            messages << "evtxcar: " << summary.address_warnings
                     << " network address(es) did not parse and were judged not external (see summary.json)\n";
        }
        report_closing_line(summary, pass->detections.size(), output_shown, messages);
    }
    run_outcome outcome;
    outcome.exit_status = summary.complete() ? exit_complete : exit_incomplete;
    outcome.status = summary.complete() ? "complete" : "incomplete";
    outcome.output = output_shown;
    outcome.files = summary.files.size();
    for (std::size_t i = 0; i < files_found; ++i) outcome.files_partial += summary.files[i].status == file_status::partial;
    outcome.files_unreadable = summary.files_unreadable();
    outcome.records_read = summary.records_read;
    outcome.records_lost = summary.records_failed;
    outcome.timeline_events = summary.timeline_events;
    outcome.detections = pass->detections.size();
    if (request.keep_until_exit != nullptr) {
        request.keep_until_exit->push_back(std::make_shared<timeline_pass_result>(std::move(*pass)));
        request.keep_until_exit->push_back(std::make_shared<process_index>(std::move(processes)));
    }
    return outcome;
}

}  // namespace evtxcar
