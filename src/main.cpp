// evtxcar: composes the parts; no logic of its own.
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "analytics/analytic.hpp"
#include "analytics/car_catalogue.hpp"
#include "car/normalizer.hpp"
#include "cli/run_config.hpp"
#include "cli/stop_signals.hpp"
#include "engine_table.hpp"
#include "evtxcar_version.hpp"
#include "filetime.hpp"
#include "libevtx/libevtx_service.hpp"
#include "pipeline/scan.hpp"
#include "rules/car_catalogue_coverage.hpp"
#include "rules/rule_coverage.hpp"
#include "rules/rule_library.hpp"
#include "rules/rule_report.hpp"
#include "status_line.hpp"
#include "text/utf8.hpp"
#include "writers.hpp"

namespace {

using namespace evtxcar;

std::vector<std::unique_ptr<report_writer>> make_writers(const run_config& config) {
    std::vector<std::unique_ptr<report_writer>> writers;
    const csv_format csv{.byte_order_mark = config.csv_bom};
    writers.push_back(make_timeline_csv_writer(config.output_directory, csv));
    writers.push_back(make_detections_csv_writer(config.output_directory, csv));
    writers.push_back(make_coverage_csv_writer(config.output_directory, csv));
    writers.push_back(make_summary_json_writer(config.output_directory));
    if (config.jsonl) writers.push_back(make_events_jsonl_writer(config.output_directory));
    if (config.html) writers.push_back(make_html_report_writer(config.output_directory, config.html_max_rows));
    return writers;
}

scan_request make_request(const run_config& config, const stop_request& stop) {
    scan_request request;
    request.inputs = config.inputs;
    request.output_directory = config.output_directory;
    request.temp_dir = config.temp_dir;
    request.overwrite = config.overwrite;
    request.scan.stop = stop;
    request.scan.threads = config.threads;
    request.scan.read.include_recovered = config.recovered;
    request.scan.sort_memory_budget = config.memory_budget_mib << 20;
    request.scan.read.strict = config.strict;
    request.scan.window = {config.from, config.to};
    request.show_progress = !config.quiet && ::isatty(STDERR_FILENO) == 1;
    request.report_problems = !config.quiet;
    request.keep_duplicates = config.keep_duplicates;
    request.coverage_detail = config.coverage_detail;

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
    run.csv_bom = config.csv_bom;
    return request;
}

rules::catalogue_run catalogue_asked(const run_config& config) {
    rules::catalogue_run asked;
    asked.enabled = config.car_catalogue;
    asked.selected = with_prerequisites(config.analytics);
    return asked;
}

// The built-in CAR analytics' rules that run and the Sigma rules asked for
// (--rules), or nothing; a placeholders file that cannot be read is a usage
// error.
std::variant<std::unique_ptr<rules::rule_library>, std::string> load_rule_library(const run_config& config) {
    rules::library_options options;
    const rules::catalogue_run asked = catalogue_asked(config);
    for (const car_rule_file& file : car_rule_files()) {
        // --list-rules lists every built-in analytic, what runs and what does not.
        if (asked.runs(file.id) || config.list_rules) options.builtin.push_back({std::string(file.file), file.text});
    }
    if (config.rule_paths.empty() && options.builtin.empty()) return std::unique_ptr<rules::rule_library>();
    for (const std::string& path : config.rule_paths) options.paths.emplace_back(path);
    options.load.min_level = *sigma::parse_level(config.min_level);
    options.load.products = {"windows", std::string(rules::car_product)};
    // Rule files are read and parsed ahead of the compiling on the cores the
    // scan may use: parsing is about half of a load, so more than a few
    // parsing threads would only wait for the one compiling.
    options.load.parse_threads = config.threads > 1 ? std::min(config.threads - 1, 3u) : 0;
    options.load.statuses.clear();
    for (const std::string& status : config.rule_statuses) options.load.statuses.push_back(*sigma::parse_status(status));
    if (!config.placeholders_file.empty()) {
        auto placeholders = sigma::read_placeholders(config.placeholders_file);
        if (!placeholders) {
            return "--placeholders " + config.placeholders_file + ": " + placeholders.problem().reason +
                   (placeholders.problem().line ? " (line " + std::to_string(placeholders.problem().line) + ")" : "");
        }
        options.load.placeholders = std::move(placeholders.value());
    }
    // HOMENET: the networks of --homenet, unless the file names its own.
    if (!options.load.placeholders.count("HOMENET")) {
        std::vector<std::string>& homenet = options.load.placeholders["HOMENET"];
        for (const cidr_block& block : config.homenet) homenet.push_back(block.text);
    }
    return rules::rule_library::load(options);
}

bool wants_status_line(run_config::status_line asked) {
    if (asked == run_config::status_line::when_not_a_terminal) return ::isatty(STDOUT_FILENO) != 1;
    return asked == run_config::status_line::always;
}

int finish(const run_outcome& outcome, run_config::status_line asked) {
    if (wants_status_line(asked)) std::cout << format_status_line(outcome) << std::flush;
    return outcome.exit_status;
}

int run(int argc, char** argv) {
    auto parsed = parse_command_line(argc, argv);
    if (auto* problem = std::get_if<usage_error>(&parsed)) {
        std::cerr << "evtxcar: error: " << sanitize_utf8(problem->message) << "\nTry 'evtxcar --help'.\n";
        run_outcome outcome;
        outcome.exit_status = exit_usage;
        outcome.status = "usage_error";
        outcome.message = problem->message;
        return finish(outcome, status_line_asked(argc, argv));
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

    auto loaded = load_rule_library(config);
    if (auto* problem = std::get_if<std::string>(&loaded)) {
        std::cerr << "evtxcar: error: " << sanitize_utf8(*problem) << "\n";
        run_outcome outcome;
        outcome.exit_status = exit_usage;
        outcome.status = "usage_error";
        outcome.message = *problem;
        return finish(outcome, config.json_status);
    }
    const std::unique_ptr<rules::rule_library>& library = std::get<0>(loaded);
    analytic_settings settings;
    settings.homenet = config.homenet;
    if (config.list_rules) {
        const auto every_analytic = make_analytics(settings);  // the C++ analytics' variants, run or not
        rules::list_rules(library.get(), every_analytic, catalogue_asked(config), !config.rule_paths.empty(), std::cout);
        return exit_complete;
    }

    const stop_request stop = install_stop_signals();
    auto engine = make_engine(config.engine);
    const auto normalizers = make_normalizers();
    settings.catalogue = config.car_catalogue;
    settings.only = catalogue_asked(config).selected;
    auto analytics = make_analytics(settings);
    scan_request request = make_request(config, stop);
    std::optional<rules::rule_coverage> rule_coverage;
    if (library) {
        library->add_analytics(analytics);
        request.scan.markers.push_back(library.get());
        rule_coverage.emplace(*library);
        request.coverage_providers.push_back(&*rule_coverage);
    }
    const rules::car_catalogue_coverage catalogue_coverage(library.get(), analytics, catalogue_asked(config));
    request.coverage_providers.push_back(&catalogue_coverage);
    if (library && !config.rule_paths.empty()) {
        request.rules = rules::summarize_load(*library);
        if (!config.quiet) {
            const rule_load_summary& loaded_rules = request.rules;
            std::cerr << "evtxcar: " << loaded_rules.loaded << " Sigma rule(s) loaded from " << loaded_rules.files
                      << " file(s), " << loaded_rules.rejected.size() << " rejected (listed in summary.json; --list-rules)\n";
        }
    }
    // A timeline of CAR events only needs the payloads the normalizers map;
    // the other records are counted. The whole timeline needs every payload.
    if (config.timeline_car_only) {
        request.scan.timeline = timeline_scope::car;
        for (const auto& normalizer : normalizers) {
            request.scan.read.payloads.push_back({std::string(normalizer->provider()), normalizer->event_ids()});
        }
    }
    auto writers = make_writers(config);
    // Once the outputs are published the process ends without freeing what
    // it built (the rules, the detections, the process index: tens of
    // milliseconds of free() on a collection); the system takes the memory
    // back. Destructors with work to do (spill files, the libevtx children)
    // have run inside run_scan. A run that published nothing unwinds as usual.
    std::vector<std::shared_ptr<void>> kept;
    request.keep_until_exit = &kept;
    const run_outcome outcome = run_scan(request, *engine, normalizers, analytics, writers, std::cerr);
    const int status = finish(outcome, config.json_status);
    if (outcome.exit_status == exit_complete || outcome.exit_status == exit_incomplete) {
        std::cout.flush();
        std::cerr.flush();
        std::exit(status);
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    // evtxcar is also its libevtx engine's child process (parsers/libevtx/child_process.hpp).
    const evtxcar::libevtx::child_role roles[] = {evtxcar::libevtx::serve_file_role};
    if (auto status = evtxcar::libevtx::run_child_role(argc, argv, roles)) return *status;
    try {
        return run(argc, argv);
    } catch (const std::exception& failure) {
        std::cerr << "evtxcar: fatal: " << failure.what() << "\n";
        run_outcome outcome;
        outcome.message = failure.what();
        return finish(outcome, status_line_asked(argc, argv));
    }
}
