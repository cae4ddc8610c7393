// summary.json: what was read, what failed and why, counts, time range,
// hosts, detections, and how the run was asked for.
#include <optional>

#include "base64_text.hpp"
#include "coverage_fields.hpp"
#include "filetime.hpp"
#include "json_text.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

// Writes indented JSON; keeps track of commas.
class json_document {
public:
    void open(char bracket) {
        separate();
        out_.push_back(bracket);
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!first_) newline();
        out_.push_back(bracket);
        first_ = false;
    }
    void key(std::string_view name) {
        separate();
        append_json_string(out_, name);
        out_ += ": ";
        after_key_ = true;
    }
    void string(std::string_view text) {
        separate();
        append_json_string(out_, text);
    }
    // Exact bytes (a path that is not valid UTF-8), as a base64 string.
    void base64(std::string_view bytes) {
        separate();
        out_.push_back('"');
        append_base64(out_, bytes);
        out_.push_back('"');
    }
    void number(std::uint64_t value) {
        separate();
        out_ += std::to_string(value);
    }
    void real(double value) {
        separate();
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3f", value);
        out_ += buffer;
    }
    void boolean(bool value) {
        separate();
        out_ += value ? "true" : "false";
    }
    void null() {
        separate();
        out_ += "null";
    }
    void time_or_null(filetime_ticks ticks) {
        if (ticks == 0) {
            null();
        } else {
            string(format_iso8601_utc(ticks));
        }
    }
    template <typename Map>
    void counts(std::string_view name, const Map& map) {
        key(name);
        open('{');
        for (const auto& [label, count] : map) {
            key(label);
            number(count);
        }
        close('}');
    }
    void strings(std::string_view name, const std::vector<std::string>& values) {
        key(name);
        open('[');
        for (const std::string& value : values) string(value);
        close(']');
    }
    std::string& text() { return out_; }

private:
    void newline() {
        out_.push_back('\n');
        out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!first_) out_.push_back(',');
        newline();
        first_ = false;
    }

    std::string out_;
    int depth_ = 0;
    bool first_ = true;
    bool after_key_ = false;
};

void write_run(json_document& json, const run_description& run) {
    json.key("run");
    json.open('{');
    json.strings("command_line", run.command_line);
    json.strings("inputs", run.inputs);
    json.key("output_directory");
    json.string(run.output_directory);
    json.strings("homenet", run.homenet);
    json.key("engine");
    json.string(run.engine);
    json.key("threads");
    json.number(run.threads);
    json.key("from");
    run.from.empty() ? json.null() : json.string(run.from);
    json.key("to");
    run.to.empty() ? json.null() : json.string(run.to);
    json.key("recovered_records");
    json.boolean(run.recovered);
    json.key("timeline");
    json.string(run.timeline);
    json.key("keep_duplicates");
    json.boolean(run.keep_duplicates);
    json.key("started");
    json.string(run.started_utc);
    json.key("finished");
    json.string(run.finished_utc);
    json.key("seconds");
    json.real(run.seconds);
    json.close('}');
}

// The rule files (Sigma): what loaded, what was rejected and why, what was
// skipped; per host, how many rules could look.
void write_rules(json_document& json, const scan_summary& summary) {
    const rule_load_summary& rules = summary.rules;
    json.key("rules");
    json.open('{');
    json.key("asked");
    json.boolean(rules.asked);
    json.key("files");
    json.number(rules.files);
    json.key("loaded");
    json.number(rules.loaded);
    json.key("correlations");
    json.number(rules.correlations);
    json.key("filters");
    json.number(rules.filters);
    json.counts("skipped", rules.skipped);
    json.key("rejected");
    json.open('[');
    for (const rule_load_summary::rejection& rejected : rules.rejected) {
        json.open('{');
        json.key("file");
        json.string(rejected.file);
        json.key("line");
        json.number(rejected.line);
        json.key("rule");
        json.string(rejected.rule);
        json.key("title");
        json.string(rejected.title);
        json.key("construct");
        json.string(rejected.construct);
        json.key("reason");
        json.string(rejected.reason);
        json.close('}');
    }
    json.close(']');
    json.close('}');
    json.key("rule_coverage");
    json.open('[');
    for (const rule_host_coverage& host : summary.rule_coverage) {
        json.open('{');
        json.key("host");
        json.string(host.host);
        json.key("rules");
        json.number(host.rules);
        json.key("full");
        json.number(host.full);
        json.key("partly");
        json.number(host.partly);
        json.key("none");
        json.number(host.none);
        json.key("detections");
        json.number(host.detections);
        json.strings("reasons", host.reasons);
        json.close('}');
    }
    json.close(']');
}

// The CAR catalogue: what ran, each variant's reach over the hosts, what
// did not run and why (docs/analytics/README.md).
void write_car_catalogue(json_document& json, const scan_summary& summary) {
    const car_catalogue_summary& catalogue = summary.car_catalogue;
    json.key("car_catalogue");
    json.open('{');
    json.key("enabled");
    json.boolean(catalogue.enabled);
    json.key("runs");
    json.open('[');
    for (const car_catalogue_analytic& analytic : catalogue.runs) {
        json.open('{');
        json.key("id");
        json.string(analytic.id);
        json.key("title");
        json.string(analytic.title);
        json.key("implementation");
        json.string(analytic.implementation);
        json.key("techniques");
        json.string(analytic.techniques);
        json.key("variants");
        json.open('[');
        for (const car_catalogue_variant& variant : analytic.variants) {
            json.open('{');
            json.key("variant");
            json.string(variant.variant);
            json.key("needs");
            json.string(variant.needs);
            json.key("sensors");
            json.string(variant.sensors);
            json.key("hosts_full");
            json.number(variant.hosts_full);
            json.key("hosts_partly");
            json.number(variant.hosts_partly);
            json.key("hosts_none");
            json.number(variant.hosts_none);
            json.key("detections");
            json.number(variant.detections);
            json.key("not_anywhere");
            json.string(variant.not_anywhere);
            json.close('}');
        }
        json.close(']');
        json.close('}');
    }
    json.close(']');
    json.strings("not_selected", catalogue.not_selected);
    json.key("not_from_event_logs");
    json.open('[');
    for (const auto& analytic : catalogue.not_from_event_logs) {
        json.open('{');
        json.key("id");
        json.string(analytic.id);
        json.key("title");
        json.string(analytic.title);
        json.key("needs");
        json.string(analytic.needs);
        json.close('}');
    }
    json.close(']');
    json.key("deprecated");
    json.open('[');
    for (const auto& analytic : catalogue.deprecated) {
        json.open('{');
        json.key("id");
        json.string(analytic.id);
        json.key("title");
        json.string(analytic.title);
        json.key("replaced_by");
        json.string(analytic.replaced_by);
        json.close('}');
    }
    json.close(']');
    json.close('}');
}

void write_files(json_document& json, const scan_summary& summary) {
    std::uint64_t complete = 0, partial = 0, unreadable = 0;
    for (const file_outcome& file : summary.files) {
        complete += file.status == file_status::complete;
        partial += file.status == file_status::partial;
        unreadable += file.status == file_status::unreadable;
    }
    json.key("files");
    json.open('{');
    json.key("total");
    json.number(summary.files.size());
    json.key("complete");
    json.number(complete);
    json.key("partial");
    json.number(partial);
    json.key("unreadable");
    json.number(unreadable);
    json.key("other_files_skipped");
    json.number(summary.files_skipped);
    json.strings("skipped_examples", summary.skipped_examples);
    json.key("list");
    json.open('[');
    for (const file_outcome& file : summary.files) {
        json.open('{');
        json.key("path");
        json.string(file.path);
        if (!file.path_bytes.empty()) {
            json.key("path_base64");
            json.base64(file.path_bytes);
        }
        json.key("bytes");
        json.number(file.bytes);
        json.key("status");
        json.string(to_string(file.status));
        json.key("reason");
        file.reason.empty() ? json.null() : json.string(file.reason);
        json.key("records_read");
        json.number(file.records_read);
        json.key("records_failed");
        json.number(file.records_failed);
        json.key("warnings");
        json.number(file.warnings);
        json.key("first_time");
        json.time_or_null(file.first_time);
        json.key("last_time");
        json.time_or_null(file.last_time);
        json.close('}');
    }
    json.close(']');
    json.close('}');
}

void write_problems(json_document& json, const scan_summary& summary) {
    json.key("problems");
    json.open('{');
    json.key("not_listed");
    json.number(summary.problems_not_listed);
    json.key("list");
    json.open('[');
    auto optional_number = [&json](std::string_view name, std::uint64_t value) {
        json.key(name);
        value == read_error::unknown ? json.null() : json.number(value);
    };
    for (const scan_summary::problem& problem : summary.problems) {
        json.open('{');
        json.key("kind");
        json.string(problem.is_warning ? "warning" : "error");
        json.key("file");
        json.string(problem.error.file);
        if (!problem.file_bytes.empty()) {
            json.key("file_base64");
            json.base64(problem.file_bytes);
        }
        optional_number("chunk", problem.error.chunk);
        optional_number("offset", problem.error.offset);
        optional_number("record_index", problem.error.record_index);
        optional_number("record_id", problem.error.record_id);
        json.key("records_lost");
        json.number(problem.records_lost);
        json.key("reason");
        json.string(problem.error.reason);
        json.close('}');
    }
    json.close(']');
    json.close('}');
}

// One object per coverage row, members named as coverage.csv's columns;
// `evaluable` is a JSON boolean.
void write_coverage(json_document& json, const scan_summary& summary) {
    json.key("coverage");
    json.open('[');
    for (const coverage_row& row : summary.coverage) {
        json.open('{');
        append_coverage_members(json, row);
        json.close('}');
    }
    json.close(']');
}

class summary_json_writer final : public file_report_writer {
public:
    explicit summary_json_writer(std::filesystem::path folder) : file_report_writer(std::move(folder)) {}

    std::string_view file_name() const override { return "summary.json"; }
    bool reads_detections() const override { return false; }  // their number only

    result<bool> begin(const scan_summary&) override { return create_file(); }

    result<bool> write_event(const car_event&) override { return true; }

    result<bool> finish(const scan_summary& summary, const detection_list& detections) override {
        json_document json;
        json.open('{');
        json.key("tool");
        json.open('{');
        json.key("name");
        json.string("evtxcar");
        json.key("version");
        json.string(summary.run.tool_version);
        json.close('}');
        write_run(json, summary.run);
        json.key("complete");
        json.boolean(summary.complete());
        write_files(json, summary);
        json.key("records");
        json.open('{');
        json.key("read");
        json.number(summary.records_read);
        json.key("failed");
        json.number(summary.records_failed);
        json.key("outside_time_range");
        json.number(summary.records_outside_time_range);
        json.key("timeline_events");
        json.number(summary.timeline_events);
        json.key("duplicate_events");
        json.number(summary.duplicate_events);
        json.close('}');
        json.key("time_range");
        json.open('{');
        json.key("first");
        json.time_or_null(summary.first_time);
        json.key("last");
        json.time_or_null(summary.last_time);
        json.close('}');
        json.counts("hosts", summary.records_by_host);
        json.key("host_identities");
        json.open('[');
        for (const host_identity& host : summary.hosts) {
            json.open('{');
            json.key("host");
            json.string(host.name);
            json.key("hostname");
            json.string(host.hostname);
            json.key("fqdn");
            host.fqdn.empty() ? json.null() : json.string(host.fqdn);
            json.strings("logged_as", host.logged_as);
            json.key("records");
            json.number(host.records);
            json.close('}');
        }
        json.close(']');
        json.counts("records_by_channel", summary.records_by_channel);
        json.counts("records_by_provider", summary.records_by_provider);
        json.counts("records_by_event_id", summary.records_by_event_id);
        json.counts("timeline_by_channel", summary.timeline_by_channel);
        json.counts("timeline_by_provider", summary.timeline_by_provider);
        json.counts("timeline_by_event_id", summary.timeline_by_event_id);
        json.counts("events_by_object_action", summary.events_by_object_action);
        json.key("detections");
        json.open('{');
        json.key("total");
        json.number(detections.size());
        json.counts("by_analytic_variant", summary.detections_by_analytic);
        json.counts("by_level", summary.detections_by_level);
        json.close('}');
        json.key("warnings");
        json.open('{');
        json.key("unparsable_addresses");
        json.number(summary.address_warnings);
        json.strings("unparsable_address_examples", summary.address_warning_examples);
        json.key("normalization");
        json.open('{');
        json.key("count");
        json.number(summary.normalization_warnings);
        json.strings("examples", summary.normalization_warning_examples);
        json.close('}');
        json.close('}');
        write_coverage(json, summary);
        write_rules(json, summary);
        write_car_catalogue(json, summary);
        write_problems(json, summary);
        json.close('}');
        json.text().push_back('\n');
        file().write(json.text());
        return complete_file();
    }
};

}  // namespace

std::unique_ptr<report_writer> make_summary_json_writer(const std::filesystem::path& folder) {
    return std::make_unique<summary_json_writer>(folder);
}

}  // namespace evtxcar
