#include "rules/sigma_rule_analytic.hpp"

#include <algorithm>

#include "rules/car_event_view.hpp"

namespace evtxcar::rules {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += ", ";
        out += part;
    }
    return out;
}

// "exe=cmd.exe, parent_exe=WINWORD.EXE": what the event holds in the fields
// the rule reads (each field once, long values cut).
std::string matched_values(const sigma::compiled_rule& rule, const car_field_resolver& fields, const car_event& event) {
    constexpr std::size_t longest = 160;
    car_event_view view(fields);
    view.point_at(event);
    std::string out;
    std::vector<std::string_view> shown;
    for (const sigma::referenced_field& field : rule.fields()) {
        if (std::find(shown.begin(), shown.end(), field.name) != shown.end()) continue;
        shown.push_back(field.name);
        const auto value = view.value(field.ref);
        if (!value) continue;
        std::string text(value->substr(0, longest));
        if (value->size() > longest) text += "...";
        out += (out.empty() ? "" : ", ") + field.name + "=" + text;
    }
    return out;
}

// "process/create", or "Security 4670" for an event no CAR object describes.
std::string what_event(const car_event& event) {
    return event.is_generic() ? event.channel + " " + std::to_string(event.event_id) : event.object + "/" + event.action;
}

}  // namespace

sigma_rule_analytic::sigma_rule_analytic(const run_rule& rule, const rule_library& library)
    : rule_(rule),
      library_(library),
      techniques_(joined(rule.rule->metadata().techniques)),
      tactics_(joined(rule.rule->metadata().tactics)) {}

// `found` is a slot reused from event to event: every member but `process`
// is assigned here, so a member added to detection must be too.
static_assert(sizeof(void*) != 8 || sizeof(detection) == 1000, "detection changed: assign its new member below");
void sigma_rule_analytic::detection_for_mark(const car_event& event, detection& found) const {
    const sigma::rule_metadata& metadata = rule_.rule->metadata();
    found.analytic_id = rule_.catalogue ? std::string_view(rule_.catalogue->analytic_id) : metadata.display_id();
    found.analytic_name = metadata.title;
    found.technique = techniques_;
    found.variant = rule_.catalogue ? std::string_view(rule_.catalogue->variant) : std::string_view("sigma");
    found.level = metadata.level ? sigma::level_name(*metadata.level) : std::string_view();
    found.status = metadata.status ? sigma::status_name(*metadata.status) : std::string_view();
    found.tactics = tactics_;
    found.rule_path = metadata.file;
    found.event = event;
    if (rule_.catalogue) {
        const std::string values = matched_values(*rule_.rule, library_.fields(), event);
        found.reason = rule_.catalogue->analytic_id + " \"" + metadata.title + "\" (" + found.variant +
                       ") matched this " + what_event(event) + " event" + (values.empty() ? "" : ": " + values);
        return;
    }
    found.reason = "Sigma rule \"" + metadata.title + "\"" + (found.level.empty() ? "" : " (" + found.level + ")") +
                   " matched this " + what_event(event) + " event";
}

}  // namespace evtxcar::rules
