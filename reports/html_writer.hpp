#pragma once
// html_report_writer: report.html, one self-contained page (style, script,
// data and charts inline; no network request) with the scan's header and
// summary, activity over time, detections with their context, the
// timeline and the errors. docs/report.md describes the page.
//
// Timeline rows stream into the file as events arrive; the summary,
// detections and the tables the rows refer to follow in finish(). Memory
// stays bounded whatever the number of events: past `max_rows`, the
// timeline keeps the events analytics fired on with up to `context_events`
// events before and after each, and says how many it left out.

#include <cstdint>
#include <filesystem>
#include <memory>

#include "file_report_writer.hpp"

namespace evtxcar {

class html_report_writer final : public file_report_writer {
public:
    static constexpr std::uint64_t default_max_rows = 200000;
    static constexpr std::size_t context_events = 50;

    explicit html_report_writer(std::filesystem::path output_directory, std::uint64_t max_rows = default_max_rows);
    ~html_report_writer() override;
    html_report_writer(const html_report_writer&) = delete;
    html_report_writer& operator=(const html_report_writer&) = delete;

    std::string_view file_name() const override { return "report.html"; }
    result<bool> begin(const scan_summary& summary) override;
    result<bool> write_event(const car_event& event) override;
    result<bool> finish(const scan_summary& summary, const detection_list& detections) override;

private:
    struct report_state;

    std::uint64_t max_rows_;
    std::unique_ptr<report_state> state_;  // from begin() to finish()
};

}  // namespace evtxcar
