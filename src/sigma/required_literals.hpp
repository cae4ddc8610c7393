#pragma once
// The literals a rule cannot match without: a set of (field, text, shape)
// of which every event the rule matches satisfies at least one, on its
// value folded to lower case. For a literal prefilter (literal_prefilter):
// a rule none of whose literals is found in an event need not be evaluated.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sigma/detection_plan.hpp"

namespace evtxcar::sigma {

struct literal_requirement {
    field_ref field;
    std::string text;  // folded
    string_matcher::shape shape = string_matcher::shape::contains;  // exact, prefix, suffix or contains
    friend bool operator==(const literal_requirement&, const literal_requirement&) = default;
};

// nullopt when the condition at `node` implies no such set (a negation, an
// alternative without literal, keywords, regular expressions...).
std::optional<std::vector<literal_requirement>> required_literals(const detection_plan& plan, std::uint32_t node);

}  // namespace evtxcar::sigma
