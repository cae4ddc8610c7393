// Exit statuses scripts can trust, the JSON status line on stdout, and the
// validation of numbers on the command line, with the built binary.
#include <nlohmann/json.hpp>

#include <fstream>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/expected_records.hpp"
#include "support/output_checks.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

// stdout only: it must hold exactly the status line.
json status_line_of(const std::vector<std::string>& arguments) {
    const auto run = test::run_evtxcar(arguments, test::captured::stdout_only);
    INFO(run.output);
    const auto lines = test::status_lines(run.output);
    REQUIRE(lines.size() == 1);
    CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
    CHECK(lines[0]["exit"] == run.exit_status);
    return lines[0];
}

}  // namespace

TEST_CASE("exit 0 and status complete: the line says what summary.json says", "[integration][exit_status]") {
    temporary_folder out;
    const json line = status_line_of({"scan", test::testdata_path("demo"), "-o", out.path().string(), "--no-html"});
    const json summary = test::read_summary(out.path());
    CHECK(line["status"] == "complete");
    CHECK(line["exit"] == 0);
    CHECK(line["files"] == summary["files"]["total"]);
    CHECK(line["files"] == 7);
    CHECK(line["files_partial"] == 0);
    CHECK(line["files_unreadable"] == 0);
    CHECK(line["records_read"] == test::expected_records("demo", "").size());
    CHECK(line["records_lost"] == 0);
    CHECK(line["timeline_events"] == summary["records"]["timeline_events"]);
    // The demo's designed detections: CMSTP's and the CAR catalogue's (testdata/expected/demo).
    std::size_t designed = 0;
    for (const auto& record : test::expected_records("demo", "")) designed += record.data["detections"].size();
    CHECK(line["detections"] == designed);
    CHECK(line["detections"] == summary["detections"]["total"]);
    CHECK(line["output"] == out.path().string());
    CHECK_FALSE(line.contains("message"));
}

TEST_CASE("exit 3 and status incomplete when records are lost", "[integration][exit_status]") {
    temporary_folder out;
    const json line = status_line_of({"scan", test::testdata_path("broken"), "-o", out.path().string(), "--no-html"});
    const json summary = test::read_summary(out.path());
    CHECK(line["status"] == "incomplete");
    CHECK(line["exit"] == 3);
    CHECK(line["records_lost"] == summary["records"]["failed"]);
    CHECK(line["records_lost"] > 0);
    CHECK(line["files_unreadable"] == summary["files"]["unreadable"]);
    CHECK(line["files_partial"] == summary["files"]["partial"]);
}

TEST_CASE("exit 4 and status no_input when there is nothing to read: nothing is written", "[integration][exit_status]") {
    temporary_folder folder;
    const fs::path out = folder.path() / "out";
    fs::create_directories(folder.path() / "empty");
    fs::create_directories(folder.path() / "no-logs");
    std::ofstream(folder.path() / "no-logs" / "notes.txt") << "x";
    for (const fs::path& input : {folder.path() / "missing", folder.path() / "empty", folder.path() / "no-logs"}) {
        CAPTURE(input);
        const json line = status_line_of({"scan", input.string(), "-o", out.string()});
        CHECK(line["status"] == "no_input");
        CHECK(line["exit"] == 4);
        CHECK(line["files"] == 0);
        CHECK_FALSE(line["message"].get<std::string>().empty());
        CHECK_FALSE(fs::exists(out));  // not even the folder
    }
}

TEST_CASE("exit 2 and status usage_error for a bad command line", "[integration][exit_status]") {
    temporary_folder out;
    const json line = status_line_of({"scan", test::testdata_path("demo"), "-o", out.path().string(), "--bogus"});
    CHECK(line["status"] == "usage_error");
    CHECK(line["exit"] == 2);
    CHECK(line["message"].get<std::string>().find("bogus") != std::string::npos);
}

TEST_CASE("the status line can be turned off, and asking for it both ways is a usage error",
          "[integration][exit_status]") {
    temporary_folder out;
    const auto quiet = test::run_evtxcar({"scan", test::testdata_path("demo"), "-o", out.path().string(), "--no-json-status"},
                                         test::captured::stdout_only);
    CHECK(quiet.exit_status == 0);
    CHECK(quiet.output.empty());
    const auto both = test::run_evtxcar({"scan", test::testdata_path("demo"), "-o", (out.path() / "x").string(), "--json-status",
                                         "--no-json-status"});
    CHECK(both.exit_status == 2);
}

TEST_CASE("numbers on the command line are validated", "[integration][exit_status][cli]") {
    temporary_folder folder;
    const fs::path out = folder.path() / "out";
    const std::vector<std::vector<std::string>> bad = {
        {"--html-max-rows", "-1"}, {"--html-max-rows=-1"},   {"--html-max-rows", "abc"},
        {"--html-max-rows", "1e3"}, {"--html-max-rows", "12 "}, {"--html-max-rows", "99999999999999999999"},
        {"--html-max-rows", ""},   {"--threads", "0"},       {"--threads", "abc"},
        {"--threads=-1"},          {"--threads", "1025"},    {"--threads", "2x"},
        {"--threads", "+2"},       {"--threads", "4294967297"}};
    for (const auto& option : bad) {
        CAPTURE(option);
        std::vector<std::string> arguments = {"scan", test::testdata_path("demo"), "-o", out.string()};
        arguments.insert(arguments.end(), option.begin(), option.end());
        const auto run = test::run_evtxcar(arguments);
        INFO(run.output);
        CHECK(run.exit_status == 2);
        const std::string name = option[0].substr(0, option[0].find('='));
        CHECK(run.output.find("evtxcar: error:") != std::string::npos);
        CHECK(run.output.find(name.substr(2)) != std::string::npos);  // the message names the option
        CHECK_FALSE(fs::exists(out));
    }
    // The edges are accepted: no rows in the report (detections and their context only), 1 thread.
    const auto edges = test::run_evtxcar({"scan", test::testdata_path("demo"), "-o", out.string(), "--html-max-rows", "0", "--threads", "1"});
    INFO(edges.output);
    CHECK(edges.exit_status == 0);
    CHECK(test::read_summary(out)["run"]["threads"] == 1);
}
