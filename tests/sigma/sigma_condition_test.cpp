// The condition grammar of the rules specification ("Condition"):
// precedence, parentheses, `1 of` / `all of` patterns and `them`, lists of
// conditions.
#include "catch.hpp"
#include "sigma/condition_parser.hpp"
#include "sigma_test_support.hpp"

using evtxcar::sigma::testing::single_rule;

namespace {

// Search identifiers a, b, c, each true when its field is "1".
std::string with_condition(const std::string& condition) {
    return "    a:\n        A: '1'\n    b:\n        B: '1'\n    c:\n        C: '1'\n    condition: " + condition + "\n";
}

std::map<std::string, std::string> event(bool a, bool b, bool c) {
    return {{"A", a ? "1" : "0"}, {"B", b ? "1" : "0"}, {"C", c ? "1" : "0"}};
}

}  // namespace

TEST_CASE("and binds tighter than or", "[sigma]") {
    // "Operator Precedence (least to most binding): or, and, not, x of
    // search-identifier, ( expression )"
    single_rule rule(with_condition("a or b and c"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches(event(true, false, false)));   // a or (b and c)
    CHECK_FALSE(rule.matches(event(false, true, false)));
    CHECK(rule.matches(event(false, true, true)));
}

TEST_CASE("not binds tighter than and", "[sigma]") {
    single_rule rule(with_condition("not a and b"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches(event(false, true, false)));  // (not a) and b
    CHECK_FALSE(rule.matches(event(false, false, false)));
    CHECK_FALSE(rule.matches(event(true, true, false)));
}

TEST_CASE("brackets group", "[sigma]") {
    // "selection1 and (keywords1 or keywords2)"
    single_rule rule(with_condition("(a or b) and c"));
    REQUIRE(rule.loaded());
    CHECK_FALSE(rule.matches(event(true, false, false)));
    CHECK(rule.matches(event(true, false, true)));
    single_rule negated(with_condition("not (a or b)"));
    REQUIRE(negated.loaded());
    CHECK(negated.matches(event(false, false, true)));
    CHECK_FALSE(negated.matches(event(false, true, false)));
    single_rule nested(with_condition("not not a"));
    REQUIRE(nested.loaded());
    CHECK(nested.matches(event(true, false, false)));
}

TEST_CASE("x of search-identifier-pattern", "[sigma]") {
    // "Matching is done with * wildcards (any number of characters) at
    // arbitrary positions in the pattern." Examples: `all of selection*`,
    // `1 of selection* and keywords`, `1 of selection* and not 1 of filter*`.
    const std::string identifiers = "    selection_a:\n        A: '1'\n    selection_b:\n        B: '1'\n"
                                    "    filter_x:\n        X: '1'\n    filter_y:\n        Y: '1'\n";
    single_rule all(identifiers + "    condition: all of selection*\n");
    single_rule one(identifiers + "    condition: 1 of selection* and not 1 of filter*\n");
    single_rule middle(identifiers + "    condition: 1 of *_b\n");
    REQUIRE((all.loaded() && one.loaded() && middle.loaded()));
    CHECK(all.matches({{"A", "1"}, {"B", "1"}}));
    CHECK_FALSE(all.matches({{"A", "1"}}));
    CHECK(one.matches({{"B", "1"}}));
    CHECK_FALSE(one.matches({{"B", "1"}, {"Y", "1"}}));
    CHECK_FALSE(one.matches({{"X", "1"}}));
    CHECK(middle.matches({{"B", "1"}}));
    CHECK_FALSE(middle.matches({{"A", "1"}}));
}

TEST_CASE("them skips identifiers that start with an underscore", "[sigma]") {
    // "Logical OR (`1 of them`) or AND (`all of them`) across all defined
    // search identifiers not starting with an underscore `_`."
    const std::string identifiers = "    sel1:\n        A: '1'\n    sel2:\n        B: '1'\n    _example:\n        U: '1'\n";
    single_rule one(identifiers + "    condition: 1 of them\n");
    single_rule all(identifiers + "    condition: all of them\n");
    REQUIRE((one.loaded() && all.loaded()));
    CHECK(one.matches({{"B", "1"}}));
    CHECK_FALSE(one.matches({{"U", "1"}}));
    CHECK(all.matches({{"A", "1"}, {"B", "1"}}));  // _example not required
    CHECK_FALSE(all.matches({{"A", "1"}, {"U", "1"}}));
}

TEST_CASE("x of binds tighter than not", "[sigma]") {
    single_rule rule("    f1:\n        A: '1'\n    f2:\n        B: '1'\n    condition: not 1 of f*\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"A", "0"}}));
    CHECK_FALSE(rule.matches({{"B", "1"}}));
}

TEST_CASE("a list of conditions is OR", "[sigma]") {
    // "The condition can be a list ... They are logically linked with OR."
    single_rule rule("    a:\n        A: '1'\n    b:\n        B: '1'\n    condition:\n        - a\n        - b\n");
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"A", "1"}}));
    CHECK(rule.matches({{"B", "1"}}));
    CHECK_FALSE(rule.matches({{"C", "1"}}));
}

TEST_CASE("conditions the grammar refuses", "[sigma]") {
    struct refusal {
        const char* condition;
        const char* construct;
    };
    const refusal refusals[] = {
        {"a | count() > 5", "| count() > 5"},  // Sigma 1 aggregation
        {"a and", "a and"},
        {"(a or b", "(a or b"},
        {"a or undefined_name", "a or undefined_name"},
        {"1 of nothing*", "1 of nothing*"},
        {"a b", "b"},
        {"a near b", "near"},
    };
    for (const refusal& r : refusals) {
        INFO(r.condition);
        single_rule rule(with_condition(r.condition));
        CHECK_FALSE(rule.loaded());
        CHECK(rule.refused_construct() == r.construct);
    }
}

TEST_CASE("identifier patterns", "[sigma]") {
    using evtxcar::sigma::identifier_matches;
    CHECK(identifier_matches("selection*", "selection_img"));
    CHECK(identifier_matches("selection*", "selection"));
    CHECK(identifier_matches("*_img", "selection_img"));
    CHECK(identifier_matches("sel*img", "sel_x_img"));
    CHECK_FALSE(identifier_matches("selection*", "filter_selection"));
    CHECK_FALSE(identifier_matches("sel", "selection"));
}

TEST_CASE("nesting is bounded", "[sigma]") {
    const auto nested = [](int depth) { return std::string(static_cast<std::size_t>(depth), '(') + "a" + std::string(static_cast<std::size_t>(depth), ')'); };
    single_rule shallow(with_condition(nested(20)));
    REQUIRE(shallow.loaded());
    CHECK(shallow.matches(event(true, false, false)));
    single_rule deep(with_condition(nested(5000)));
    CHECK_FALSE(deep.loaded());
    CHECK(deep.rejection() == "the condition nests deeper than 64 levels");
}
