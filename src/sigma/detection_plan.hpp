#pragma once
// detection_plan: a rule's detection and condition compiled into flat
// arrays (nodes, their children, the field tests), evaluated per event
// without allocating. Built by detection_compiler; run by compiled_rule.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/ip_address.hpp"
#include "sigma/date_parts.hpp"
#include "sigma/event_view.hpp"
#include "sigma/regex_matcher.hpp"
#include "sigma/string_matcher.hpp"

namespace evtxcar::sigma {

// Values of one test, in groups: a group holds when one of its
// alternatives does, the test when every group does. Without `all` there
// is one group; with `all` one group per value as written (the values an
// encoding or a placeholder expanded it into are its alternatives).
template <typename T>
struct value_groups {
    std::vector<std::vector<T>> groups;

    template <typename Test>
    bool holds(Test&& test) const {
        for (const std::vector<T>& group : groups) {
            bool any = false;
            for (const T& alternative : group)
                if (test(alternative)) {
                    any = true;
                    break;
                }
            if (!any) return false;
        }
        return true;
    }
};

struct numeric_bound {
    enum class op : std::uint8_t { lt, lte, gt, gte, eq };
    op compare = op::lt;
    double bound = 0;
    bool holds(double value) const;
};

// fieldref: the value of another field of the same event.
struct field_reference {
    field_ref other;
    string_matcher::shape shape = string_matcher::shape::exact;  // exact, prefix, suffix or contains
};

struct field_test {
    enum class kind : std::uint8_t { strings, regexes, cidrs, numbers, field_refs, exists, null_value };
    kind what = kind::strings;
    field_ref field;
    bool keyword = false;     // no field: any value of the event (strings and regexes only)
    bool negated = false;     // neq
    bool cased = false;       // strings: every matcher is cased; fieldref: compare with case
    bool must_exist = true;   // exists: true / false
    bool event_id = false;    // strings on the field named EventID, every alternative exact (for indexing)
    bool fold_value = false;  // strings: fold the value once for all matchers (uncased, one scans)
    date_part part = date_part::none;  // numbers: compare this part of a date value (time modifiers)
    value_groups<string_matcher> strings;
    value_groups<regex_matcher> regexes;
    value_groups<cidr_block> cidrs;
    value_groups<numeric_bound> numbers;
    value_groups<field_reference> references;
    // Keyword strings: per group, when every alternative is a text to
    // contain (of two bytes or more), a bit per folded first byte pair of
    // those texts (65,536 bits); a value none of whose byte pairs is set
    // cannot meet the group, found in one pass (empty: no such filter).
    std::vector<std::vector<std::uint64_t>> keyword_pairs;

    bool matches(const event_view& event) const;

private:
    bool value_matches(std::optional<std::string_view> value, const event_view& event) const;
    bool keyword_matches(const event_view& event) const;
};

struct plan_node {
    enum class kind : std::uint8_t { all_of, any_of, negation, test };
    kind what = kind::all_of;
    std::uint32_t first = 0;  // all_of / any_of / negation: first child in `children`; test: index in `tests`
    std::uint32_t count = 0;  // children
};

struct detection_plan {
    std::vector<plan_node> nodes;
    std::vector<std::uint32_t> children;
    std::vector<field_test> tests;
    std::uint32_t root = 0;

    bool matches(const event_view& event) const { return evaluate(root, event); }
    bool evaluate(std::uint32_t node, const event_view& event) const;

    // Adds a test node (and decides whether its value is folded once).
    std::uint32_t add_test(field_test test);
    // The EventID values one of which every event matching `node` has, or
    // nullopt when the node does not pin them.
    std::optional<std::vector<std::string>> required_event_ids(std::uint32_t node) const;
    // all_of and any_of children are put cheapest first (their order does
    // not change the result, only how soon it is known).
    std::uint32_t add_node(plan_node::kind what, std::vector<std::uint32_t> node_children);
    // A rough relative cost of evaluating `node` on an event.
    std::uint32_t cost(std::uint32_t node) const;
};

}  // namespace evtxcar::sigma
