// The SigmaHQ Windows rules of ../shared/sigma (rules/windows,
// rules-emerging-threats, rules-threat-hunting) load with exactly the
// rejections listed in sigmahq_expected_rejections.tsv (path relative to
// ../shared/sigma, tab, construct), so that a change in what the loader
// accepts shows. Skipped with a message when ../shared/sigma is absent.
#include <filesystem>
#include <fstream>
#include <set>

#include "catch.hpp"
#include "sigma_test_support.hpp"

namespace sigma = evtxcar::sigma;

namespace {

std::filesystem::path sigma_folder() { return std::filesystem::path(EVTXCAR_SHARED_DIR) / "sigma"; }

std::set<std::string> expected_rejections() {
    std::ifstream in(std::filesystem::path(EVTXCAR_SOURCE_DIR) / "tests" / "sigma" / "sigmahq_expected_rejections.tsv");
    std::set<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') lines.insert(line);
    return lines;
}

}  // namespace

TEST_CASE("the SigmaHQ Windows rules load, with exactly the expected rejections", "[sigma][sigmahq]") {
    const std::filesystem::path root = sigma_folder();
    if (!std::filesystem::is_directory(root / "rules" / "windows")) {
        WARN("../shared/sigma is absent: SigmaHQ load test skipped");
        return;
    }
    sigma::testing::numbering_resolver resolver;
    const sigma::rule_set rules = sigma::load_rules(
        {root / "rules" / "windows", root / "rules-emerging-threats", root / "rules-threat-hunting"},
        sigma::load_options{}, resolver);

    std::set<std::string> rejected;
    for (const sigma::rejected_rule& rejection : rules.rejected)
        rejected.insert(std::filesystem::path(rejection.file).lexically_relative(root).generic_string() + "\t" +
                        rejection.problem.construct);
    const std::set<std::string> expected = expected_rejections();
    for (const std::string& line : rejected) {
        INFO("rejected, not expected: " << line);
        CHECK(expected.count(line) == 1);
    }
    for (const std::string& line : expected) {
        INFO("expected, not rejected: " << line);
        CHECK(rejected.count(line) == 1);
    }

    // Of the rules for Windows (product: windows), at least 99.5% load.
    std::size_t windows_rejected = 0;
    std::size_t windows_loaded = 0;
    for (const sigma::compiled_rule& rule : rules.rules) windows_loaded += rule.source().product == "windows";
    for (const sigma::rejected_rule& rejection : rules.rejected) {
        std::ifstream in(rejection.file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        windows_rejected += text.find("product: windows") != std::string::npos;
    }
    INFO(windows_loaded << " Windows rules loaded, " << windows_rejected << " rejected");
    CHECK(windows_loaded + windows_rejected > 2500);
    CHECK(static_cast<double>(windows_loaded) >= 0.995 * static_cast<double>(windows_loaded + windows_rejected));
    // Nothing in these folders is for another product but what is skipped as such.
    for (const sigma::skipped_rule& skip : rules.skipped) CHECK(skip.reason == sigma::skipped_rule::why::product);
}
