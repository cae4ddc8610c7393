#include "sigma/required_literals.hpp"

#include <algorithm>
#include <tuple>

namespace evtxcar::sigma {

namespace {

using requirement_set = std::vector<literal_requirement>;

// Each requirement once (rules list hundreds of values: sort, not search).
void make_unique(requirement_set& set) {
    auto key = [](const literal_requirement& r) { return std::tie(r.field.id, r.shape, r.text); };
    std::sort(set.begin(), set.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    set.erase(std::unique(set.begin(), set.end()), set.end());
}

// How much a set narrows the rules down: its shortest literal (a set with
// a one-letter literal is found in almost every event), fewer literals
// breaking ties.
std::pair<std::size_t, std::size_t> selectivity(const requirement_set& set) {
    std::size_t shortest = ~std::size_t{0};
    for (const literal_requirement& r : set) {
        // An exact value is worth more than the same text found anywhere.
        const std::size_t weight = r.shape == string_matcher::shape::exact ? r.text.size() + 4 : r.text.size();
        shortest = std::min(shortest, weight);
    }
    return {shortest, ~std::size_t{0} - set.size()};
}

std::optional<requirement_set> from_test(const field_test& test) {
    if (test.negated || test.what != field_test::kind::strings) return std::nullopt;
    const field_ref field = test.keyword ? any_value_field : test.field;
    std::optional<requirement_set> best;
    for (const auto& group : test.strings.groups) {
        requirement_set set;
        bool complete = true;
        for (const string_matcher& m : group) {
            const std::string_view text = m.longest_text();
            if (text.empty()) {
                complete = false;
                break;
            }
            string_matcher::shape shape = m.kind() == string_matcher::shape::glob ? string_matcher::shape::contains : m.kind();
            set.push_back({field, folded_text(text), shape});
        }
        make_unique(set);
        if (complete && !set.empty() && (!best || selectivity(set) > selectivity(*best))) best = std::move(set);
    }
    return best;
}

}  // namespace

std::optional<requirement_set> required_literals(const detection_plan& plan, std::uint32_t index) {
    const plan_node& node = plan.nodes[index];
    switch (node.what) {
    case plan_node::kind::test:
        return from_test(plan.tests[node.first]);
    case plan_node::kind::negation:
        return std::nullopt;
    case plan_node::kind::all_of: {
        // Every child is needed: any child's set will do; take the narrowest.
        std::optional<requirement_set> best;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            auto set = required_literals(plan, plan.children[node.first + i]);
            if (set && (!best || selectivity(*set) > selectivity(*best))) best = std::move(set);
        }
        return best;
    }
    case plan_node::kind::any_of: {
        // One child is needed: the union, if every child has a set.
        requirement_set all;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            auto set = required_literals(plan, plan.children[node.first + i]);
            if (!set) return std::nullopt;
            for (literal_requirement& r : *set) all.push_back(std::move(r));
        }
        make_unique(all);
        return all;
    }
    }
    return std::nullopt;
}

}  // namespace evtxcar::sigma
