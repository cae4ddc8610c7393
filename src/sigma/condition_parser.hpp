#pragma once
// The condition grammar of the rules specification ("Condition"): `or`,
// `and`, `not` (least to most binding), `x of pattern`, `x of them`,
// parentheses. Operator words are read in any letter case. `x` is `all`,
// `any` (as `1`) or a count N >= 1 (at least N of them). Sigma 1's
// aggregations (`| count() ...`) and `near` are refused by name.

#include <string>
#include <string_view>
#include <vector>

#include "sigma/rule_problem.hpp"

namespace evtxcar::sigma {

struct condition_node {
    enum class kind { identifier, all_of, any_of, negation, quantified };
    kind what = kind::identifier;
    std::string name;          // identifier; quantified: the pattern, or "them"
    std::size_t at_least = 1;  // quantified: how many must hold; 0 means all
    std::vector<condition_node> children;
};

sigma_result<condition_node> parse_condition(std::string_view text);

// `pattern` with `*` wildcards against a search identifier (case-sensitive).
bool identifier_matches(std::string_view pattern, std::string_view identifier);

}  // namespace evtxcar::sigma
