#pragma once
// compiled_rule: one Sigma detection rule, parsed once and compiled into a
// matcher plan against the pipeline's field_resolver. matches() reads the
// event only through event_view and allocates nothing.

#include <optional>
#include <string>
#include <vector>

#include "sigma/detection_plan.hpp"
#include "sigma/event_view.hpp"
#include "sigma/required_literals.hpp"
#include "sigma/rule_metadata.hpp"

namespace evtxcar::sigma {

// A field the rule reads, by its Sigma name, as the resolver resolved it.
struct referenced_field {
    std::string name;  // "CommandLine"
    field_ref ref;
    friend bool operator==(const referenced_field&, const referenced_field&) = default;
};

class compiled_rule {
public:
    compiled_rule(rule_metadata metadata, logsource source, detection_plan plan);

    const rule_metadata& metadata() const { return metadata_; }
    const logsource& source() const { return source_; }

    bool matches(const event_view& event) const { return plan_.matches(event); }

    // Every field the rule (with its filters) reads, each once, in the
    // order first met; for coverage.
    const std::vector<referenced_field>& fields() const { return fields_; }
    // True when the rule searches keywords (every value of the event).
    bool searches_keywords() const { return keywords_; }

    // The EventID values (as written in the rule, e.g. "4688") one of which
    // every matching event has, when the condition implies that; nullopt
    // when it does not (the rule may match any event of its logsource).
    const std::optional<std::vector<std::string>>& required_event_ids() const { return required_event_ids_; }

    // Literals one of which every matching event holds (a prefilter looks
    // them up: literal_prefilter); nullopt when the rule has no such set.
    const std::optional<std::vector<literal_requirement>>& required_literals() const { return required_literals_; }

    // False when the rule only feeds correlations that do not `generate`
    // it: its hits go to the correlation engine, not to detections.
    bool standalone() const { return standalone_; }
    // The filter rules applied to this rule (their ids or titles).
    const std::vector<std::string>& filters() const { return filters_; }

    // Loader only.
    void note_field(const referenced_field& field);
    void note_keywords() { keywords_ = true; }
    void set_required_event_ids(std::optional<std::vector<std::string>> ids) { required_event_ids_ = std::move(ids); }
    void set_required_literals(std::optional<std::vector<literal_requirement>> literals) { required_literals_ = std::move(literals); }
    void set_standalone(bool standalone) { standalone_ = standalone; }
    detection_plan& plan() { return plan_; }
    void add_filter(std::string filter) { filters_.push_back(std::move(filter)); }

private:
    rule_metadata metadata_;
    logsource source_;
    detection_plan plan_;
    std::vector<referenced_field> fields_;
    bool keywords_ = false;
    std::optional<std::vector<std::string>> required_event_ids_;
    std::optional<std::vector<literal_requirement>> required_literals_;
    bool standalone_ = true;
    std::vector<std::string> filters_;
};

}  // namespace evtxcar::sigma
