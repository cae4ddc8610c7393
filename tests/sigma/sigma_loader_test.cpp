// Loading: metadata and tags, multi-document files, rule collections,
// filters, skips and rejections (with file, line, construct), malformed
// YAML, folders, placeholders files, the EventID index.
#include <fstream>

#include "catch.hpp"
#include "sigma_test_support.hpp"
#include "support/temporary_folder.hpp"

namespace sigma = evtxcar::sigma;
using sigma::testing::map_event;
using sigma::testing::numbering_resolver;

namespace {

sigma::rule_set load(numbering_resolver& resolver, const std::string& text,
                     sigma::load_options options = sigma::testing::any_product()) {
    return sigma::load_rules_from_text(text, "rules.yml", options, resolver);
}

const std::string whoami_rule =
    "title: Whoami Execution\n"
    "id: 11111111-1111-4111-8111-111111111111\n"
    "status: test\n"
    "description: Detects a whoami.exe execution\n"
    "references:\n    - https://example.invalid/whoami\n"
    "author: evtxcar tests\n"
    "date: 2019-10-23\n"
    "modified: 2020-01-02\n"
    "tags:\n    - attack.discovery\n    - attack.t1033\n    - attack.t1059.001\n    - car.2016-03-001\n"
    "logsource:\n    category: process_creation\n    product: windows\n"
    "detection:\n    selection:\n        Image: 'C:\\Windows\\System32\\whoami.exe'\n    condition: selection\n"
    "falsepositives:\n    - Admins\n"
    "level: high\n";

}  // namespace

TEST_CASE("a rule's metadata and ATT&CK tags", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver, whoami_rule);
    REQUIRE(rules.rules.size() == 1);
    const sigma::rule_metadata& m = rules.rules[0].metadata();
    CHECK(m.id == "11111111-1111-4111-8111-111111111111");
    CHECK(m.title == "Whoami Execution");
    CHECK(m.level == sigma::rule_level::high);
    CHECK(m.status == sigma::rule_status::test);
    CHECK(m.description == "Detects a whoami.exe execution");
    CHECK(m.references == std::vector<std::string>{"https://example.invalid/whoami"});
    CHECK(m.falsepositives == std::vector<std::string>{"Admins"});
    CHECK(m.author == "evtxcar tests");
    CHECK(m.date == "2019-10-23");
    CHECK(m.modified == "2020-01-02");
    CHECK(m.file == "rules.yml");
    // Tags appendix: "t1234: Refers to a technique"; tactics by name.
    CHECK(m.techniques == std::vector<std::string>{"T1033", "T1059.001"});
    CHECK(m.tactics == std::vector<std::string>{"discovery"});
    CHECK(rules.rules[0].source() == sigma::logsource{"windows", "process_creation", "", ""});
    REQUIRE(rules.rules[0].fields().size() == 1);
    CHECK(rules.rules[0].fields()[0].name == "Image");
    CHECK(rules.rules[0].standalone());
}

TEST_CASE("skips: other products, statuses, levels; counted with why", "[sigma]") {
    numbering_resolver resolver;
    const std::string linux_rule = "title: L\nlogsource:\n    product: linux\n    category: process_creation\n"
                                   "detection:\n    s:\n        Image: x\n    condition: s\n";
    const std::string deprecated = "title: D\nstatus: deprecated\nlogsource:\n    product: windows\n"
                                   "detection:\n    s:\n        Image: x\n    condition: s\n";
    const std::string low = "title: Low\nlevel: low\nlogsource:\n    product: windows\n"
                            "detection:\n    s:\n        Image: x\n    condition: s\n";
    sigma::load_options options;  // the defaults: windows; all but deprecated and unsupported
    options.min_level = sigma::rule_level::medium;
    const sigma::rule_set rules = load(resolver, linux_rule + "---\n" + deprecated + "---\n" + low + "---\n" + whoami_rule, options);
    CHECK(rules.documents == 4);
    CHECK(rules.rules.size() == 1);
    REQUIRE(rules.skipped.size() == 3);
    CHECK(rules.skipped[0].reason == sigma::skipped_rule::why::product);
    CHECK(rules.skipped[0].detail == "product: linux");
    CHECK(rules.skipped[1].detail == "status: deprecated");
    CHECK(rules.skipped[2].detail == "level: low");
    CHECK(rules.rejected.empty());
}

TEST_CASE("logsource values are read in lower case", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "title: W\nlogsource:\n    product: Windows\n    category: Process_Creation\n    service: Security\n"
        "    definition: 'Keep As Written'\ndetection:\n    s:\n        A: x\n    condition: s\n", sigma::load_options{});
    REQUIRE(rules.rules.size() == 1);
    CHECK(rules.rules[0].source() == sigma::logsource{"windows", "process_creation", "security", "Keep As Written"});
}

TEST_CASE("malformed YAML is a rejection with its line; the load goes on", "[sigma]") {
    evtxcar::temporary_folder folder;
    std::ofstream(folder.path() / "a_broken.yml") << "title: broken\ndetection:\n    selection:\n      - x: [unclosed\n";
    std::ofstream(folder.path() / "b_good.yaml") << whoami_rule;
    std::ofstream(folder.path() / "c_not_a_rule.txt") << "ignored";
    numbering_resolver resolver;
    const sigma::rule_set rules = sigma::load_rules({folder.path()}, sigma::load_options{}, resolver);
    CHECK(rules.files == 2);
    CHECK(rules.rules.size() == 1);
    REQUIRE(rules.rejected.size() == 1);
    CHECK(rules.rejected[0].file == (folder.path() / "a_broken.yml").string());
    CHECK(rules.rejected[0].problem.construct == "YAML");
    CHECK(rules.rejected[0].problem.line >= 4);
}

TEST_CASE("rejections name the file, rule, construct and line", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "title: Bad\nid: 22222222-2222-4222-8222-222222222222\nlogsource:\n    product: windows\n"
        "detection:\n    selection:\n        CommandLine|base64|re: x\n    condition: selection\n");
    REQUIRE(rules.rejected.size() == 1);
    CHECK(rules.rejected[0].file == "rules.yml");
    CHECK(rules.rejected[0].rule == "22222222-2222-4222-8222-222222222222");
    CHECK(rules.rejected[0].title == "Bad");
    CHECK(rules.rejected[0].problem.construct == "CommandLine|base64|re");
    CHECK(rules.rejected[0].problem.reason == "value modifier 'base64' with a type modifier");
    CHECK(rules.rejected[0].problem.line == 7);
    CHECK(rules.rules.empty());
}

TEST_CASE("a rule without title, logsource or condition is rejected", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "logsource:\n    product: windows\ndetection:\n    s:\n        A: x\n    condition: s\n---\n"
        "title: no logsource\ndetection:\n    s:\n        A: x\n    condition: s\n---\n"
        "title: no condition\nlogsource:\n    product: windows\ndetection:\n    s:\n        A: x\n");
    REQUIRE(rules.rejected.size() == 3);
    CHECK(rules.rejected[0].problem.construct == "title");
    CHECK(rules.rejected[1].problem.construct == "logsource");
    CHECK(rules.rejected[2].problem.reason == "no condition");
}

TEST_CASE("rule collections: action global, reset and repeat", "[sigma]") {
    // Sigma 1 collections: a global document lays its content under every
    // following one, reset ends it, repeat lays a document over the one before.
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "action: global\ntitle: Shared\nlogsource:\n    product: windows\n    category: process_creation\n"
        "detection:\n    condition: selection\n---\n"
        "id: r1\ndetection:\n    selection:\n        Image|endswith: '\\a.exe'\n---\n"
        "action: repeat\nid: r2\ndetection:\n    selection:\n        Image|endswith: '\\b.exe'\n---\n"
        "action: reset\n---\n"
        "title: Own\nid: r3\nlogsource:\n    product: windows\ndetection:\n    s:\n        A: x\n    condition: s\n");
    REQUIRE(rules.rejected.empty());
    REQUIRE(rules.rules.size() == 3);
    CHECK(rules.rules[0].metadata().title == "Shared");
    CHECK(rules.rules[1].metadata().id == "r2");
    CHECK(rules.rules[1].source().category == "process_creation");
    CHECK(rules.rules[2].metadata().title == "Own");
    CHECK(rules.rules[2].source().category.empty());
    CHECK(rules.rules[0].matches(map_event(resolver, {{"Image", "C:\\a.exe"}})));
    CHECK(rules.rules[1].matches(map_event(resolver, {{"Image", "C:\\b.exe"}})));
    CHECK_FALSE(rules.rules[1].matches(map_event(resolver, {{"Image", "C:\\a.exe"}})));
}

TEST_CASE("filters attach to the rules they name", "[sigma]") {
    // Filters specification: "refers to one or multiple Sigma rules where to
    // add the filter"; the example drops User|startswith 'adm_'.
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "title: Rar\nid: 6f3e2987-db24-4c78-a860-b4f4095a7095\nlogsource:\n    category: process_creation\n    product: windows\n"
        "detection:\n    selection:\n        Image|endswith: '\\rar.exe'\n    condition: selection\n---\n"
        "title: Other\nid: other-rule\nlogsource:\n    category: process_creation\n    product: windows\n"
        "detection:\n    selection:\n        Image|endswith: '\\rar.exe'\n    condition: selection\n---\n"
        "title: Filter Administrator account\nid: filter-1\nlogsource:\n    category: process_creation\n    product: windows\n"
        "filter:\n    rules:\n        - 6f3e2987-db24-4c78-a860-b4f4095a7095\n        - no-such-rule\n"
        "    selection:\n        User|startswith: 'adm_'\n    condition: selection\n");
    REQUIRE(rules.rejected.empty());
    REQUIRE(rules.rules.size() == 2);
    REQUIRE(rules.filters.size() == 1);
    CHECK(rules.filters[0].applied_to == std::vector<std::string>{"6f3e2987-db24-4c78-a860-b4f4095a7095"});
    CHECK(rules.filters[0].not_found == std::vector<std::string>{"no-such-rule"});
    const sigma::compiled_rule& filtered = rules.rules[0];
    CHECK(filtered.filters() == std::vector<std::string>{"filter-1"});
    CHECK(filtered.matches(map_event(resolver, {{"Image", "C:\\rar.exe"}, {"User", "bob"}})));
    CHECK_FALSE(filtered.matches(map_event(resolver, {{"Image", "C:\\rar.exe"}, {"User", "adm_bob"}})));
    CHECK(rules.rules[1].matches(map_event(resolver, {{"Image", "C:\\rar.exe"}, {"User", "adm_bob"}})));
    REQUIRE(filtered.fields().size() == 2);
    CHECK(filtered.fields()[1].name == "User");
}

TEST_CASE("a filter whose logsource differs is not applied", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "title: R\nid: r\nlogsource:\n    category: process_creation\n    product: windows\n"
        "detection:\n    s:\n        A: x\n    condition: s\n---\n"
        "title: F\nlogsource:\n    category: file_event\n    product: windows\n"
        "filter:\n    rules: [r]\n    selection:\n        B: y\n    condition: selection\n");
    REQUIRE(rules.filters.size() == 1);
    CHECK(rules.filters[0].other_logsource == std::vector<std::string>{"r"});
    CHECK(rules.rules[0].matches(map_event(resolver, {{"A", "x"}, {"B", "y"}})));
}

TEST_CASE("the EventID values a rule needs, for indexing", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = load(resolver,
        "title: a\nlogsource:\n    product: windows\n    service: security\n"
        "detection:\n    selection:\n        EventID:\n            - 4624\n            - 4625\n        LogonType: 3\n"
        "    filter:\n        EventID: 4625\n    condition: selection and not filter\n---\n"
        "title: b\nlogsource:\n    product: windows\n    service: security\n"
        "detection:\n    one:\n        EventID: 4688\n    two:\n        EventID: 1\n    condition: one or two\n---\n"
        "title: c\nlogsource:\n    product: windows\n    service: security\n"
        "detection:\n    one:\n        EventID: 4688\n    other:\n        CommandLine: x\n    condition: one or other\n---\n"
        "title: d\nlogsource:\n    product: windows\n    service: security\n"
        "detection:\n    one:\n        EventID|startswith: 46\n    condition: one\n---\n"
        "title: e\nlogsource:\n    product: windows\n    service: security\n"
        "detection:\n    one:\n        EventID: [4624, 4625]\n    two:\n        EventID: [4625, 4634]\n    condition: one and two\n");
    REQUIRE(rules.rules.size() == 5);
    CHECK(rules.rules[0].required_event_ids() == std::vector<std::string>{"4624", "4625"});  // `not` pins nothing
    CHECK(rules.rules[1].required_event_ids() == std::vector<std::string>{"4688", "1"});
    CHECK_FALSE(rules.rules[2].required_event_ids().has_value());  // `other` matches any event id
    CHECK_FALSE(rules.rules[3].required_event_ids().has_value());  // not a literal
    CHECK(rules.rules[4].required_event_ids() == std::vector<std::string>{"4625"});
}

TEST_CASE("a placeholders file that is not a map of names to values is refused", "[sigma]") {
    CHECK_FALSE(sigma::read_placeholders_text("- a\n- b\n").ok());
    CHECK_FALSE(sigma::read_placeholders_text("HOMENET: [unclosed\n").ok());
    CHECK_FALSE(sigma::read_placeholders_text("HOMENET:\n  nested: map\n").ok());
    const auto values = sigma::read_placeholders_text("Servers:\n  - srv*\n  - dc01\n");
    REQUIRE(values.ok());
    CHECK(values.value().at("Servers") == std::vector<std::string>{"srv*", "dc01"});
}

TEST_CASE("a rule cut short anywhere loads or is rejected, never throws", "[sigma]") {
    const std::string text = whoami_rule + "---\n" +
        "title: C\ncorrelation:\n    type: event_count\n    rules: [11111111-1111-4111-8111-111111111111]\n"
        "    group-by: [User]\n    timespan: 1h\n    condition:\n        gte: 2\n---\n"
        "title: F\nlogsource:\n    product: windows\nfilter:\n    rules: [11111111-1111-4111-8111-111111111111]\n"
        "    selection:\n        User|startswith|windash: '-adm_'\n        CommandLine|re|i: '(a|b)+'\n    condition: not selection\n";
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        INFO("cut at " << cut);
        numbering_resolver resolver;
        sigma::rule_set rules;
        REQUIRE_NOTHROW(rules = load(resolver, text.substr(0, cut)));
        CHECK(rules.rules.size() + rules.correlations.size() + rules.filters.size() + rules.rejected.size() +
                  rules.skipped.size() >= (cut > 40 ? 1u : 0u));
    }
}
