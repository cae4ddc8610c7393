#include "sigma/compiled_rule.hpp"

#include <algorithm>

namespace evtxcar::sigma {

compiled_rule::compiled_rule(rule_metadata metadata, logsource source, detection_plan plan)
    : metadata_(std::move(metadata)), source_(std::move(source)), plan_(std::move(plan)) {}

void compiled_rule::note_field(const referenced_field& field) {
    if (std::find(fields_.begin(), fields_.end(), field) == fields_.end()) fields_.push_back(field);
}

}  // namespace evtxcar::sigma
