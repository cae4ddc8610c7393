#include "status_line.hpp"

#include <nlohmann/json.hpp>

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("the status line is one line of JSON with every count", "[report][status_line]") {
    run_outcome outcome;
    outcome.exit_status = exit_incomplete;
    outcome.status = "incomplete";
    outcome.output = "out \"quoted\"";
    outcome.files = 7;
    outcome.files_partial = 1;
    outcome.files_unreadable = 2;
    outcome.records_read = 1000;
    outcome.records_lost = 13;
    outcome.timeline_events = 900;
    outcome.detections = 4;
    const std::string line = format_status_line(outcome);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const auto parsed = nlohmann::json::parse(line);
    CHECK(parsed == nlohmann::json{{"status", "incomplete"}, {"exit", 3}, {"files", 7}, {"files_partial", 1},
                                   {"files_unreadable", 2}, {"records_read", 1000}, {"records_lost", 13},
                                   {"timeline_events", 900}, {"detections", 4}, {"output", "out \"quoted\""}});
}

TEST_CASE("the status line says why a run ended early, in valid UTF-8", "[report][status_line]") {
    run_outcome outcome;
    outcome.exit_status = exit_no_input;
    outcome.status = "no_input";
    outcome.output = "out\xff";
    outcome.message = "logs\xfe: no such file or folder";
    const auto parsed = nlohmann::json::parse(format_status_line(outcome));
    CHECK(parsed["status"] == "no_input");
    CHECK(parsed["exit"] == 4);
    CHECK(parsed["output"] == "out\xef\xbf\xbd");
    CHECK(parsed["message"] == "logs\xef\xbf\xbd: no such file or folder");
}
