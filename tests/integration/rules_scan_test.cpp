// Rules written here, run by the built binary on testdata/: correlations in
// timeline order, a rejected rule file next to good ones, --list-rules, the
// rule coverage in summary.json and coverage.csv. Expected values come from
// what the scenarios wrote (testdata/expected).
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/expected_records.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

constexpr const char* failed_logons = R"(title: failed logon
id: aaaaaaaa-0000-4000-8000-000000000001
name: failed_logon
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
    condition: selection
---
title: three failed logons of one account within five minutes
id: aaaaaaaa-0000-4000-8000-000000000002
level: high
correlation:
    type: event_count
    rules:
        - failed_logon
    group-by:
        - TargetUserName
    timespan: 5m
    condition:
        gte: 3
---
title: two accounts tried from one address
id: aaaaaaaa-0000-4000-8000-000000000003
level: medium
correlation:
    type: value_count
    rules:
        - failed_logon
    group-by:
        - IpAddress
    timespan: 5m
    condition:
        field: TargetUserName
        gte: 2
)";

constexpr const char* broken_rule = "title: broken\nlogsource: [unclosed\n";

struct scan_result {
    test::process_result run;
    json summary;
    test::csv_table detections;
};

scan_result scan_with_rules(const std::filesystem::path& out, const std::vector<std::string>& extra) {
    // Only the rules written here: the built-in CAR analytics' detections on
    // these logs are held by car_catalogue_test and testdata_test.
    std::vector<std::string> arguments = {"scan", test::testdata_path("sessions"), "-o", out.string(), "--quiet",
                                          "--no-html", "--no-json-status", "--no-car-catalogue"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    scan_result result;
    result.run = test::run_evtxcar(arguments);
    INFO(result.run.output);
    REQUIRE(result.run.signal == 0);
    result.summary = json::parse(test::read_file((out / "summary.json").string()));
    result.detections = test::read_csv_table((out / "detections.csv").string());
    return result;
}

}  // namespace

TEST_CASE("rules: correlations hold where the logs say so, and a broken rule file costs only itself", "[integration][rules]") {
    // From the data: failed logons (4625) per account and per source address.
    std::map<std::string, std::uint64_t> per_account;
    std::map<std::string, std::set<std::string>> accounts_per_address;
    for (const auto& record : test::expected_records("sessions", test::testdata_root().string())) {
        if (!record.is_security() || record.event_id() != 4625) continue;
        ++per_account[record.field("TargetUserName")];
        accounts_per_address[record.field("IpAddress")].insert(record.field("TargetUserName"));
    }
    std::uint64_t account_hits = 0, address_hits = 0;
    for (const auto& [account, count] : per_account) account_hits += count >= 3 ? 1u : 0u;  // all within minutes
    for (const auto& [address, accounts] : accounts_per_address) address_hits += accounts.size() >= 2 ? 1u : 0u;
    REQUIRE(account_hits == 1);
    REQUIRE(address_hits == 1);

    temporary_folder folder;
    std::filesystem::create_directories(folder.path() / "rules");
    std::ofstream(folder.path() / "rules" / "failed.yml") << failed_logons;
    std::ofstream(folder.path() / "rules" / "broken.yml") << broken_rule;
    const auto result = scan_with_rules(folder.path() / "o", {"--rules", (folder.path() / "rules").string()});
    CHECK(result.run.exit_status == 0);  // a rule file that does not load is listed, not a lost record
    const json& rules = result.summary["rules"];
    CHECK(rules["correlations"] == 2);
    REQUIRE(rules["rejected"].size() == 1);
    CHECK(rules["rejected"][0]["file"].get<std::string>().ends_with("broken.yml"));
    CHECK(rules["rejected"][0]["line"].get<std::uint64_t>() >= 1);

    std::map<std::string, std::uint64_t> found;
    for (std::size_t i = 0; i < result.detections.rows.size(); ++i) ++found[result.detections.at(i, "analytic_id")];
    // The rule the correlations count is no detection of its own (no `generate` in them: the specification's default).
    CHECK(found.count("aaaaaaaa-0000-4000-8000-000000000001") == 0);
    CHECK(found["aaaaaaaa-0000-4000-8000-000000000002"] == account_hits);
    CHECK(found["aaaaaaaa-0000-4000-8000-000000000003"] == address_hits);
    for (std::size_t i = 0; i < result.detections.rows.size(); ++i) {
        if (result.detections.at(i, "analytic_id") != "aaaaaaaa-0000-4000-8000-000000000002") continue;
        CHECK(result.detections.at(i, "level") == "high");
        CHECK(result.detections.at(i, "reason").find("TargetUserName=Administrator") != std::string::npos);
    }
    CHECK(result.summary["detections"]["by_level"]["high"] == account_hits);
}

TEST_CASE("rules: --list-rules says what would run and what was refused, and reads no log", "[integration][rules]") {
    temporary_folder folder;
    std::filesystem::create_directories(folder.path() / "rules");
    std::ofstream(folder.path() / "rules" / "failed.yml") << failed_logons;
    std::ofstream(folder.path() / "rules" / "broken.yml") << broken_rule;
    const auto run = test::run_evtxcar({"scan", "--rules", (folder.path() / "rules").string(), "--list-rules"});
    CHECK(run.exit_status == 0);
    CHECK(run.output.find("aaaaaaaa-0000-4000-8000-000000000001\t-\t-\tservice security\tfailed logon") != std::string::npos);
    CHECK(run.output.find("correlation\tthree failed logons of one account within five minutes") != std::string::npos);
    CHECK(run.output.find("broken.yml:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "evtxcar-out"));
}

TEST_CASE("rules: rule coverage per host in summary.json and coverage.csv", "[integration][rules]") {
    temporary_folder folder;
    std::ofstream(folder.path() / "failed.yml") << failed_logons;
    const auto result = scan_with_rules(folder.path() / "o", {"--rules", (folder.path() / "failed.yml").string()});
    // Per host, from the data: a host with 4625 events can look; the others cannot.
    std::set<std::string> with_failures, hosts;
    for (const auto& record : test::expected_records("sessions", test::testdata_root().string())) {
        hosts.insert(record.computer());
        if (record.is_security() && record.event_id() == 4625) with_failures.insert(record.computer());
    }
    const json& coverage = result.summary["rule_coverage"];
    CHECK(coverage.size() == hosts.size());
    for (const json& host : coverage) {
        CAPTURE(host.dump());
        CHECK(host["rules"] == 1);
        CHECK(host["full"] == (with_failures.count(host["host"].get<std::string>()) ? 1 : 0));
        CHECK(host["none"] == (with_failures.count(host["host"].get<std::string>()) ? 0 : 1));
    }
    const auto table = test::read_csv_table((folder.path() / "o" / "coverage.csv").string());
    std::size_t rule_rows = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (table.at(i, "analytic_id") != "sigma") continue;
        ++rule_rows;
        CHECK(table.at(i, "needs").find("1 rules: ") == 0);
    }
    CHECK(rule_rows == hosts.size());
}
