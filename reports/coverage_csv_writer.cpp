// coverage.csv: one row per host and analytic variant, saying whether the
// variant could be evaluated there (so that no detections can be told
// apart from no view), with the events it examined, its detections, what
// it needs and, when it could not look, why.
#include <type_traits>

#include "coverage_fields.hpp"
#include "csv_text.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

class coverage_csv_writer final : public file_report_writer {
public:
    coverage_csv_writer(std::filesystem::path folder, const csv_format& format)
        : file_report_writer(std::move(folder)), format_(format) {}

    std::string_view file_name() const override { return "coverage.csv"; }
    bool reads_detections() const override { return false; }  // the summary's coverage only

    result<bool> begin(const scan_summary&) override { return create_file(); }

    result<bool> write_event(const car_event&) override { return true; }

    result<bool> finish(const scan_summary& summary, const detection_list&) override {
        std::string line(csv_file_start(format_));
        bool first = true;
        for_each_coverage_field(coverage_row{}, [&](std::string_view name, const auto&) {
            if (!first) line.push_back(',');
            first = false;
            line += name;
        });
        line += "\r\n";
        file().write(line);
        for (const coverage_row& row : summary.coverage) {
            line.clear();
            write_row(row, line);
            file().write(line);
        }
        for (const rule_host_coverage& host : summary.rule_coverage) {
            line.clear();
            write_row(rules_row(host), line);
            file().write(line);
        }
        return complete_file();
    }

private:
    // The loaded rules on one host, summed up in one row.
    static coverage_row rules_row(const rule_host_coverage& host) {
        coverage_row row;
        row.host = host.host;
        row.analytic_id = "sigma";
        row.analytic_name = "Sigma rules";
        row.variant = "all";
        row.evaluable = host.full + host.partly > 0;
        row.partial = row.evaluable && host.full != host.rules;
        row.events_examined = 0;
        row.detections = host.detections;
        row.needs = std::to_string(host.rules) + " rules: " + std::to_string(host.full) + " could look fully, " +
                    std::to_string(host.partly) + " partly, " + std::to_string(host.none) + " not at all";
        for (const std::string& reason : host.reasons) row.why_not += (row.why_not.empty() ? "" : "; ") + reason;
        return row;
    }

    static void write_row(const coverage_row& row, std::string& line) {
        bool first = true;
        for_each_coverage_field(row, [&](std::string_view, const auto& value) {
            if (!first) line.push_back(',');
            first = false;
            using value_type = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<value_type, bool>) {
                line += value ? "yes" : "no";
            } else if constexpr (std::is_same_v<value_type, std::uint64_t>) {
                line += std::to_string(value);
            } else {
                append_csv_cell(line, value);
            }
        });
        line += "\r\n";
    }

    csv_format format_;
};

}  // namespace

std::unique_ptr<report_writer> make_coverage_csv_writer(const std::filesystem::path& folder, const csv_format& format) {
    return std::make_unique<coverage_csv_writer>(folder, format);
}

}  // namespace evtxcar
