// yaml_node from libyaml's events: what the loader relies on.
#include "catch.hpp"
#include "sigma/yaml_document.hpp"

namespace sigma = evtxcar::sigma;

TEST_CASE("YAML documents: scalars, nulls, quoting, lines", "[sigma]") {
    const auto parsed = sigma::parse_yaml_documents(
        "title: t\nplain_null: null\ntilde: ~\nempty:\nquoted_null: 'null'\nquoted_empty: ''\n"
        "number: 4688\nlist:\n    - a\n    - 'b'\n---\nsecond: document\n---\n");
    REQUIRE(parsed.ok());
    const auto& documents = parsed.value();
    REQUIRE(documents.size() == 3);
    const sigma::yaml_node& first = documents[0];
    REQUIRE(first.is_map());
    CHECK(first.get("title").text() == "t");
    CHECK(first.get("plain_null").is_null());
    CHECK(first.get("tilde").is_null());
    CHECK(first.get("empty").is_null());
    CHECK(first.get("quoted_null").is_scalar());
    CHECK(first.get("quoted_null").text() == "null");
    CHECK(first.get("quoted_empty").is_scalar());
    CHECK(first.get("quoted_empty").text().empty());
    CHECK(first.get("number").text() == "4688");
    CHECK_FALSE(first.get("number").quoted());
    CHECK(first.get("list").items().size() == 2);
    CHECK(first.get("list").items()[1].quoted());
    CHECK(first.get("list").items()[1].line() == 10);
    CHECK(first.get("missing").is_null());
    CHECK(first.entries()[3].key == "empty");
    CHECK(first.entries()[3].line == 4);
    CHECK(documents[1].get("second").text() == "document");
    CHECK(documents[2].is_null());  // the empty document after the last ---
}

TEST_CASE("YAML anchors and aliases are copies", "[sigma]") {
    const auto parsed = sigma::parse_yaml_documents("base: &shared\n    - x\n    - y\nagain: *shared\n");
    REQUIRE(parsed.ok());
    const sigma::yaml_node& again = parsed.value()[0].get("again");
    REQUIRE(again.is_sequence());
    CHECK(again.items()[1].text() == "y");
}

TEST_CASE("YAML errors give the parser's line", "[sigma]") {
    const auto broken = sigma::parse_yaml_documents("title: a\nlist: [a, b\nnext: c\n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.problem().construct == "YAML");
    CHECK(broken.problem().line >= 2);
    const auto complex_key = sigma::parse_yaml_documents("? [a, b]\n: value\n");
    REQUIRE_FALSE(complex_key.ok());
    CHECK(complex_key.problem().reason == "a map key that is not a scalar");
    const auto unknown_alias = sigma::parse_yaml_documents("a: *nowhere\n");
    CHECK_FALSE(unknown_alias.ok());
}
