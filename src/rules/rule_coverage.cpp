#include "rules/rule_coverage.hpp"

#include <algorithm>

#include "car/event_fields.hpp"

namespace evtxcar::rules {

namespace {

bool is_of(const run_rule& rule, const event_kind_key& kind) {
    if (!rule.event_ids.empty() &&
        std::find(rule.event_ids.begin(), rule.event_ids.end(), kind.event_id) == rule.event_ids.end()) {
        return false;
    }
    if (!rule.car_object.empty()) return rule.car_object == kind.object && rule.car_action == kind.action;
    if (rule.source == nullptr) return true;
    for (const car_kind& car : rule.source->car_kinds) {
        if (car.object == kind.object && car.action == kind.action && (car.event_id == 0 || car.event_id == kind.event_id)) {
            return true;
        }
    }
    for (const channel_kind& channel : rule.source->channel_kinds) {
        if (channel.channel == kind.channel && (channel.event_id == 0 || channel.event_id == kind.event_id)) return true;
    }
    return false;
}

bool has_car(const event_kind_profile& profile, car_field field) {
    return profile.car_fields.test(static_cast<std::size_t>(field));
}

// Whether events of `profile` can carry what `target` reads.
bool carries(const event_kind_profile& profile, const resolved_field& target) {
    switch (target.target.what) {
        case field_target::kind::car: return has_car(profile, target.target.car);
        case field_target::kind::system: return true;
        case field_target::kind::computed:
            switch (target.target.computed) {
                case computed_field::user: return has_car(profile, car_field::user) || has_car(profile, car_field::sid);
                case computed_field::initiated: return has_car(profile, car_field::network_direction);
                case computed_field::target_object: return has_car(profile, car_field::hive);
            }
            return false;
        case field_target::kind::payload:
            if (profile.payload_names.count(target.payload_name) > 0) return true;
            return target.payload_name == "Data" && profile.payload_names.count("") > 0;
    }
    return false;
}

std::string logsource_text(const run_rule& rule) {
    if (!rule.car_object.empty()) return rule.car_object + "/" + rule.car_action;
    if (rule.source == nullptr) return "every record";
    const std::string name = !rule.source->category.empty() ? std::string(rule.source->category)
                                                             : "service " + std::string(rule.source->service);
    std::string text = name + " (" + std::string(rule.source->sensors) + ")";
    return text;
}

std::string event_ids_text(const run_rule& rule) {
    if (rule.event_ids.empty() || rule.source == nullptr || !rule.source->car_kinds.empty()) return {};
    std::string text = " event id";
    text += rule.event_ids.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < rule.event_ids.size(); ++i) text += (i ? ", " : "") + std::to_string(rule.event_ids[i]);
    return text;
}

}  // namespace

void rule_coverage::add_coverage(const coverage_request& request, scan_summary& summary) const {
    const std::vector<run_rule>& rules = library_.runs();
    if (rules.empty()) return;
    std::map<std::pair<std::string, std::string>, std::uint64_t> detections;  // (host folded, rule id)
    for (const detection& hit : request.detections) {
        if (hit.variant == "sigma") ++detections[{fold_case(hit.event.computer()), hit.analytic_id}];
    }
    const std::string where = request.windowed ? " on this host inside --from/--to" : " on this host";
    for (const host_identity& host : summary.hosts) {
        if (host.name.empty()) continue;
        const auto found = request.profiles.by_host().find(host.name);
        static const host_profiles::kinds no_kinds;
        const host_profiles::kinds& kinds = found == request.profiles.by_host().end() ? no_kinds : found->second;
        rule_host_coverage counts;
        counts.host = host.name;
        std::map<std::string, std::uint64_t> reasons;
        for (const run_rule& rule : rules) {
            ++counts.rules;
            std::uint64_t events = 0;
            std::vector<const event_kind_profile*> matching;
            for (const auto& [kind, profile] : kinds) {
                if (!is_of(rule, kind)) continue;
                events += profile.events;
                matching.push_back(&profile);
            }
            std::string missing;
            if (events > 0) {
                for (const sigma::referenced_field& field : rule.rule->fields()) {
                    const resolved_field& target = library_.fields().target(field.ref);
                    const bool logged = std::any_of(matching.begin(), matching.end(),
                                                    [&](const event_kind_profile* p) { return carries(*p, target); });
                    if (!logged) missing += (missing.empty() ? "" : ", ") + field.name;
                }
            }
            std::string why;
            if (rule.source != nullptr && !rule.source->not_in_event_logs.empty()) {
                why = "its logsource is " + std::string(rule.source->not_in_event_logs);
                ++counts.none;
            } else if (events == 0) {
                why = "no " + logsource_text(rule) + event_ids_text(rule) + " events" + where;
                ++counts.none;
            } else if (!missing.empty()) {
                why = "never logged in its events" + where + ": " + missing;
                ++counts.partly;
            } else {
                ++counts.full;
            }
            const auto hits = detections.find({fold_case(host.name), rule.rule->metadata().display_id()});
            const std::uint64_t hit_count = hits == detections.end() ? 0 : hits->second;
            counts.detections += hit_count;
            if (!why.empty()) {
                // Reasons are summed over rules; partial ones by field names, the others by logsource.
                ++reasons[events == 0 ? why : "never logged here: " + missing];
            }
            if (request.detail) {
                coverage_row row;
                row.host = host.name;
                row.analytic_id = rule.rule->metadata().display_id();
                row.analytic_name = rule.rule->metadata().title;
                row.variant = "sigma";
                row.evaluable = events > 0 && (rule.source == nullptr || rule.source->not_in_event_logs.empty());
                row.partial = row.evaluable && !missing.empty();
                row.events_examined = events;
                row.detections = hit_count;
                row.needs = logsource_text(rule) + event_ids_text(rule) + " events";
                row.why_not = why;
                summary.coverage.push_back(std::move(row));
            }
        }
        std::vector<std::pair<std::string, std::uint64_t>> ranked(reasons.begin(), reasons.end());
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        constexpr std::size_t reasons_kept = 5;
        for (std::size_t i = 0; i < ranked.size() && i < reasons_kept; ++i) {
            counts.reasons.push_back(std::to_string(ranked[i].second) + (ranked[i].second == 1 ? " rule: " : " rules: ") +
                                     ranked[i].first);
        }
        summary.rule_coverage.push_back(std::move(counts));
    }
}

}  // namespace evtxcar::rules
