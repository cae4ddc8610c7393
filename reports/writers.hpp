#pragma once
// The report writers evtxcar has, one per output file. Each writes into
// `folder` under a temporary name and publishes on commit().

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "csv_text.hpp"
#include "report_writer.hpp"

namespace evtxcar {

std::unique_ptr<report_writer> make_timeline_csv_writer(const std::filesystem::path& folder,
                                                        const csv_format& format = {});          // timeline.csv
std::unique_ptr<report_writer> make_detections_csv_writer(const std::filesystem::path& folder,
                                                          const csv_format& format = {});        // detections.csv
std::unique_ptr<report_writer> make_coverage_csv_writer(const std::filesystem::path& folder,
                                                        const csv_format& format = {});          // coverage.csv
std::unique_ptr<report_writer> make_events_jsonl_writer(const std::filesystem::path& folder);    // events.jsonl
std::unique_ptr<report_writer> make_summary_json_writer(const std::filesystem::path& folder);    // summary.json
std::unique_ptr<report_writer> make_html_report_writer(const std::filesystem::path& folder,
                                                       std::uint64_t max_rows);                   // report.html

}  // namespace evtxcar
