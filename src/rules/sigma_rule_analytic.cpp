#include "rules/sigma_rule_analytic.hpp"

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

}  // namespace

sigma_rule_analytic::sigma_rule_analytic(const run_rule& rule)
    : rule_(rule),
      techniques_(joined(rule.rule->metadata().techniques)),
      tactics_(joined(rule.rule->metadata().tactics)) {}

detection sigma_rule_analytic::detection_for_mark(const car_event& event) const {
    const sigma::rule_metadata& metadata = rule_.rule->metadata();
    detection found;
    found.analytic_id = metadata.display_id();
    found.analytic_name = metadata.title;
    found.technique = techniques_;
    found.variant = "sigma";
    found.level = metadata.level ? std::string(sigma::level_name(*metadata.level)) : std::string();
    found.status = metadata.status ? std::string(sigma::status_name(*metadata.status)) : std::string();
    found.tactics = tactics_;
    found.rule_path = metadata.file;
    found.reason = "Sigma rule \"" + metadata.title + "\"" + (found.level.empty() ? "" : " (" + found.level + ")") +
                   " matched this " + (event.is_generic() ? event.channel + " " + std::to_string(event.event_id)
                                                          : event.object + "/" + event.action) +
                   " event";
    found.event = event;
    return found;
}

}  // namespace evtxcar::rules
