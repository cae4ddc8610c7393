#include "html_writer.hpp"

#include <optional>
#include <string>

#include "html/activity_histogram.hpp"
#include "html/detection_context.hpp"
#include "html/detection_json.hpp"
#include "html/embedded_json.hpp"
#include "html/summary_json.hpp"
#include "html/timeline_row_encoder.hpp"
#include "html/timeline_row_selection.hpp"
#include "html_report_page.hpp"  // generated from reports/html/ by reports/html/embed_html_report.cmake
#include "output_file.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

// The page's script finds its data under these ids.
constexpr std::string_view rows_open = R"(<script type="text/plain" id="evtxcar-rows">)";
constexpr std::string_view rows_close = "</script>\n";
constexpr std::string_view report_open = R"(<script type="application/json" id="evtxcar-report">)";
constexpr std::string_view report_close = "</script>\n";

}  // namespace

// Everything between begin() and finish(); also the sink the row selection
// hands kept rows and gaps to.
struct html_report_writer::report_state final : timeline_row_sink {
    report_state(output_file& opened, const scan_summary& summary, std::uint64_t max_rows)
        : file(opened),
          selection(summary.timeline_events, max_rows, context_events),
          activity(summary.first_time, summary.last_time) {}

    void keep(const car_event& event) override {
        start_entry();
        encoder.append_row(row, event);
        file.write(row);
        context.note_row(event, entries);
        ++entries;
    }

    void gap(std::uint64_t events_left_out) override {
        start_entry();
        row.push_back('~');
        row += std::to_string(events_left_out);
        file.write(row);
        ++entries;
    }

    void start_entry() {
        row.clear();
        if (entries > 0) row.push_back('\n');
    }

    output_file& file;
    timeline_row_selection selection;
    activity_histogram activity;
    timeline_row_encoder encoder;
    detection_context context;
    std::uint64_t entries = 0;  // rows and gaps written: the next entry's index
    std::string row;            // scratch
};

html_report_writer::html_report_writer(std::filesystem::path output_directory, std::uint64_t max_rows)
    : file_report_writer(std::move(output_directory)), max_rows_(max_rows) {}

html_report_writer::~html_report_writer() = default;

std::unique_ptr<report_writer> make_html_report_writer(const std::filesystem::path& folder, std::uint64_t max_rows) {
    return std::make_unique<html_report_writer>(folder, max_rows);
}

result<bool> html_report_writer::begin(const scan_summary& summary) {
    auto created = create_file();
    if (!created) return created;
    state_ = std::make_unique<report_state>(file(), summary, max_rows_);
    for (const std::string_view part : html_report_page::before_data) state_->file.write(part);
    state_->file.write(rows_open);
    return true;
}

result<bool> html_report_writer::write_event(const car_event& event) {
    if (!state_) return read_error{.file = std::string(file_name()), .reason = "event written before begin()"};
    state_->activity.add(event.text(car_field::hostname), event.time, !event.analytics.empty());
    state_->context.observe(event);
    state_->selection.add(event, *state_);
    return true;
}

result<bool> html_report_writer::finish(const scan_summary& summary, const detection_list& detections) {
    if (!state_) return read_error{.file = std::string(file_name()), .reason = "finish() before begin()"};
    report_state& state = *state_;
    state.selection.finish(state);
    state.file.write(rows_close);

    std::string data;
    embedded_json json(data);
    json.begin_object();
    json.key("format").number(std::uint64_t{2});
    append_summary_members(json, summary);

    json.key("timeline").begin_object();
    json.key("max_rows").number(max_rows_);
    json.key("capped").boolean(state.selection.capped());
    json.key("context_events").number(std::uint64_t{state.selection.context()});
    json.key("rows").number(state.selection.rows_kept());
    json.key("left_out").number(state.selection.events_left_out());
    state.encoder.append_tables(json);
    json.end_object();

    json.key("activity");
    state.activity.append_json(json);
    append_detection_members(json, detections, state.context);
    json.end_object();

    state.file.write(report_open);
    state.file.write(data);
    state.file.write(report_close);
    for (const std::string_view part : html_report_page::after_data) state.file.write(part);
    state_.reset();
    return complete_file();
}

}  // namespace evtxcar
