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

// The field of a keyword (field-less) search's literals: some value of the
// event, whichever field holds it. No resolver hands out this id.
inline constexpr field_ref any_value_field{~std::uint32_t{0}};

// nullopt when the condition at `node` implies no such set (a negation, an
// alternative without literal, regular expressions...). A keyword search's
// literals are required of any_value_field.
std::optional<std::vector<literal_requirement>> required_literals(const detection_plan& plan, std::uint32_t node);

}  // namespace evtxcar::sigma
