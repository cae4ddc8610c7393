#include "html/summary_json.hpp"

#include <map>

#include "coverage_fields.hpp"
#include "filetime.hpp"
#include "html/embedded_json.hpp"

namespace evtxcar {

namespace {

void append_strings(embedded_json& json, const std::vector<std::string>& texts) {
    json.begin_array();
    for (const std::string& text : texts) json.string(text);
    json.end_array();
}

void append_counts(embedded_json& json, const std::map<std::string, std::uint64_t>& counts) {
    json.begin_array();
    for (const auto& [name, count] : counts) json.begin_array().string(name).number(count).end_array();
    json.end_array();
}

// ISO 8601 with full precision, or "" for "no time" (0).
std::string time_text(filetime_ticks ticks) { return ticks == 0 ? std::string() : format_iso8601_utc(ticks); }

void append_known(embedded_json& json, std::uint64_t value) {
    if (value == read_error::unknown) {
        json.null();
    } else {
        json.number(value);
    }
}

void append_run(embedded_json& json, const run_description& run) {
    json.begin_object();
    json.key("tool_version").string(run.tool_version);
    json.key("command_line");
    append_strings(json, run.command_line);
    json.key("inputs");
    append_strings(json, run.inputs);
    json.key("output_directory").string(run.output_directory);
    json.key("homenet");
    append_strings(json, run.homenet);
    json.key("engine").string(run.engine);
    json.key("threads").number(std::uint64_t{run.threads});
    json.key("from").string(run.from);
    json.key("to").string(run.to);
    json.key("recovered").boolean(run.recovered);
    json.key("timeline").string(run.timeline);
    json.key("keep_duplicates").boolean(run.keep_duplicates);
    json.key("csv_bom").boolean(run.csv_bom);
    json.key("started_utc").string(run.started_utc);
    json.key("finished_utc").string(run.finished_utc);
    json.key("seconds").number(run.seconds);
    json.end_object();
}

void append_counts_summary(embedded_json& json, const scan_summary& summary) {
    std::uint64_t complete = 0;
    std::uint64_t partial = 0;
    std::uint64_t unreadable = 0;
    for (const file_outcome& file : summary.files) {
        switch (file.status) {
            case file_status::complete: ++complete; break;
            case file_status::partial: ++partial; break;
            case file_status::unreadable: ++unreadable; break;
        }
    }
    json.begin_object();
    json.key("files_found").number(std::uint64_t{summary.files.size()});
    json.key("files_complete").number(complete);
    json.key("files_partial").number(partial);
    json.key("files_unreadable").number(unreadable);
    json.key("files_skipped").number(summary.files_skipped);
    json.key("skipped_examples");
    append_strings(json, summary.skipped_examples);
    json.key("records_read").number(summary.records_read);
    json.key("records_failed").number(summary.records_failed);
    json.key("records_outside_time_range").number(summary.records_outside_time_range);
    json.key("timeline_events").number(summary.timeline_events);
    json.key("duplicate_events").number(summary.duplicate_events);
    json.key("first_time").string(time_text(summary.first_time));
    json.key("last_time").string(time_text(summary.last_time));
    json.key("records_by_channel");
    append_counts(json, summary.records_by_channel);
    json.key("records_by_provider");
    append_counts(json, summary.records_by_provider);
    json.key("records_by_event_id");
    append_counts(json, summary.records_by_event_id);
    json.key("events_by_object_action");
    append_counts(json, summary.events_by_object_action);
    json.key("timeline_by_channel");
    append_counts(json, summary.timeline_by_channel);
    json.key("timeline_by_event_id");
    append_counts(json, summary.timeline_by_event_id);
    json.key("records_by_host");
    append_counts(json, summary.records_by_host);
    json.key("detections_by_analytic");
    append_counts(json, summary.detections_by_analytic);
    json.key("detections_by_level");
    append_counts(json, summary.detections_by_level);
    json.key("address_warnings").number(summary.address_warnings);
    json.key("address_warning_examples");
    append_strings(json, summary.address_warning_examples);
    json.key("normalization_warnings").number(summary.normalization_warnings);
    json.key("normalization_warning_examples");
    append_strings(json, summary.normalization_warning_examples);
    json.end_object();
}

void append_file(embedded_json& json, const file_outcome& file) {
    json.begin_object();
    json.key("path").string(file.path);
    json.key("bytes").number(file.bytes);
    json.key("status").string(to_string(file.status));
    json.key("reason").string(file.reason);
    json.key("records_read").number(file.records_read);
    json.key("records_failed").number(file.records_failed);
    json.key("warnings").number(file.warnings);
    json.key("first_time").string(time_text(file.first_time));
    json.key("last_time").string(time_text(file.last_time));
    json.end_object();
}

void append_problem(embedded_json& json, const scan_summary::problem& problem) {
    const read_error& error = problem.error;
    json.begin_object();
    json.key("file").string(error.file);
    json.key("chunk");
    append_known(json, error.chunk);
    json.key("offset");
    append_known(json, error.offset);
    json.key("record_index");
    append_known(json, error.record_index);
    json.key("record_id");
    append_known(json, error.record_id);
    json.key("reason").string(error.reason);
    json.key("records_lost").number(problem.records_lost);
    json.key("warning").boolean(problem.is_warning);
    json.end_object();
}

// The rule files: what loaded, what was rejected and why, what was skipped.
void append_rules(embedded_json& json, const rule_load_summary& rules) {
    json.begin_object();
    json.key("asked").boolean(rules.asked);
    json.key("files").number(rules.files);
    json.key("loaded").number(rules.loaded);
    json.key("correlations").number(rules.correlations);
    json.key("filters").number(rules.filters);
    json.key("skipped");
    append_counts(json, rules.skipped);
    json.key("rejected").begin_array();
    for (const rule_load_summary::rejection& rejected : rules.rejected) {
        json.begin_object();
        json.key("file").string(rejected.file);
        json.key("line").number(rejected.line);
        json.key("rule").string(rejected.rule);
        json.key("title").string(rejected.title);
        json.key("construct").string(rejected.construct);
        json.key("reason").string(rejected.reason);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// Per host, how many of the loaded rules could look at its events.
void append_rule_coverage(embedded_json& json, const std::vector<rule_host_coverage>& hosts) {
    json.begin_array();
    for (const rule_host_coverage& host : hosts) {
        json.begin_object();
        json.key("host").string(host.host);
        json.key("rules").number(host.rules);
        json.key("full").number(host.full);
        json.key("partly").number(host.partly);
        json.key("none").number(host.none);
        json.key("detections").number(host.detections);
        json.key("reasons");
        append_strings(json, host.reasons);
        json.end_object();
    }
    json.end_array();
}

// The CAR catalogue: each variant's reach over the hosts, and the analytics
// event logs cannot answer, with what they would need.
void append_car_catalogue(embedded_json& json, const car_catalogue_summary& catalogue) {
    json.begin_object();
    json.key("enabled").boolean(catalogue.enabled);
    json.key("runs").begin_array();
    for (const car_catalogue_analytic& analytic : catalogue.runs) {
        json.begin_object();
        json.key("id").string(analytic.id);
        json.key("title").string(analytic.title);
        json.key("implementation").string(analytic.implementation);
        json.key("variants").begin_array();
        for (const car_catalogue_variant& variant : analytic.variants) {
            json.begin_object();
            json.key("variant").string(variant.variant);
            json.key("sensors").string(variant.sensors);
            json.key("hosts_full").number(variant.hosts_full);
            json.key("hosts_partly").number(variant.hosts_partly);
            json.key("hosts_none").number(variant.hosts_none);
            json.key("detections").number(variant.detections);
            json.key("not_anywhere").string(variant.not_anywhere);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.key("not_selected");
    append_strings(json, catalogue.not_selected);
    json.key("not_from_event_logs").begin_array();
    for (const auto& analytic : catalogue.not_from_event_logs) {
        json.begin_object();
        json.key("id").string(analytic.id);
        json.key("title").string(analytic.title);
        json.key("needs").string(analytic.needs);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

void append_summary_members(embedded_json& json, const scan_summary& summary) {
    json.key("run");
    append_run(json, summary.run);
    json.key("summary");
    append_counts_summary(json, summary);
    json.key("files").begin_array();
    for (const file_outcome& file : summary.files) append_file(json, file);
    json.end_array();
    json.key("problems").begin_array();
    for (const scan_summary::problem& problem : summary.problems) append_problem(json, problem);
    json.end_array();
    json.key("problems_not_listed").number(summary.problems_not_listed);
    json.key("rules");
    append_rules(json, summary.rules);
    json.key("rule_coverage");
    append_rule_coverage(json, summary.rule_coverage);
    json.key("car_catalogue");
    append_car_catalogue(json, summary.car_catalogue);
    json.key("coverage").begin_array();
    for (const coverage_row& row : summary.coverage) {
        json.begin_object();
        append_coverage_members(json, row);
        json.end_object();
    }
    json.end_array();
}

}  // namespace evtxcar
