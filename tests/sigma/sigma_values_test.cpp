// How Sigma values match: wildcards, escapes, case, lists and maps, null,
// empty and absent fields, keywords. Expected values follow the wording of
// the rules specification (sigma-rules-specification.md, "Detection").
#include <algorithm>
#include <cctype>
#include <string>

#include "sigma/case_folding.hpp"
#include "sigma/string_matcher.hpp"
#include "catch.hpp"
#include "sigma_test_support.hpp"

using evtxcar::sigma::testing::single_rule;

TEST_CASE("a plain value matches the whole field, ignoring ASCII case", "[sigma]") {
    // "All values are treated as case-insensitive strings."
    single_rule rule("    selection:\n        Image: 'C:\\Windows\\System32\\whoami.exe'\n    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"Image", "C:\\Windows\\System32\\whoami.exe"}}));
    CHECK(rule.matches({{"Image", "c:\\windows\\system32\\WHOAMI.EXE"}}));
    CHECK_FALSE(rule.matches({{"Image", "C:\\Windows\\System32\\whoami.exe.bak"}}));
    CHECK_FALSE(rule.matches({{"Image", "D:\\C:\\Windows\\System32\\whoami.exe"}}));
    CHECK_FALSE(rule.matches({}));  // absent field
}

TEST_CASE("letters of Latin-1, Latin Extended-A, Greek and Cyrillic fold too", "[sigma]") {
    // Unicode's simple lower-case mappings: U+00C9 É -> U+00E9 é, U+0421 С ->
    // U+0441 с, U+0152 Œ -> U+0153 œ, U+03A3 Σ -> U+03C3 σ. Letters beyond
    // those blocks (here Armenian U+0531 Ա, lower case U+0561 ա) are
    // compared as they are (docs/sigma.md).
    single_rule rule("    selection:\n        User|endswith:\n            - '\\Système'\n            - '\\СИСТЕМА'\n"
                     "            - 'Œuvre Σ'\n            - 'Ա'\n    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"User", "AUTORITE NT\\SYSTÈME"}}));
    CHECK(rule.matches({{"User", "AUTORITE NT\\système"}}));
    CHECK(rule.matches({{"User", "NT AUTHORITY\\система"}}));
    CHECK(rule.matches({{"User", "œuvre σ"}}));
    CHECK(rule.matches({{"User", "Ա"}}));
    CHECK_FALSE(rule.matches({{"User", "ա"}}));
    CHECK_FALSE(rule.matches({{"User", "AUTORITE NT\\SYSTEME"}}));  // È is not E
    single_rule cased("    selection:\n        User|cased|contains: 'СИСТЕМА'\n    condition: selection\n");
    REQUIRE(cased.loaded());
    CHECK(cased.matches({{"User", "NT AUTHORITY\\СИСТЕМА"}}));
    CHECK_FALSE(cased.matches({{"User", "NT AUTHORITY\\система"}}));
    single_rule keyword("    keywords:\n        - 'ARRÊTÉ'\n    condition: keywords\n");
    REQUIRE(keyword.loaded());
    CHECK(keyword.matches({{"Message", "Le service a été arrêté."}}));
}

TEST_CASE("? stands for one character and * for any number", "[sigma]") {
    // "`?` to replace a single mandatory character. `*` to replace an
    // unbounded length wildcard." Examples: `prog?.exe`, `antivirus_V*.exe`.
    single_rule rule("    selection:\n        Image:\n            - 'prog?.exe'\n            - 'antivirus_V*.exe'\n"
                     "    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"Image", "progA.exe"}}));
    CHECK(rule.matches({{"Image", "progB.exe"}}));
    CHECK(rule.matches({{"Image", "prog\xC3\xA9.exe"}}));  // one character, two UTF-8 bytes
    CHECK_FALSE(rule.matches({{"Image", "prog.exe"}}));    // mandatory
    CHECK_FALSE(rule.matches({{"Image", "progAB.exe"}}));
    CHECK(rule.matches({{"Image", "antivirus_V1.exe"}}));
    CHECK(rule.matches({{"Image", "antivirus_V21.2.1.exe"}}));
    CHECK(rule.matches({{"Image", "antivirus_V.exe"}}));  // unbounded: none included
    CHECK_FALSE(rule.matches({{"Image", "antivirus_V1.exe.txt"}}));
}

TEST_CASE("wildcards at the ends are startswith, endswith and contains", "[sigma]") {
    // "`*something` see endswith", "`something*` see startswith",
    // "`*something*` see contains".
    single_rule rule("    a:\n        A: '*\\cmd.exe'\n    b:\n        B: 'adm*'\n    c:\n        C: '*evil*'\n"
                     "    d:\n        D: 'a*b?c*d'\n    condition: a or b or c or d\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"A", "C:\\x\\CMD.exe"}}));
    CHECK_FALSE(rule.matches({{"A", "C:\\x\\cmd.exe2"}}));
    CHECK(rule.matches({{"B", "Administrator"}}));
    CHECK_FALSE(rule.matches({{"B", "xadm"}}));
    CHECK(rule.matches({{"C", "not EVIL at all"}}));
    CHECK(rule.matches({{"D", "a-b-c-d"}}));
    CHECK_FALSE(rule.matches({{"D", "a-bc-d"}}));  // b?c needs exactly one character between b and c
    CHECK(rule.matches({{"D", "axxbYcZZd"}}));
    CHECK(rule.matches({{"D", "abXcd"}}));
    CHECK_FALSE(rule.matches({{"D", "abXcdX"}}));
}

TEST_CASE("backslash escapes as the specification summarizes them", "[sigma]") {
    // "Plain backslash not followed by a wildcard can be expressed as single
    // `\` or double backslash `\\`." / "A wildcard has to be escaped to be
    // handled as a plain character: `\*`, `\?`." / "The backslash before a
    // wildcard has to be escaped ... `\\*`." / "Three backslashes are
    // necessary to escape both ... `\\\*`." / "`\\\\` results in the plain
    // value `\\`."
    struct example {
        const char* rule_value;
        const char* field;
        bool matches;
    };
    const example examples[] = {
        {"C:\\Windows", "C:\\Windows", true},          // single plain backslash
        {"C:\\\\Windows", "C:\\Windows", true},        // double: still one backslash
        {"a\\*b", "a*b", true},                        // escaped wildcard is plain
        {"a\\*b", "aXXb", false},
        {"a\\?b", "a?b", true},
        {"a\\?b", "aXb", false},
        {"dir\\\\*", "dir\\anything", true},           // backslash, then a wildcard
        {"dir\\\\*", "dir", false},
        {"dir\\\\\\*", "dir\\*", true},                 // backslash and star, both plain
        {"dir\\\\\\*", "dir\\x", false},
        {"\\\\\\\\server", "\\\\server", true},        // four backslashes are two
        {"\\\\\\\\server", "\\server", false},
    };
    for (const example& e : examples) {
        single_rule rule(std::string("    selection:\n        F: '") + e.rule_value + "'\n    condition: selection\n");
        REQUIRE(rule.loaded());
        INFO("rule value " << e.rule_value << " against " << e.field);
        CHECK(rule.matches({{"F", e.field}}) == e.matches);
    }
}

TEST_CASE("lists are OR, maps are AND", "[sigma]") {
    // "Maps ... All elements of a map are joined with a logical 'AND'": the
    // example matches EventLog 'Security' and (Event ID 517 or 1102).
    single_rule rule("    selection:\n        EventLog: Security\n        EventID:\n            - 517\n            - 1102\n"
                     "    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"EventLog", "Security"}, {"EventID", "517"}}));
    CHECK(rule.matches({{"EventLog", "Security"}, {"EventID", "1102"}}));
    CHECK_FALSE(rule.matches({{"EventLog", "Security"}, {"EventID", "4624"}}));
    CHECK_FALSE(rule.matches({{"EventLog", "System"}, {"EventID", "517"}}));
    CHECK_FALSE(rule.matches({{"EventID", "517"}}));
}

TEST_CASE("a list of maps is OR of the maps", "[sigma]") {
    // "The example above matches an image value ending with `example.exe` or
    // an executable with a description containing the string `Test executable`."
    single_rule rule("    selection:\n        - Image|endswith: '\\example.exe'\n"
                     "        - Description|contains: 'Test executable'\n    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"Image", "C:\\temp\\example.exe"}}));
    CHECK(rule.matches({{"Description", "A Test Executable for all"}}));
    CHECK_FALSE(rule.matches({{"Image", "C:\\temp\\other.exe"}, {"Description", "nothing"}}));
}

TEST_CASE("null, empty and absent fields", "[sigma]") {
    // "An empty value is defined with `''`; a null value is defined with
    // `null`." evtxcar: null matches a field that is absent or empty (EVTX
    // renders a null substitution as an empty value); '' only a present,
    // empty one.
    single_rule rule("    selection_main:\n        FieldA: 'something'\n    selection_empty1:\n        FieldB: ''\n"
                     "    selection_empty2:\n        FieldB: null\n    condition: selection_main and 1 of selection_empty*\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"FieldA", "something"}}));                    // FieldB absent: null
    CHECK(rule.matches({{"FieldA", "something"}, {"FieldB", ""}}));    // empty: both
    CHECK_FALSE(rule.matches({{"FieldA", "something"}, {"FieldB", "x"}}));

    single_rule empty_only("    selection:\n        FieldB: ''\n    condition: selection\n");
    REQUIRE(empty_only.loaded());
    CHECK(empty_only.matches({{"FieldB", ""}}));
    CHECK_FALSE(empty_only.matches({}));

    single_rule null_only("    selection:\n        FieldB: null\n    condition: selection\n");
    REQUIRE(null_only.loaded());
    CHECK(null_only.matches({}));
    CHECK(null_only.matches({{"FieldB", ""}}));
    CHECK_FALSE(null_only.matches({{"FieldB", "x"}}));
}

TEST_CASE("null cannot be part of a list of values", "[sigma]") {
    // "Also `null` cannot be part of a list of field values" (the Invalid Example).
    single_rule rule("    selection_main:\n        FieldA: 'something'\n        FieldB:\n            - ''\n            - null\n"
                     "    condition: selection_main\n");
    CHECK_FALSE(rule.loaded());
    CHECK(rule.refused_construct() == "FieldB");
    CHECK(rule.rejection() == "null inside a list of values");
}

TEST_CASE("a not-null check is a negated null selection", "[sigma]") {
    // "To get an expression that says `not null` you have to create another
    // selection and negate it in the condition."
    single_rule rule("    selection:\n        EventID: 4738\n    filter:\n        PasswordLastSet: null\n"
                     "    condition: selection and not filter\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"EventID", "4738"}, {"PasswordLastSet", "1/1/2020"}}));
    CHECK_FALSE(rule.matches({{"EventID", "4738"}}));
}

TEST_CASE("keywords search every value of the event", "[sigma]") {
    // "Give: "event::clear" or "event::drop"" -- anywhere in any value.
    single_rule rule("    mimikatz_keywords:\n        - 'event::clear'\n        - 'event::drop'\n"
                     "    condition: mimikatz_keywords\n");
    REQUIRE(rule.loaded());
    CHECK(rule.rules.rules[0].searches_keywords());
    CHECK(rule.matches({{"CommandLine", "mimikatz.exe \"EVENT::Clear\" exit"}}));
    CHECK(rule.matches({{"A", "x"}, {"Payload", "event::drop"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "event:clear"}}));
}

TEST_CASE("keywords with |all must all appear", "[sigma]") {
    // "To have a and operator, we use the '|all': modifier ... Give:
    // "OabVirtualDirectory" and " -ExternalUrl ""
    single_rule rule("    keywords_cmdlet:\n        '|all':\n            - 'OabVirtualDirectory'\n            - ' -ExternalUrl '\n"
                     "    condition: keywords_cmdlet\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"Payload", "Set-OabVirtualDirectory -ExternalUrl 'http://x'"}}));
    CHECK(rule.matches({{"A", "OabVirtualDirectory"}, {"B", "x -ExternalUrl y"}}));  // in different values
    CHECK_FALSE(rule.matches({{"Payload", "Set-OabVirtualDirectory -InternalUrl 'http://x'"}}));
}

TEST_CASE("numbers and booleans in rules match their text", "[sigma]") {
    single_rule rule("    selection:\n        EventID: 4688\n        Initiated: true\n    condition: selection\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"EventID", "4688"}, {"Initiated", "true"}}));
    CHECK_FALSE(rule.matches({{"EventID", "46880"}, {"Initiated", "true"}}));
    CHECK_FALSE(rule.matches({{"EventID", "4688"}, {"Initiated", "false"}}));
}

TEST_CASE("sigma values: contains without letter case finds the needle at every position of long values", "[sigma][values]") {
    // Oracle: std::search with ASCII folding, byte by byte.
    auto naive = [](std::string_view haystack, std::string_view needle) {
        auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                           [&](char a, char b) { return fold(a) == fold(b); }) != haystack.end();
    };
    const std::string needle = "invoke-mimikatz";
    for (std::size_t length : {15u, 16u, 17u, 31u, 32u, 33u, 64u, 100u}) {
        for (std::size_t at = 0; at + needle.size() <= length; ++at) {
            std::string haystack(length, 'x');
            std::string upper = needle;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            haystack.replace(at, needle.size(), at % 2 ? upper : needle);
            CAPTURE(length, at);
            CHECK(evtxcar::sigma::contains_folded(haystack, needle) == naive(haystack, needle));
            CHECK(evtxcar::sigma::contains_folded(haystack, needle));
            haystack[at + needle.size() - 1] = '#';  // cut short at its last byte: no longer there
            CHECK(evtxcar::sigma::contains_folded(haystack, needle) == naive(haystack, needle));
        }
    }
    CHECK(evtxcar::sigma::contains_folded(std::string(40, 'i') + "in", "in"));
    CHECK_FALSE(evtxcar::sigma::contains_folded(std::string(40, 'i') + "i", "in"));
    CHECK(evtxcar::sigma::contains_folded("aB", "ab"));
    CHECK(evtxcar::sigma::contains_folded(std::string(33, '-') + "/C", "/c"));
}

TEST_CASE("case folding gives every ASCII byte its fold, sixteen at a time or one by one", "[sigma]") {
    // Every byte below 0x80, twice over (256 bytes, blocks of sixteen and
    // a tail): A-Z become a-z, '@' and '[' beside them and all others stay.
    std::string all, expected;
    for (int round = 0; round < 2; ++round) {
        for (int c = 0; c < 128; ++c) {
            all.push_back(static_cast<char>(c));
            expected.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
    }
    all += "XYZ";
    expected += "xyz";
    std::string out;
    evtxcar::sigma::fold_text(all, out);
    CHECK(out == expected);
    CHECK(evtxcar::sigma::is_ascii(all));
    // A two-byte letter (U+00C9 É, folded U+00E9 é) at every place around
    // the blocks' edges, among ASCII capitals.
    for (std::size_t at = 0; at < 36; ++at) {
        std::string text(40, 'Q');
        text.insert(at, "\xC3\x89");
        std::string folded(40, 'q');
        folded.insert(at, "\xC3\xA9");
        INFO("at " << at);
        evtxcar::sigma::fold_text(text, out);
        CHECK(out == folded);
        CHECK_FALSE(evtxcar::sigma::is_ascii(text));
        CHECK(evtxcar::sigma::is_ascii(std::string_view(text).substr(0, at)));
    }
    // A lead byte without its continuation is left as it is, and so is what follows.
    evtxcar::sigma::fold_text(std::string(20, 'A') + "\xC3" "B" + std::string(20, 'C'), out);
    CHECK(out == std::string(20, 'a') + "\xC3" "b" + std::string(20, 'c'));
}

TEST_CASE("case folding onto the end of a string keeps what was there", "[sigma]") {
    std::string out = "Key\x1f";
    evtxcar::sigma::append_folded_text("EXAMPLE\\Admin01 \xC3\x89""COLE \xCE\xA3", out);  // ÉCOLE Σ
    CHECK(out == "Key\x1f" "example\\admin01 \xC3\xA9""cole \xCF\x83");        // école σ
    evtxcar::sigma::fold_text("ABC", out);
    CHECK(out == "abc");
}
