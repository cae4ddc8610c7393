// Sigma rules through the whole scan (the built binary), on SigmaHQ's own
// material in ../shared/sigma; skips (exit 77) when it is absent.
//  - every regression sample (regression/tests.tsv: rule id, rule path,
//    expected matches; <rule id>.evtx) fires its rule at least as often as
//    SigmaHQ expects, as a detection of that rule, with nothing lost;
//  - the Windows trees load with exactly the rejections the engine's list
//    holds (tests/sigma/sigmahq_expected_rejections.tsv) and none of the
//    pipeline's own (every Windows logsource is known), and the rules of
//    no product and other logsources are skipped, not rejected.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

std::filesystem::path sigma_folder() { return std::filesystem::path(EVTXCAR_SHARED_DIR) / "sigma"; }

void skip_without_sigma() {
    if (!std::filesystem::exists(sigma_folder() / "regression" / "tests.tsv")) {
        std::cout << "SKIPPED: no SigmaHQ material at " << sigma_folder() << "\n";
        std::exit(77);
    }
}

struct regression_case {
    std::string rule_id, rule_path;
    std::uint64_t expected = 0;
};

std::vector<regression_case> regression_cases() {
    std::ifstream in(sigma_folder() / "regression" / "tests.tsv");
    std::vector<regression_case> cases;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        regression_case c;
        std::string expected;
        if (std::getline(fields, c.rule_id, '\t') && std::getline(fields, c.rule_path, '\t') &&
            std::getline(fields, expected, '\t')) {
            c.expected = std::stoull(expected);
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

}  // namespace

TEST_CASE("sigmahq: every regression sample fires its rule through the scan", "[sigmahq]") {
    skip_without_sigma();
    const auto cases = regression_cases();
    REQUIRE(cases.size() == 96);
    std::size_t fired = 0;
    for (const regression_case& c : cases) {
        CAPTURE(c.rule_id, c.rule_path);
        temporary_folder out;
        const auto sample = (sigma_folder() / "regression" / (c.rule_id + ".evtx")).string();
        const auto run = test::run_evtxcar({"scan", sample, "--rules", (sigma_folder() / c.rule_path).string(), "-o",
                                            (out.path() / "o").string(), "--quiet", "--no-html", "--no-json-status"});
        INFO(run.output);
        REQUIRE(run.signal == 0);
        CHECK(run.exit_status == 0);
        const json summary = json::parse(test::read_file((out.path() / "o" / "summary.json").string()));
        CHECK(summary["rules"]["loaded"] == 1);
        CHECK(summary["rules"]["rejected"].empty());
        const auto detections = test::read_csv_table((out.path() / "o" / "detections.csv").string());
        std::uint64_t hits = 0;
        for (std::size_t i = 0; i < detections.rows.size(); ++i) {
            if (detections.at(i, "analytic_id") == c.rule_id) {
                ++hits;
                CHECK(detections.at(i, "variant") == "sigma");
                CHECK_FALSE(detections.at(i, "rule_title").empty());
                CHECK(detections.at(i, "rule_path") == (sigma_folder() / c.rule_path).string());
            }
        }
        CHECK(hits >= c.expected);
        fired += hits >= c.expected ? 1 : 0;
    }
    std::cout << "sigmahq: " << fired << " of " << cases.size() << " regression samples fire their rule\n";
}

TEST_CASE("sigmahq: the Windows rules load with exactly the expected rejections", "[sigmahq]") {
    skip_without_sigma();
    std::set<std::pair<std::string, std::string>> expected;  // path below ../shared/sigma, construct
    {
        std::ifstream in(std::filesystem::path(EVTXCAR_SOURCE_DIR) / "tests" / "sigma" / "sigmahq_expected_rejections.tsv");
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#') continue;
            const auto tab = line.find('\t');
            expected.emplace(line.substr(0, tab), line.substr(tab + 1));
        }
    }
    temporary_folder out;
    std::vector<std::string> arguments = {"scan", (std::filesystem::path(EVTXCAR_SOURCE_DIR) / "testdata" / "demo").string()};
    for (const char* tree : {"rules/windows", "rules-emerging-threats", "rules-threat-hunting"}) {
        arguments.push_back("--rules");
        arguments.push_back((sigma_folder() / tree).string());
    }
    for (const char* word : {"-o", "", "--quiet", "--no-html", "--no-json-status"}) arguments.emplace_back(word);
    arguments[arguments.size() - 4] = (out.path() / "o").string();
    const auto run = test::run_evtxcar(arguments);
    INFO(run.output);
    REQUIRE(run.exit_status == 0);
    const json summary = json::parse(test::read_file((out.path() / "o" / "summary.json").string()));
    const json& rules = summary["rules"];
    std::set<std::pair<std::string, std::string>> rejected;
    for (const json& r : rules["rejected"]) {
        rejected.emplace(std::filesystem::relative(r["file"].get<std::string>(), sigma_folder()).string(),
                         r["construct"].get<std::string>());
        CHECK_FALSE(r["reason"].get<std::string>().empty());
    }
    CHECK(rejected == expected);
    // Of the rules for Windows, at least 99.5% run.
    const std::uint64_t loaded = rules["loaded"];
    const double share = static_cast<double>(loaded) / static_cast<double>(loaded + rejected.size());
    CHECK(share >= 0.995);
    CHECK(rules["skipped"]["product"].get<std::uint64_t>() > 0);
    CHECK(rules["skipped"]["not a Windows logsource"].get<std::uint64_t>() > 0);
    std::cout << "sigmahq: " << loaded << " Windows rules run, " << rejected.size() << " rejected\n";
}
