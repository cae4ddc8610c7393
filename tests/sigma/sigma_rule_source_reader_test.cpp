// Rule files read and parsed ahead of the compiling (rule_source_reader):
// the same rules, in the same order, with the same problems, whatever the
// number of parsing threads and however small the window.
#include <fstream>
#include <sstream>

#include "catch.hpp"
#include "sigma/rule_source_reader.hpp"
#include "sigma_test_support.hpp"
#include "support/temporary_folder.hpp"

namespace sigma = evtxcar::sigma;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string rule(int n) {
    return "title: rule " + std::to_string(n) + "\nid: r" + std::to_string(n) +
           "\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    s:\n        CommandLine|contains: 'x" +
           std::to_string(n) + "'\n    condition: s\n";
}

// The load as one text: every rule, rejection and skip with its file, in order.
std::string described(const sigma::rule_set& set) {
    std::ostringstream out;
    out << set.files << " files, " << set.documents << " documents\n";
    for (const auto& r : set.rules) out << "rule " << r.metadata().file << " " << r.metadata().display_id() << "\n";
    for (const auto& r : set.rejected) out << "rejected " << r.file << " " << r.problem.reason << " line " << r.problem.line << "\n";
    for (const auto& r : set.skipped) out << "skipped " << r.file << " " << r.detail << "\n";
    for (const auto& c : set.correlations) out << "correlation " << c.metadata.display_id() << "\n";
    return out.str();
}

}  // namespace

TEST_CASE("rules parsed ahead load as when parsed in turn", "[sigma]") {
    evtxcar::temporary_folder folder;
    const auto root = folder.path() / "rules";
    for (int n = 0; n < 40; ++n) write_file(root / ("r" + std::to_string(100 + n) + ".yml"), rule(n));
    write_file(root / "a-broken.yml", "title: [unclosed\n");
    write_file(root / "b-linux.yml", "title: l\nlogsource:\n    product: linux\ndetection:\n    s: x\n    condition: s\n");
    write_file(root / "sub" / "c-collection.yml", "action: global\nlogsource:\n    product: windows\n---\n" + rule(90) + "---\n" + rule(91));
    write_file(root / "z-correlation.yml",
               "title: two\nname: two\ncorrelation:\n    type: event_count\n    rules: [r1, r2]\n    group-by: [User]\n"
               "    timespan: 5m\n    condition:\n        gte: 2\n");
    const std::vector<sigma::rule_text> texts{{"builtin/one.yml", "title: built in\nlogsource:\n    product: windows\n"
                                                                  "detection:\n    s:\n        Image: a\n    condition: s\n"}};
    auto load = [&](unsigned threads) {
        sigma::testing::numbering_resolver resolver;
        sigma::load_options options;
        options.parse_threads = threads;
        return described(sigma::load_rules(texts, {root}, options, resolver));
    };
    const std::string in_turn = load(0);
    // What the files hold: 40 rules, 2 of the collection, the built-in one.
    CHECK(in_turn.find("rule builtin/one.yml") != std::string::npos);
    CHECK(in_turn.find("correlation two") != std::string::npos);
    CHECK(in_turn.find("rejected " + (root / "a-broken.yml").string()) != std::string::npos);
    CHECK(in_turn.find("skipped " + (root / "b-linux.yml").string() + " product: linux") != std::string::npos);
    std::size_t rules = 0;
    for (std::size_t at = in_turn.find("\nrule "); at != std::string::npos; at = in_turn.find("\nrule ", at + 1)) ++rules;
    CHECK(rules == 43);
    for (unsigned threads : {1u, 2u, 3u}) {
        INFO(threads << " parsing thread(s)");
        CHECK(load(threads) == in_turn);
    }
}

TEST_CASE("the reader hands sources over in order through a small window", "[sigma]") {
    std::vector<std::string> texts;
    std::vector<sigma::rule_source> sources;
    for (int n = 0; n < 50; ++n) texts.push_back("n: " + std::to_string(n) + "\n");
    for (int n = 0; n < 50; ++n) sources.push_back({"t" + std::to_string(n), texts[static_cast<std::size_t>(n)], false});
    sources.push_back({"/nonexistent/evtxcar/rule.yml", {}, true});
    sigma::rule_source_reader reader(sources, 2, 3);
    REQUIRE(reader.size() == 51);
    for (std::size_t i = 0; i < 50; ++i) {
        const sigma::parsed_rule_source& parsed = reader.take(i);
        CHECK(parsed.file == "t" + std::to_string(i));
        REQUIRE(parsed.documents.ok());
        REQUIRE(parsed.documents.value().size() == 1);
        CHECK(parsed.documents.value()[0].get("n").text() == std::to_string(i));
    }
    const sigma::parsed_rule_source& missing = reader.take(50);
    CHECK_FALSE(missing.opened);
}

TEST_CASE("a reader left before every source is taken stops its threads", "[sigma]") {
    std::vector<sigma::rule_source> sources;
    for (int n = 0; n < 100; ++n) sources.push_back({"t", "a: 1\n", false});
    sigma::rule_source_reader reader(sources, 3, 4);
    CHECK(reader.take(0).documents.ok());
    // The destructor joins the threads, which wait on the window.
}
