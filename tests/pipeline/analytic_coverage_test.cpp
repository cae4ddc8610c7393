// Coverage rows: per host and analytic variant, whether the variant saw
// events of the kind it evaluates, how many, its detections, and why not.
#include "pipeline/analytic_coverage.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {

car_event event_of(std::string object, std::string action, std::string host, std::string command_line = "") {
    car_event event;
    event.object = std::move(object);
    event.action = std::move(action);
    event.set(car_field::hostname, host.substr(0, host.find('.')));
    event.set(car_field::fqdn, host);
    event.set(car_field::command_line, std::move(command_line));
    return event;
}

const coverage_row& row_of(const std::vector<coverage_row>& rows, const std::string& host, const std::string& variant) {
    for (const coverage_row& row : rows) {
        if (row.host == host && row.variant == variant) return row;
    }
    FAIL("no row for " << host << " " << variant);
    return rows.front();
}

// CMSTP alone (the catalogue's other C++ analytics have needs of their own).
analytic_settings cmstp_only() {
    analytic_settings settings;
    settings.only = {"CAR-2020-11-010"};
    return settings;
}

}  // namespace

TEST_CASE("coverage: evaluable only where the host had the events a variant looks at", "[pipeline][coverage]") {
    const auto analytics = make_analytics(cmstp_only());
    const auto needs = needs_of(analytics);
    REQUIRE(needs.size() == 2);  // CMSTP: flow/start; process/create with command_line

    coverage_counts worker_a, worker_b;
    // WS01: Sysmon-like, flows and process creates with command lines (two workers).
    worker_a.count(needs, "WS01.corp.example.com", event_of("flow", "start", "WS01.corp.example.com"));
    worker_b.count(needs, "ws01.CORP.example.com", event_of("flow", "start", "WS01.corp.example.com"));
    worker_a.count(needs, "WS01.corp.example.com", event_of("process", "create", "WS01.corp.example.com", "a.exe /x"));
    // WS07: process creates without command lines, no flows; a blocked flow does not count.
    worker_b.count(needs, "WS07.corp.example.com", event_of("process", "create", "WS07.corp.example.com"));
    worker_b.count(needs, "WS07.corp.example.com", event_of("process", "create", "WS07.corp.example.com"));
    worker_b.count(needs, "WS07.corp.example.com", event_of("flow", "block", "WS07.corp.example.com"));
    coverage_counts all;
    all.add(worker_a);
    all.add(worker_b);

    // DC01 has records (e.g. logons) but nothing any variant evaluates.
    const std::map<std::string, std::uint64_t> records_by_host = {
        {"DC01.corp.example.com", 10}, {"WS01.corp.example.com", 3}, {"ws01.corp.example.com", 1},
        {"WS07.corp.example.com", 3}};
    detection hit;
    hit.analytic_id = "CAR-2020-11-010";
    hit.variant = "remote";
    hit.event = event_of("flow", "start", "WS01.corp.example.com");
    const auto rows = build_coverage(records_by_host, analytics, all, detections_in_memory({hit, hit}), false);
    REQUIRE(rows.size() == 9);  // 3 hosts (case folded) x 3 variants

    const coverage_row& ws01_remote = row_of(rows, "WS01.corp.example.com", "remote");
    CHECK(ws01_remote.evaluable);
    CHECK(ws01_remote.events_examined == 2);
    CHECK(ws01_remote.detections == 2);
    CHECK(ws01_remote.why_not.empty());
    CHECK(row_of(rows, "WS01.corp.example.com", "car").detections == 0);
    CHECK(row_of(rows, "WS01.corp.example.com", "cmdline-url").events_examined == 1);

    const coverage_row& ws07_car = row_of(rows, "WS07.corp.example.com", "car");
    CHECK_FALSE(ws07_car.evaluable);
    CHECK(ws07_car.events_examined == 0);
    CHECK(ws07_car.why_not.find("no flow/start events") != std::string::npos);
    CHECK(ws07_car.why_not.find("Security 5156") != std::string::npos);
    const coverage_row& ws07_url = row_of(rows, "WS07.corp.example.com", "cmdline-url");
    CHECK_FALSE(ws07_url.evaluable);
    CHECK(ws07_url.why_not.find("2 process/create events") != std::string::npos);
    CHECK(ws07_url.why_not.find("command_line") != std::string::npos);

    for (const std::string variant : {"car", "remote", "cmdline-url"}) {
        CHECK_FALSE(row_of(rows, "DC01.corp.example.com", variant).evaluable);
    }
    CHECK(rows.front().host == "DC01.corp.example.com");  // sorted by host
    CHECK(rows.front().analytic_id == "CAR-2020-11-010");
    CHECK(rows.front().analytic_name == "CMSTP");
}

TEST_CASE("coverage: a time window is named in the reason", "[pipeline][coverage]") {
    const auto analytics = make_analytics(cmstp_only());
    const auto rows = build_coverage({{"WS01", 1}}, analytics, coverage_counts{}, detections_in_memory({}), true);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].why_not.find("--from/--to") != std::string::npos);
}
