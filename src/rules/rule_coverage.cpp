#include "rules/rule_coverage.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "car/event_fields.hpp"

namespace evtxcar::rules {

namespace {

bool is_of(const run_rule& rule, const event_kind_key& kind) {
    if (!rule.event_ids.empty() &&
        std::find(rule.event_ids.begin(), rule.event_ids.end(), kind.event_id) == rule.event_ids.end()) {
        return false;
    }
    if (!rule.car_object.empty()) {
        return rule.car_object == kind.object && (rule.car_action == "*" || rule.car_action == kind.action);
    }
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

coverage_row row_of(const std::string& host, std::string id, std::string title, std::string variant,
                    const rule_judgement& judged, std::uint64_t detections) {
    coverage_row row;
    row.host = host;
    row.analytic_id = std::move(id);
    row.analytic_name = std::move(title);
    row.variant = std::move(variant);
    row.evaluable = judged.evaluable;
    row.partial = judged.partial;
    row.events_examined = judged.events;
    row.detections = detections;
    row.needs = judged.needs;
    row.why_not = judged.why;
    return row;
}

std::vector<std::string> commonest_reasons(const std::map<std::string, std::uint64_t>& reasons, std::string_view one,
                                           std::string_view many) {
    std::vector<std::pair<std::string, std::uint64_t>> ranked(reasons.begin(), reasons.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    constexpr std::size_t reasons_kept = 5;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < reasons_kept; ++i) {
        out.push_back(std::to_string(ranked[i].second) + std::string(ranked[i].second == 1 ? one : many) + ranked[i].first);
    }
    return out;
}

const host_profiles::kinds& kinds_of(const host_profiles& profiles, const std::string& host) {
    static const host_profiles::kinds no_kinds;
    const auto found = profiles.by_host().find(host);
    return found == profiles.by_host().end() ? no_kinds : found->second;
}

rule_judgement judge_rule(const rule_library& library, const run_rule& rule, const host_profiles::kinds& kinds,
                          std::string_view where) {
    rule_judgement judged;
    std::vector<const event_kind_profile*> matching;
    for (const auto& [kind, profile] : kinds) {
        if (!is_of(rule, kind)) continue;
        judged.events += profile.events;
        matching.push_back(&profile);
    }
    if (judged.events > 0) {
        std::vector<std::string_view> named;  // a field the rule reads twice is named once
        for (const sigma::referenced_field& field : rule.rule->fields()) {
            const resolved_field& target = library.fields().target(field.ref);
            const bool logged = std::any_of(matching.begin(), matching.end(),
                                            [&](const event_kind_profile* p) { return carries(*p, target); });
            if (logged || std::find(named.begin(), named.end(), field.name) != named.end()) continue;
            named.push_back(field.name);
            judged.missing += (judged.missing.empty() ? "" : ", ") + field.name;
        }
    }
    judged.needs = logsource_text(rule) + event_ids_text(rule) + " events";
    if (rule.source != nullptr && !rule.source->not_in_event_logs.empty()) {
        judged.why = "its logsource is " + std::string(rule.source->not_in_event_logs);
    } else if (judged.events == 0) {
        judged.why = "no " + logsource_text(rule) + event_ids_text(rule) + " events" + std::string(where);
    } else if (!judged.missing.empty()) {
        judged.why = "never logged in its events" + std::string(where) + ": " + judged.missing;
    }
    judged.evaluable = judged.events > 0 && (rule.source == nullptr || rule.source->not_in_event_logs.empty());
    judged.partial = judged.evaluable && !judged.missing.empty();
    return judged;
}

void rule_coverage::add_coverage(const coverage_request& request, scan_summary& summary) const {
    // The built-in CAR analytics' rules have their own coverage (car_catalogue_coverage).
    std::vector<const run_rule*> rules;
    for (const run_rule& rule : library_.runs()) {
        if (!rule.catalogue) rules.push_back(&rule);
    }
    if (rules.empty()) return;
    const std::string where = request.windowed ? " on this host inside --from/--to" : " on this host";

    // Once for all hosts: each rule's logsource (rules of one logsource and
    // event ids look at the same events), what it needs in words, the
    // fields it reads.
    struct source {
        const run_rule* first = nullptr;
        std::string needs;     // "process_creation (Sysmon 1, Security 4688) events"
        std::string none_why;  // why a host without such events cannot be looked at
        bool nowhere = false;  // ETW only: no event log holds it
    };
    std::vector<source> sources;
    std::vector<std::size_t> source_of(rules.size());
    std::vector<std::vector<std::uint32_t>> targets(rules.size());  // field ids
    {
        std::map<std::string, std::size_t> index;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            const run_rule& rule = *rules[r];
            std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(rule.source)) + '|' + rule.car_object +
                              '/' + rule.car_action;
            for (std::uint32_t id : rule.event_ids) key += ',' + std::to_string(id);
            const auto [at, added] = index.try_emplace(std::move(key), sources.size());
            if (added) {
                source s;
                s.first = &rule;
                s.needs = logsource_text(rule) + event_ids_text(rule) + " events";
                s.nowhere = rule.source != nullptr && !rule.source->not_in_event_logs.empty();
                s.none_why = s.nowhere ? "its logsource is " + std::string(rule.source->not_in_event_logs)
                                       : "no " + s.needs + where;
                sources.push_back(std::move(s));
            }
            source_of[r] = at->second;
            for (const sigma::referenced_field& field : rule.rule->fields()) targets[r].push_back(field.ref.id);
        }
    }
    // Sigma detections by host (folded), then by position in `rules`.
    std::unordered_map<std::string_view, std::vector<std::size_t>> rules_by_id;
    for (std::size_t r = 0; r < rules.size(); ++r) rules_by_id[rules[r]->rule->metadata().display_id()].push_back(r);
    std::map<std::string, std::vector<std::uint64_t>, std::less<>> detections;
    for (const auto& [key, count] : request.detections.tallies()) {
        if (key.variant != "sigma") continue;
        const auto positions = rules_by_id.find(key.analytic_id);
        if (positions == rules_by_id.end()) continue;
        std::vector<std::uint64_t>& counts = detections[fold_case(key.host)];
        if (counts.empty()) counts.assign(rules.size(), 0);
        for (std::size_t r : positions->second) counts[r] += count;
    }

    for (const host_identity& host : summary.hosts) {
        if (host.name.empty()) continue;
        const auto found = request.profiles.by_host().find(host.name);
        static const host_profiles::kinds no_kinds;
        const host_profiles::kinds& kinds = found == request.profiles.by_host().end() ? no_kinds : found->second;
        const auto host_hits = detections.find(fold_case(host.name));
        rule_host_coverage counts;
        counts.host = host.name;
        // Per logsource, the events of this host it names (found on first use).
        struct looked_at {
            bool known = false;
            std::uint64_t events = 0;
            std::vector<const event_kind_profile*> profiles;
            // By field id: whether those events carry it (-1: not asked yet).
            // Thousands of rules share a few hundred fields and logsources.
            std::vector<std::int8_t> carried;
        };
        std::vector<looked_at> seen(sources.size());
        std::vector<std::uint64_t> none_by_source(sources.size(), 0);
        std::map<std::string, std::uint64_t> partly_by_fields;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            const run_rule& rule = *rules[r];
            const source& from = sources[source_of[r]];
            looked_at& events_of = seen[source_of[r]];
            if (!events_of.known) {
                events_of.known = true;
                for (const auto& [kind, profile] : kinds) {
                    if (!is_of(*from.first, kind)) continue;
                    events_of.events += profile.events;
                    events_of.profiles.push_back(&profile);
                }
            }
            ++counts.rules;
            const std::uint64_t events = events_of.events;
            std::string missing;
            if (events > 0 && !from.nowhere) {
                if (events_of.carried.empty()) events_of.carried.assign(library_.fields().size(), -1);
                for (std::size_t f = 0; f < targets[r].size(); ++f) {
                    std::int8_t& logged = events_of.carried[targets[r][f]];
                    if (logged < 0) {
                        const resolved_field& target = library_.fields().target(sigma::field_ref{targets[r][f]});
                        logged = std::any_of(events_of.profiles.begin(), events_of.profiles.end(),
                                             [&](const event_kind_profile* p) { return carries(*p, target); });
                    }
                    if (!logged) {
                        if (!missing.empty()) missing += ", ";
                        missing += rule.rule->fields()[f].name;
                    }
                }
            }
            const bool none = from.nowhere || events == 0;
            if (none) {
                ++counts.none;
                ++none_by_source[source_of[r]];
            } else if (!missing.empty()) {
                ++counts.partly;
                ++partly_by_fields[missing];
            } else {
                ++counts.full;
            }
            const std::uint64_t hit_count = host_hits != detections.end() ? host_hits->second[r] : 0;
            counts.detections += hit_count;
            if (request.detail) {
                coverage_row row;
                row.host = host.name;
                row.analytic_id = rule.rule->metadata().display_id();
                row.analytic_name = rule.rule->metadata().title;
                row.variant = "sigma";
                row.evaluable = !none;
                row.partial = !none && !missing.empty();
                row.events_examined = events;
                row.detections = hit_count;
                row.needs = from.needs;
                row.why_not = none ? from.none_why : missing.empty() ? "" : "never logged in its events" + where + ": " + missing;
                summary.coverage.push_back(std::move(row));
            }
        }
        // The commonest reasons: by logsource for the rules that could not look, by fields for the partial ones.
        std::vector<std::pair<std::string, std::uint64_t>> ranked;
        for (std::size_t index = 0; index < sources.size(); ++index)
            if (none_by_source[index] > 0) ranked.emplace_back(sources[index].none_why, none_by_source[index]);
        for (const auto& [fields, count] : partly_by_fields) ranked.emplace_back("never logged here: " + fields, count);
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
