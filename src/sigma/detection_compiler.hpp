#pragma once
// detection_compiler: a rule's `detection` (search identifiers and
// condition) -> nodes of a detection_plan. Field names are resolved once
// through the field_resolver; values go through their modifiers (the
// modifiers appendix, applied in the order written) into matchers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sigma/compiled_rule.hpp"
#include "sigma/detection_plan.hpp"
#include "sigma/event_view.hpp"
#include "sigma/rule_problem.hpp"
#include "sigma/sigma_string.hpp"
#include "sigma/yaml_document.hpp"

namespace evtxcar::sigma {

struct compile_context {
    const logsource& source;
    field_resolver& resolver;
    const placeholder_values& placeholders;
};

struct compiled_detection {
    std::uint32_t root = 0;
    std::vector<referenced_field> fields;
    bool keywords = false;
};

// `identifiers` is a map of search identifiers (other keys listed in
// `ignored_keys` are skipped); `condition` a string or a list of strings.
sigma_result<compiled_detection> compile_detection(const yaml_node& identifiers, const yaml_node& condition,
                                                   const std::vector<std::string>& ignored_keys,
                                                   const compile_context& context, detection_plan& plan);

}  // namespace evtxcar::sigma
