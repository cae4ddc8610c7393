// coverage.csv and summary.json's coverage: every row as given, evaluable
// as yes/no (CSV) or a boolean (JSON), a host name a spreadsheet would run
// neutralized in the CSV and kept exactly in the JSON; and the
// normalization warnings beside the address warnings.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/temporary_folder.hpp"
#include "writers.hpp"

using namespace evtxcar;
using json = nlohmann::json;

namespace {

constexpr const char* formula_host = "=HYPERLINK(\"http://x.example\",\"WS09\")";
constexpr const char* flow_needs = "flow/start events (Sysmon 3, Security 5156)";
constexpr const char* flow_missing =
    "no flow/start events from this host: no Sysmon network events (event 3) and no Security 5156 "
    "(Filtering Platform auditing)";
constexpr const char* process_needs = "process/create events with a command line";

// Two hosts: the first logged process/creates only, the second both kinds.
scan_summary summary_with_coverage() {
    scan_summary summary;
    auto row = [&summary](const char* host, const char* variant, bool evaluable, std::uint64_t examined,
                          std::uint64_t detections, const char* needs, const char* why_not) {
        summary.coverage.push_back({.host = host,
                                    .analytic_id = "CAR-2020-11-010",
                                    .analytic_name = "CMSTP",
                                    .variant = variant,
                                    .evaluable = evaluable,
                                    .events_examined = examined,
                                    .detections = detections,
                                    .needs = needs,
                                    .why_not = why_not});
    };
    row(formula_host, "car", false, 0, 0, flow_needs, flow_missing);
    row(formula_host, "remote", false, 0, 0, flow_needs, flow_missing);
    row(formula_host, "cmdline-url", true, 12, 1, process_needs, "");
    row("WS01", "car", true, 340, 0, flow_needs, "");
    row("WS01", "remote", true, 340, 2, flow_needs, "");
    row("WS01", "cmdline-url", true, 57, 0, process_needs, "");
    summary.normalization_warnings = 3;
    summary.normalization_warning_examples = {"ProcessId \"0x1f4\" is not a decimal number",
                                              "Initiated \"maybe\" is neither true nor false"};
    summary.address_warnings = 1;
    summary.address_warning_examples = {"10.0.0.999"};
    return summary;
}

// Runs one writer over the summary (no events, no detections) and returns
// the folder's file after commit, checking it did not exist before.
std::string write_with(std::unique_ptr<report_writer> writer, const std::filesystem::path& folder,
                       const scan_summary& summary) {
    const std::filesystem::path published = folder / std::string(writer->file_name());
    REQUIRE(writer->begin(summary).ok());
    REQUIRE(writer->finish(summary, detections_in_memory({})).ok());
    CHECK_FALSE(std::filesystem::exists(published));
    REQUIRE(writer->commit().ok());
    REQUIRE(std::filesystem::exists(published));
    return published.string();
}

}  // namespace

TEST_CASE("coverage.csv: one row per host and variant, read back with an independent reader", "[report]") {
    temporary_folder folder;
    const std::string path = write_with(make_coverage_csv_writer(folder.path()), folder.path(), summary_with_coverage());
    const test::csv_table table = test::read_csv_table(path);
    CHECK(table.header == test::csv_row{"host", "analytic_id", "analytic_name", "variant", "evaluable", "extent",
                                        "events_examined", "detections", "needs", "why_not"});
    REQUIRE(table.rows.size() == 6);
    for (const test::csv_row& row : table.rows) CHECK(row.size() == 10);

    // The host a spreadsheet would evaluate carries a leading apostrophe.
    const std::string neutralized = std::string("'") + formula_host;
    CHECK(table.rows[0] == test::csv_row{neutralized, "CAR-2020-11-010", "CMSTP", "car", "no", "none", "0", "0", flow_needs,
                                         flow_missing});
    CHECK(table.rows[2] ==
          test::csv_row{neutralized, "CAR-2020-11-010", "CMSTP", "cmdline-url", "yes", "full", "12", "1", process_needs, ""});
    CHECK(table.rows[4] == test::csv_row{"WS01", "CAR-2020-11-010", "CMSTP", "remote", "yes", "full", "340", "2", flow_needs, ""});

    // A UTF-8 byte-order mark, then the header; CRLF line ends.
    const std::string text = test::read_file(path);
    CHECK(text.rfind("\xEF\xBB\xBFhost,analytic_id,analytic_name,variant,evaluable,extent,events_examined,detections,needs,why_not\r\n", 0) == 0);
    // The host has quotes: quoted, inner quotes doubled, apostrophe inside the quotes.
    CHECK(text.find("\r\n\"'=HYPERLINK(\"\"http://x.example\"\",\"\"WS09\"\")\",CAR-2020-11-010,") != std::string::npos);
}

TEST_CASE("coverage.csv of a scan without coverage rows is its header", "[report]") {
    temporary_folder folder;
    const std::string path = write_with(make_coverage_csv_writer(folder.path()), folder.path(), scan_summary{});
    CHECK(test::read_file(path) ==
          "\xEF\xBB\xBFhost,analytic_id,analytic_name,variant,evaluable,extent,events_examined,detections,needs,why_not\r\n");
}

TEST_CASE("every CSV file begins with a byte-order mark, unless asked not to", "[report]") {
    const std::string header_start = "host,analytic_id,";
    for (const bool mark : {true, false}) {
        temporary_folder folder;
        const csv_format format{.byte_order_mark = mark};
        std::vector<std::unique_ptr<report_writer>> writers;
        writers.push_back(make_coverage_csv_writer(folder.path(), format));
        writers.push_back(make_detections_csv_writer(folder.path(), format));
        writers.push_back(make_timeline_csv_writer(folder.path(), format));
        for (auto& writer : writers) {
            CAPTURE(mark, writer->file_name());
            const std::string text = test::read_file(write_with(std::move(writer), folder.path(), summary_with_coverage()));
            CHECK(text.rfind("\xEF\xBB\xBF", 0) == (mark ? 0 : std::string::npos));
            const std::size_t header = mark ? 3 : 0;
            CHECK(text.find_first_of("abcdefghijklmnopqrstuvwxyz") == header);  // the header follows at once
        }
    }
}

TEST_CASE("summary.json: coverage rows and normalization warnings", "[report]") {
    temporary_folder folder;
    const json summary =
        json::parse(test::read_file(write_with(make_summary_json_writer(folder.path()), folder.path(), summary_with_coverage())));

    const json& coverage = summary.at("coverage");
    REQUIRE(coverage.is_array());
    REQUIRE(coverage.size() == 6);
    // JSON keeps the host exactly; evaluable is a boolean, the counts numbers.
    CHECK(coverage[0] == json{{"host", formula_host},
                              {"analytic_id", "CAR-2020-11-010"},
                              {"analytic_name", "CMSTP"},
                              {"variant", "car"},
                              {"evaluable", false},
                              {"extent", "none"},
                              {"events_examined", 0},
                              {"detections", 0},
                              {"needs", flow_needs},
                              {"why_not", flow_missing}});
    CHECK(coverage[0].at("evaluable").is_boolean());
    CHECK(coverage[0].at("events_examined").is_number_unsigned());
    CHECK(coverage[2] == json{{"host", formula_host},
                              {"analytic_id", "CAR-2020-11-010"},
                              {"analytic_name", "CMSTP"},
                              {"variant", "cmdline-url"},
                              {"evaluable", true},
                              {"extent", "full"},
                              {"events_examined", 12},
                              {"detections", 1},
                              {"needs", process_needs},
                              {"why_not", ""}});
    CHECK(coverage[4].at("host") == "WS01");
    CHECK(coverage[4].at("variant") == "remote");
    CHECK(coverage[4].at("events_examined") == 340);
    CHECK(coverage[4].at("detections") == 2);

    const json& warnings = summary.at("warnings");
    CHECK(warnings.at("unparsable_addresses") == 1);
    CHECK(warnings.at("unparsable_address_examples") == json::array({"10.0.0.999"}));
    CHECK(warnings.at("normalization").at("count") == 3);
    CHECK(warnings.at("normalization").at("examples") ==
          json::array({"ProcessId \"0x1f4\" is not a decimal number", "Initiated \"maybe\" is neither true nor false"}));
}

TEST_CASE("summary.json of a scan without coverage rows has an empty coverage array", "[report]") {
    temporary_folder folder;
    const json summary =
        json::parse(test::read_file(write_with(make_summary_json_writer(folder.path()), folder.path(), scan_summary{})));
    CHECK(summary.at("coverage") == json::array());
    CHECK(summary.at("warnings").at("normalization").at("count") == 0);
    CHECK(summary.at("warnings").at("normalization").at("examples") == json::array());
}
