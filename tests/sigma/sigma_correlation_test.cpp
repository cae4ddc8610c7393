// Correlation rules (sigma-correlation-rules-specification.md): loading,
// event_count, value_count, temporal, temporal_ordered, group-by, aliases,
// chaining, generate, window expiry and the memory bound.
#include "catch.hpp"
#include "sigma/correlation_engine.hpp"
#include "sigma_test_support.hpp"

namespace sigma = evtxcar::sigma;
using sigma::testing::map_event;
using sigma::testing::numbering_resolver;

namespace {

constexpr sigma::time_ticks second = sigma::ticks_per_second;
constexpr sigma::time_ticks minute = 60 * second;

// The specification's example: failed logins (4625) then a successful one
// (4624), by the same user; rule texts written for these tests.
const std::string failed_login =
    "title: Single failed login\nid: 53ba33fd-3a50-4468-a5ef-c583635cfa92\nname: failed_login\n"
    "logsource:\n    product: windows\n    service: security\n"
    "detection:\n    selection:\n        EventID:\n            - 529\n            - 4625\n    condition: selection\n";
const std::string successful_login =
    "title: Successful login\nid: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8\nname: successful_login\n"
    "logsource:\n    product: windows\n    service: security\n"
    "detection:\n    selection:\n        EventID:\n            - 528\n            - 4624\n    condition: selection\n";

struct harness {
    numbering_resolver resolver;
    sigma::rule_set rules;
    std::unique_ptr<sigma::correlation_engine> engine;
    std::vector<sigma::correlation_hit> hits;
    std::uint64_t next_handle = 1;

    explicit harness(const std::string& text, sigma::correlation_limits limits = {}) {
        rules = sigma::load_rules_from_text(text, "correlation.yml", sigma::load_options{}, resolver);
        engine = std::make_unique<sigma::correlation_engine>(rules, limits);
    }
    std::size_t rule(const std::string& name) const {
        for (std::size_t i = 0; i < rules.rules.size(); ++i)
            if (rules.rules[i].metadata().name == name) return i;
        FAIL("no rule " << name);
        return 0;
    }
    // An event at `time`: fed to every rule that matches it, as the pipeline would.
    std::uint64_t event(sigma::time_ticks time, std::map<std::string, std::string> fields) {
        const map_event view(resolver, std::move(fields));
        const std::uint64_t handle = next_handle++;
        for (std::size_t r = 0; r < rules.rules.size(); ++r)
            if (rules.rules[r].matches(view) && engine->wants(r)) engine->add_hit(r, time, handle, view, hits);
        return handle;
    }
};

std::string event_count(const std::string& condition, const std::string& extra = "") {
    return "title: Many failed logins\nid: 0e95725d-7320-415d-80f7-004da920fc11\nlevel: high\n"
           "correlation:\n    type: event_count\n    rules:\n        - failed_login\n"
           "    group-by:\n        - TargetUserName\n    timespan: 10m\n    condition:\n" + condition + extra +
           "---\n" + failed_login;
}

}  // namespace

TEST_CASE("a correlation loads with its rules resolved by name", "[sigma]") {
    harness h(event_count("        gte: 3\n"));
    REQUIRE(h.rules.rejected.empty());
    REQUIRE(h.rules.correlations.size() == 1);
    const sigma::correlation_rule& c = h.rules.correlations[0];
    CHECK(c.type == sigma::correlation_type::event_count);
    CHECK(c.timespan == 10 * minute);
    CHECK(c.group_by == std::vector<std::string>{"TargetUserName"});
    REQUIRE(c.inputs.size() == 1);
    CHECK(c.inputs[0].what == sigma::correlation_input::kind::rule);
    CHECK(c.metadata.level == sigma::rule_level::high);
    // "generate ... or if only the correlation query should be generated (default)"
    CHECK_FALSE(h.rules.rules[0].standalone());
}

TEST_CASE("event_count: at least N in the timespan, per group", "[sigma]") {
    // "Counts events occurring in the given time frame ... The resulting
    // query must count events for each group specified by group-by separately."
    harness h(event_count("        gte: 3\n"));
    h.event(0 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "bob"}});
    h.event(2 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(3 * minute, {{"EventID", "4624"}, {"TargetUserName", "alice"}});  // not a failed login
    CHECK(h.hits.empty());
    const std::uint64_t third = h.event(9 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].group_values == std::vector<std::string>{"alice"});
    CHECK(h.hits[0].count == 3);
    CHECK(h.hits[0].first_time == 0);
    CHECK(h.hits[0].last_time == 9 * minute);
    CHECK(h.hits[0].events == std::vector<std::uint64_t>{1, 3, third});
}

TEST_CASE("event_count: hits older than the timespan expire", "[sigma]") {
    harness h(event_count("        gte: 3\n"));
    h.event(0 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(5 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(11 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});  // the first is 11 min old
    CHECK(h.hits.empty());
    CHECK(h.engine->retained() == 2);
    h.event(12 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].first_time == 5 * minute);
    CHECK(h.engine->retained() == 0);  // a group that fired starts afresh
    h.event(60 * minute, {{"EventID", "4625"}, {"TargetUserName", "carol"}});
    h.event(80 * minute, {{"EventID", "4625"}, {"TargetUserName", "dave"}});
    CHECK(h.engine->retained() == 1);  // carol's window is gone with time
}

TEST_CASE("event_count with an upper bound is judged when the window closes", "[sigma]") {
    // "To define a range, you can use the conjunction 'AND' ... gt: 100, lte: 200"
    harness h(event_count("        gt: 1\n        lte: 2\n"));
    h.event(0 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    CHECK(h.hits.empty());  // more may come within the window
    h.event(20 * minute, {{"EventID", "4625"}, {"TargetUserName", "bob"}});  // alice's window closed
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].group_values == std::vector<std::string>{"alice"});
    CHECK(h.hits[0].count == 2);
    h.event(21 * minute, {{"EventID", "4625"}, {"TargetUserName", "bob"}});
    h.event(22 * minute, {{"EventID", "4625"}, {"TargetUserName", "bob"}});
    h.engine->finish(h.hits);
    CHECK(h.hits.size() == 1);  // bob: 3 in the window, not in (1, 2]
}

TEST_CASE("value_count: distinct values of a field", "[sigma]") {
    // "Counts values in a field defined by `field` ... The condition finally
    // defines how many values must occur to generate a search hit."
    harness h("title: Spray\ncorrelation:\n    type: value_count\n    rules:\n        - failed_login\n"
              "    group-by:\n        - IpAddress\n    timespan: 1h\n    condition:\n        field: TargetUserName\n        gte: 3\n"
              "---\n" + failed_login);
    REQUIRE(h.rules.correlations.size() == 1);
    h.event(0, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "alice"}});
    h.event(1, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "alice"}});
    h.event(2, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "bob"}});
    h.event(3, {{"EventID", "4625"}, {"IpAddress", "10.0.0.6"}, {"TargetUserName", "carol"}});
    h.event(4, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}});  // no user: nothing to count
    CHECK(h.hits.empty());
    h.event(5, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "carol"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].group_values == std::vector<std::string>{"10.0.0.5"});
    CHECK(h.hits[0].count == 3);
    CHECK(h.hits[0].events.size() == 4);
}

TEST_CASE("temporal: every rule within the timespan, any order", "[sigma]") {
    // "All events defined by the rules referred by the rule field must occur
    // in the time frame defined by timespan. The values of fields defined in
    // group-by must all have the same value."
    harness h("title: Recon\ncorrelation:\n    type: temporal\n    rules:\n        - successful_login\n        - failed_login\n"
              "    group-by:\n        - TargetUserName\n    timespan: 5m\n---\n" + failed_login + "---\n" + successful_login);
    REQUIRE(h.rules.correlations.size() == 1);
    h.event(0, {{"EventID", "4624"}, {"TargetUserName", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "bob"}});
    CHECK(h.hits.empty());
    h.event(2 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});  // order does not matter
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].group_values == std::vector<std::string>{"alice"});
    CHECK(h.hits[0].count == 2);
    h.event(3 * minute, {{"EventID", "4624"}, {"TargetUserName", "bob"}});
    REQUIRE(h.hits.size() == 2);
    h.event(10 * minute, {{"EventID", "4625"}, {"TargetUserName", "carol"}});
    h.event(16 * minute, {{"EventID", "4624"}, {"TargetUserName", "carol"}});  // 6 minutes apart
    CHECK(h.hits.size() == 2);
}

TEST_CASE("temporal_ordered: in the order the rules are written", "[sigma]") {
    // "requires in addition that the events appear in the order provided in
    // the rule attribute."
    harness h("title: Fail then succeed\ncorrelation:\n    type: temporal_ordered\n    rules:\n        - failed_login\n        - successful_login\n"
              "    group-by:\n        - TargetUserName\n    timespan: 5m\n---\n" + failed_login + "---\n" + successful_login);
    REQUIRE(h.rules.correlations.size() == 1);
    h.event(0, {{"EventID", "4624"}, {"TargetUserName", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    CHECK(h.hits.empty());  // success before failure
    const std::uint64_t success = h.event(2 * minute, {{"EventID", "4624"}, {"TargetUserName", "alice"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].events == std::vector<std::uint64_t>{2, success});
    CHECK(h.hits[0].first_time == 1 * minute);
}

TEST_CASE("aliases: one group-by name, a different field per rule", "[sigma]") {
    // "The alias field names can then be referenced in group-by attributes
    // and are resolved to their respective field names."
    const std::string error = "title: E\nname: internal_error\nlogsource:\n    product: windows\n"
                              "detection:\n    s:\n        Status: 500\n    condition: s\n";
    const std::string connection = "title: C\nname: new_network_connection\nlogsource:\n    product: windows\n"
                                   "detection:\n    s:\n        Kind: connection\n    condition: s\n";
    harness h("title: Aliased\ncorrelation:\n    type: temporal\n    rules:\n        - internal_error\n        - new_network_connection\n"
              "    group-by:\n        - internal_ip\n    timespan: 10s\n    aliases:\n        internal_ip:\n"
              "            internal_error: destination.ip\n            new_network_connection: source.ip\n---\n" + error + "---\n" + connection);
    REQUIRE(h.rules.rejected.empty());
    h.event(0, {{"Status", "500"}, {"destination.ip", "10.1.1.1"}});
    h.event(1 * second, {{"Kind", "connection"}, {"source.ip", "10.2.2.2"}});
    CHECK(h.hits.empty());
    h.event(2 * second, {{"Kind", "connection"}, {"source.ip", "10.1.1.1"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].group_values == std::vector<std::string>{"10.1.1.1"});
}

TEST_CASE("chained correlations: the specification's brute-force example", "[sigma]") {
    // "Correlations can be chained to express more complex use cases":
    // multiple failed logins (event_count) followed by a successful login.
    const std::string text =
        "title: Correlation - Multiple Failed Logins Followed by Successful Login\nid: b180ead8-d58f-40b2-ae54-c8940995b9b6\n"
        "level: high\ncorrelation:\n    type: temporal_ordered\n    rules:\n        - multiple_failed_login\n        - successful_login\n"
        "    group-by:\n        - User\n    timespan: 10m\n---\n"
        "title: Multiple failed logons\nid: a8418a5a-5fc4-46b5-b23b-6c73beb19d41\nname: multiple_failed_login\n"
        "correlation:\n    type: event_count\n    rules:\n        - failed_login\n    group-by:\n        - User\n"
        "    timespan: 10m\n    condition:\n        gte: 3\n---\n" + failed_login + "---\n" + successful_login;
    harness h(text);
    REQUIRE(h.rules.rejected.empty());
    REQUIRE(h.rules.correlations.size() == 2);
    h.event(0, {{"EventID", "4625"}, {"User", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"User", "alice"}});
    h.event(2 * minute, {{"EventID", "4624"}, {"User", "alice"}});  // too early: only 2 failures
    h.event(3 * minute, {{"EventID", "4625"}, {"User", "alice"}});  // the inner correlation holds here
    CHECK(h.hits.empty());  // the inner one only feeds the outer one
    h.event(4 * minute, {{"EventID", "4624"}, {"User", "bob"}});
    CHECK(h.hits.empty());
    h.event(5 * minute, {{"EventID", "4624"}, {"User", "alice"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.rules.correlations[h.hits[0].correlation].metadata.id == "b180ead8-d58f-40b2-ae54-c8940995b9b6");
    CHECK(h.hits[0].group_values == std::vector<std::string>{"alice"});
    CHECK(h.hits[0].events == std::vector<std::uint64_t>{1, 2, 4, 6});
}

TEST_CASE("generate: true keeps the counted rules as detections of their own", "[sigma]") {
    harness h(event_count("        gte: 3\n", "generate: true\n"));
    REQUIRE(h.rules.correlations.size() == 1);
    CHECK(h.rules.correlations[0].generate);
    CHECK(h.rules.rules[0].standalone());
}

TEST_CASE("the memory bound drops the oldest hits", "[sigma]") {
    sigma::correlation_limits limits;
    limits.max_hits = 3;
    harness h(event_count("        gte: 100\n"), limits);
    for (int i = 0; i < 10; ++i) h.event(static_cast<sigma::time_ticks>(i) * second, {{"EventID", "4625"}, {"TargetUserName", "u" + std::to_string(i)}});
    CHECK(h.engine->retained() <= 4);
    CHECK(h.engine->evicted() >= 6);
}

TEST_CASE("correlations the loader refuses", "[sigma]") {
    struct refusal {
        std::string correlation;
        std::string construct;
    };
    const refusal refusals[] = {
        {"    type: event_count\n    rules: [nobody]\n    group-by: [User]\n    timespan: 1h\n    condition:\n        gte: 2\n", "rules: nobody"},
        {"    type: event_count\n    rules: [failed_login]\n    group-by: [User]\n    timespan: 1 hour\n    condition:\n        gte: 2\n", "timespan: 1 hour"},
        {"    type: event_count\n    rules: [failed_login]\n    group-by: [User]\n    timespan: 1h\n", "condition"},
        {"    type: value_count\n    rules: [failed_login]\n    group-by: [User]\n    timespan: 1h\n    condition:\n        gte: 2\n", "condition"},
        {"    type: value_percentile\n    rules: [failed_login]\n    group-by: [User]\n    timespan: 1h\n    condition:\n        field: x\n        lte: 1\n", "type: value_percentile"},
        {"    type: event_count\n    rules: [failed_login]\n    group-by: [User]\n    timespan: 1h\n    condition:\n        about: 2\n", "condition: about"},
    };
    for (const refusal& r : refusals) {
        INFO(r.correlation);
        numbering_resolver resolver;
        const sigma::rule_set rules = sigma::load_rules_from_text("title: C\ncorrelation:\n" + r.correlation + "---\n" + failed_login,
                                                                  "c.yml", sigma::load_options{}, resolver);
        CHECK(rules.correlations.empty());
        REQUIRE(rules.rejected.size() == 1);
        CHECK(rules.rejected[0].problem.construct == r.construct);
        CHECK(rules.rules.size() == 1);
        CHECK(rules.rules[0].standalone());  // its correlation did not load
    }
}

TEST_CASE("timespans", "[sigma]") {
    // "Xs seconds, Xm minutes, Xh hours, Xd days ... example for 1h30: timespan: 90m"
    CHECK(sigma::parse_timespan("90m") == 90 * minute);
    CHECK(sigma::parse_timespan("30s") == 30 * second);
    CHECK(sigma::parse_timespan("1h") == 60 * minute);
    CHECK(sigma::parse_timespan("2d") == 48 * 60 * minute);
    CHECK_FALSE(sigma::parse_timespan("1H").has_value());
    CHECK_FALSE(sigma::parse_timespan("h").has_value());
    CHECK_FALSE(sigma::parse_timespan("0m").has_value());
}

TEST_CASE("temporal with a condition: enough of the rules", "[sigma]") {
    // "For a temporal or temporal_ordered correlation it specified the count
    // of different event types (Sigma rules matching) in the given time frame."
    const std::string third = "title: Logoff\nname: logoff\nlogsource:\n    product: windows\n    service: security\n"
                              "detection:\n    s:\n        EventID: 4634\n    condition: s\n";
    harness h("title: Two of three\ncorrelation:\n    type: temporal\n    rules:\n        - failed_login\n        - successful_login\n        - logoff\n"
              "    group-by:\n        - TargetUserName\n    timespan: 5m\n    condition:\n        gte: 2\n---\n" +
              failed_login + "---\n" + successful_login + "---\n" + third);
    REQUIRE(h.rules.correlations.size() == 1);
    h.event(0, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    h.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});  // the same rule again
    CHECK(h.hits.empty());
    h.event(2 * minute, {{"EventID", "4634"}, {"TargetUserName", "alice"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].count == 2);
}

TEST_CASE("value_sum and value_avg over a numeric field", "[sigma]") {
    // "Check if the `sum` of a number field match a limit"; "Check if the
    // `average` of a number field match a limit".
    const std::string transfer = "title: Transfer\nname: transfer\nlogsource:\n    product: windows\n"
                                 "detection:\n    s:\n        EventID: 5156\n    condition: s\n";
    harness sum("title: Exfiltration\ncorrelation:\n    type: value_sum\n    rules:\n        - transfer\n"
                "    group-by:\n        - User\n    timespan: 1h\n    condition:\n        field: bytes_sent\n        gt: 1000\n---\n" + transfer);
    REQUIRE(sum.rules.correlations.size() == 1);
    sum.event(0, {{"EventID", "5156"}, {"User", "alice"}, {"bytes_sent", "600"}});
    sum.event(1 * minute, {{"EventID", "5156"}, {"User", "alice"}, {"bytes_sent", "not a number"}});
    sum.event(2 * minute, {{"EventID", "5156"}, {"User", "bob"}, {"bytes_sent", "900"}});
    CHECK(sum.hits.empty());
    sum.event(3 * minute, {{"EventID", "5156"}, {"User", "alice"}, {"bytes_sent", "500"}});
    REQUIRE(sum.hits.size() == 1);
    CHECK(sum.hits[0].count == 1100);
    CHECK(sum.hits[0].events.size() == 2);

    harness average("title: Big transfers\ncorrelation:\n    type: value_avg\n    rules:\n        - transfer\n"
                    "    group-by:\n        - User\n    timespan: 1h\n    condition:\n        field: bytes_sent\n        gt: 500\n---\n" + transfer);
    average.event(0, {{"EventID", "5156"}, {"User", "alice"}, {"bytes_sent", "400"}});
    CHECK(average.hits.empty());
    average.event(1, {{"EventID", "5156"}, {"User", "alice"}, {"bytes_sent", "700"}});
    REQUIRE(average.hits.size() == 1);
    CHECK(average.hits[0].count == 550);
}

TEST_CASE("correlation: --min-level judges a correlation by its own level, not its base rules'", "[sigma][correlation]") {
    // A low-level base rule counted by a high-level correlation: with
    // min_level high, the correlation still counts it, and the base rule
    // gives no detection of its own; a low rule no correlation counts is
    // skipped as before.
    const std::string low_base = "title: Single failed login\nname: failed_login\nlevel: low\n"
                                 "logsource:\n    product: windows\n    service: security\n"
                                 "detection:\n    selection:\n        EventID: 4625\n    condition: selection\n";
    const std::string low_alone = "title: A low rule alone\nlevel: low\n"
                                  "logsource:\n    product: windows\n    service: security\n"
                                  "detection:\n    selection:\n        EventID: 4634\n    condition: selection\n";
    const std::string correlation = "title: Many failed logins\nlevel: high\n"
                                    "correlation:\n    type: event_count\n    rules:\n        - failed_login\n"
                                    "    group-by:\n        - TargetUserName\n    timespan: 10m\n"
                                    "    condition:\n        gte: 2\n";
    sigma::load_options options;
    options.min_level = sigma::rule_level::high;
    numbering_resolver resolver;
    const sigma::rule_set rules =
        sigma::load_rules_from_text(correlation + "---\n" + low_base + "---\n" + low_alone, "levels.yml", options, resolver);
    CHECK(rules.rejected.empty());
    REQUIRE(rules.correlations.size() == 1);
    REQUIRE(rules.rules.size() == 1);
    CHECK(rules.rules[0].metadata().name == "failed_login");
    CHECK_FALSE(rules.rules[0].standalone());
    REQUIRE(rules.skipped.size() == 1);
    CHECK(rules.skipped[0].rule == "A low rule alone");
    CHECK(rules.skipped[0].detail == "level: low");

    sigma::correlation_engine engine(rules, {});
    std::vector<sigma::correlation_hit> hits;
    std::uint64_t handle = 1;
    for (const auto time : {0 * minute, 1 * minute}) {
        const map_event view(resolver, {{"EventID", "4625"}, {"TargetUserName", "admin"}});
        REQUIRE(rules.rules[0].matches(view));
        if (engine.wants(0)) engine.add_hit(0, time, handle++, view, hits);
    }
    CHECK(hits.size() == 1);
}

TEST_CASE("correlation: group-by and counted values meet without letter case, as Sigma compares strings",
          "[sigma][correlation]") {
    // One account logged in two cases (Security writes EXAMPLE\admin01, RDP's
    // 1149 example\admin01) is one group and one distinct value.
    harness h("title: Spray\ncorrelation:\n    type: value_count\n    rules:\n        - failed_login\n"
              "    group-by:\n        - IpAddress\n    timespan: 1h\n    condition:\n        field: TargetUserName\n        gte: 2\n"
              "---\n" + failed_login);
    h.event(0, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "EXAMPLE\\admin01"}});
    h.event(1, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "example\\admin01"}});
    CHECK(h.hits.empty());  // one user, not two
    h.event(2, {{"EventID", "4625"}, {"IpAddress", "10.0.0.5"}, {"TargetUserName", "example\\bob"}});
    REQUIRE(h.hits.size() == 1);
    CHECK(h.hits[0].count == 2);

    harness counted(event_count("        gte: 2\n"));
    counted.event(0, {{"EventID", "4625"}, {"TargetUserName", "Alice"}});
    counted.event(1 * minute, {{"EventID", "4625"}, {"TargetUserName", "alice"}});
    REQUIRE(counted.hits.size() == 1);  // one group
    CHECK(counted.hits[0].group_values == std::vector<std::string>{"Alice"});  // shown as first logged
}
