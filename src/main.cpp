// evtxcar: composes the parts; no logic of its own.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "analytics/analytic.hpp"
#include "car/normalizer.hpp"
#include "cli/run_config.hpp"
#include "engine_table.hpp"
#include "evtxcar_version.hpp"
#include "filetime.hpp"
#include "pipeline/scan.hpp"
#include "writers.hpp"

namespace {

using namespace evtxcar;

std::vector<std::unique_ptr<report_writer>> make_writers(const run_config& config) {
    std::vector<std::unique_ptr<report_writer>> writers;
    writers.push_back(make_timeline_csv_writer(config.output_directory));
    writers.push_back(make_detections_csv_writer(config.output_directory));
    writers.push_back(make_coverage_csv_writer(config.output_directory));
    writers.push_back(make_summary_json_writer(config.output_directory));
    if (config.jsonl) writers.push_back(make_events_jsonl_writer(config.output_directory));
    if (config.html) writers.push_back(make_html_report_writer(config.output_directory, config.html_max_rows));
    return writers;
}

scan_request make_request(const run_config& config) {
    scan_request request;
    request.inputs = config.inputs;
    request.output_directory = config.output_directory;
    request.scan.threads = config.threads;
    request.scan.read.include_recovered = config.recovered;
    request.scan.read.strict = config.strict;
    request.scan.window = {config.from, config.to};
    request.show_progress = !config.quiet && ::isatty(STDERR_FILENO) == 1;
    request.report_problems = !config.quiet;
    request.keep_duplicates = config.keep_duplicates;

    run_description& run = request.run;
    run.tool_version = version_string;
    run.command_line = config.command_line;
    run.inputs = config.inputs;
    run.output_directory = config.output_directory.string();
    for (const cidr_block& block : config.homenet) run.homenet.push_back(block.text);
    run.engine = config.engine;
    run.threads = config.threads;
    if (config.from) run.from = format_iso8601_utc(*config.from);
    if (config.to) run.to = format_iso8601_utc(*config.to);
    run.recovered = config.recovered;
    run.timeline = config.timeline_car_only ? "car" : "all";
    run.keep_duplicates = config.keep_duplicates;
    return request;
}

int run(int argc, char** argv) {
    auto parsed = parse_command_line(argc, argv);
    if (auto* problem = std::get_if<usage_error>(&parsed)) {
        std::cerr << "evtxcar: error: " << problem->message << "\nTry 'evtxcar --help'.\n";
        return exit_usage;
    }
    const run_config& config = std::get<run_config>(parsed);
    if (config.what == run_config::action::help) {
        std::cout << config.help_text;
        return exit_complete;
    }
    if (config.what == run_config::action::version) {
        std::cout << "evtxcar " << version_string << "\n";
        return exit_complete;
    }

    auto engine = make_engine(config.engine);
    const auto normalizers = make_normalizers();
    analytic_settings settings;
    settings.homenet = config.homenet;
    const auto analytics = make_analytics(settings);
    scan_request request = make_request(config);
    // A timeline of CAR events only needs the payloads the normalizers map;
    // the other records are counted. The whole timeline needs every payload.
    if (config.timeline_car_only) {
        request.scan.timeline = timeline_scope::car;
        for (const auto& normalizer : normalizers) {
            request.scan.read.payloads.push_back({std::string(normalizer->provider()), normalizer->event_ids()});
        }
    }
    auto writers = make_writers(config);
    return run_scan(request, *engine, normalizers, analytics, writers, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& failure) {
        std::cerr << "evtxcar: fatal: " << failure.what() << "\n";
        return exit_fatal;
    }
}
