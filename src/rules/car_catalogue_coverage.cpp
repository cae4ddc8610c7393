#include "rules/car_catalogue_coverage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "analytics/car_catalogue.hpp"
#include "car/event_fields.hpp"
#include "rules/car_sources.hpp"
#include "rules/rule_coverage.hpp"

namespace evtxcar::rules {

namespace {

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string sources_of(const run_rule& rule) {
    if (!rule.car_object.empty()) return std::string(car_kind_sources(rule.car_object, rule.car_action));
    if (rule.source != nullptr) return std::string(rule.source->sensors);
    return "every record";
}

// One variant of a catalogue analytic that runs as rules: a standalone
// rule, or a correlation (judged through the rules it counts).
struct rule_variant {
    std::string name;
    std::size_t document = 0;  // order in its file
    const run_rule* rule = nullptr;
    std::size_t correlation = 0;  // when rule is null
};

using rule_index = std::map<std::size_t, const run_rule*>;  // index in rule_set::rules -> its run

class judge {
public:
    judge(const rule_library& library, const rule_index& by_index, const host_profiles::kinds& kinds,
          std::string_view where)
        : library_(library), kinds_(kinds), where_(where), by_index_(by_index) {}

    rule_judgement of(const rule_variant& variant) const {
        return variant.rule ? judge_rule(library_, *variant.rule, kinds_, where_) : of_correlation(variant.correlation);
    }

    // A correlation can look where every rule it counts can (each must hit).
    rule_judgement of_correlation(std::size_t index, int depth = 0) const {
        const sigma::correlation_rule& correlation = library_.rules().correlations[index];
        rule_judgement all;
        all.evaluable = true;
        std::vector<std::string> needs, whys, missing;
        for (const sigma::correlation_input& input : correlation.inputs) {
            rule_judgement part;
            if (input.what == sigma::correlation_input::kind::correlation) {
                if (depth > 8) continue;  // the loader refuses cycles; a bound all the same
                part = of_correlation(input.index, depth + 1);
            } else {
                const auto found = by_index_.find(input.index);
                if (found == by_index_.end()) continue;  // a rule the library could not run
                part = judge_rule(library_, *found->second, kinds_, where_);
            }
            all.events += part.events;
            all.evaluable = all.evaluable && part.evaluable;
            all.partial = all.partial || part.partial;
            add_unique(needs, part.needs);
            add_unique(whys, part.why);
            add_unique(missing, part.missing);
        }
        all.partial = all.evaluable && all.partial;
        all.needs = joined(needs, " and ");
        all.why = joined(whys, "; ");
        all.missing = joined(missing);
        return all;
    }

    std::string sources_of_correlation(std::size_t index, int depth = 0) const {
        std::vector<std::string> sources;
        for (const sigma::correlation_input& input : library_.rules().correlations[index].inputs) {
            if (input.what == sigma::correlation_input::kind::correlation) {
                if (depth <= 8) add_unique(sources, sources_of_correlation(input.index, depth + 1));
            } else if (const auto found = by_index_.find(input.index); found != by_index_.end()) {
                add_unique(sources, sources_of(*found->second));
            }
        }
        return joined(sources, "; ");
    }

private:
    const rule_library& library_;
    const host_profiles::kinds& kinds_;
    std::string_view where_;
    const rule_index& by_index_;
};

std::vector<rule_variant> rule_variants_of(const rule_library& library, std::string_view id) {
    std::vector<rule_variant> variants;
    for (const run_rule& run : library.runs()) {
        if (run.catalogue && run.catalogue->analytic_id == id && run.rule->standalone()) {
            variants.push_back({run.catalogue->variant, run.rule->metadata().document, &run, 0});
        }
    }
    const auto& identities = library.correlation_identities();
    for (std::size_t i = 0; i < identities.size(); ++i) {
        const sigma::correlation_rule& correlation = library.rules().correlations[i];
        if (identities[i] && identities[i]->analytic_id == id && correlation.standalone) {
            variants.push_back({identities[i]->variant, correlation.metadata.document, nullptr, i});
        }
    }
    std::stable_sort(variants.begin(), variants.end(),
                     [](const rule_variant& a, const rule_variant& b) { return a.document < b.document; });
    return variants;
}

// The commonest reason among the hosts', for a variant no host could run.
std::string commonest(const std::map<std::string, std::uint64_t>& reasons) {
    std::string best;
    std::uint64_t most = 0;
    for (const auto& [reason, hosts] : reasons) {
        if (hosts > most) {
            best = reason;
            most = hosts;
        }
    }
    return best;
}

}  // namespace

bool catalogue_run::runs(std::string_view id) const {
    if (!enabled) return false;
    return selected.empty() || std::find(selected.begin(), selected.end(), id) != selected.end();
}

void car_catalogue_coverage::add_coverage(const coverage_request& request, scan_summary& summary) const {
    car_catalogue_summary& catalogue = summary.car_catalogue;
    catalogue.enabled = asked_.enabled;
    std::map<std::string, std::uint64_t> hits;  // label -> detections
    std::map<std::pair<std::string, std::string>, std::uint64_t> hits_by_host;  // (host folded, label)
    for (const auto& [key, count] : request.detections.tallies()) {
        hits[key.label()] += count;
        hits_by_host[{fold_case(key.host), key.label()}] += count;
    }
    const std::string where = request.windowed ? " on this host inside --from/--to" : " on this host";

    // The hosts, in the order of their folded names; each host's rows: the
    // others first, then the catalogue's, in catalogue order.
    std::map<std::string, const host_identity*> hosts;
    for (const host_identity& host : summary.hosts) {
        if (!host.name.empty()) hosts.emplace(fold_case(host.name), &host);
    }
    std::map<std::string, std::vector<coverage_row>> others;      // host folded -> rows of other analytics
    std::map<std::pair<std::string, std::string>, coverage_row> cpp_rows;  // (host folded, label) -> row
    std::set<std::string, std::less<>> cpp_labels;
    for (const car_catalogue_entry& entry : car_catalogue()) {
        if (entry.implementation != car_implementation::cpp || !asked_.runs(entry.id)) continue;
        for (const auto& candidate : analytics_) {
            if (candidate->id() != entry.id || candidate->marks_in_scan()) continue;
            for (const analytic_variant& variant : candidate->variants()) {
                cpp_labels.insert(std::string(entry.id) + ":" + std::string(variant.name));
            }
        }
    }
    for (coverage_row& row : summary.coverage) {
        const std::string label = row.analytic_id + ":" + row.variant;
        std::string host = fold_case(row.host);
        if (cpp_labels.count(label) > 0) {
            cpp_rows.emplace(std::pair{std::move(host), label}, std::move(row));
        } else {
            others[std::move(host)].push_back(std::move(row));
        }
    }
    summary.coverage.clear();

    // The analytics that run, each variant with what judges it on a host.
    struct variant_plan {
        car_catalogue_variant* reach = nullptr;  // in catalogue.runs
        const rule_variant* rules = nullptr;     // null for a C++ analytic's variant
        std::map<std::string, std::uint64_t> reasons;  // why not, by hosts
        std::string label_prefix;                // "CAR-2013-02-003:"
    };
    std::vector<std::vector<rule_variant>> rule_variants;  // kept for variant_plan::rules
    rule_variants.reserve(car_catalogue().size());
    for (const car_catalogue_entry& entry : car_catalogue()) {
        if (entry.implementation == car_implementation::not_from_event_logs) {
            catalogue.not_from_event_logs.push_back({std::string(entry.id), std::string(entry.title), std::string(entry.needs)});
            continue;
        }
        if (entry.implementation == car_implementation::deprecated) {
            catalogue.deprecated.push_back({std::string(entry.id), std::string(entry.title), std::string(entry.replaced_by)});
            continue;
        }
        if (!asked_.enabled) continue;
        if (!asked_.runs(entry.id)) {
            catalogue.not_selected.emplace_back(entry.id);
            continue;
        }
        car_catalogue_analytic analytic_summary;
        analytic_summary.id = std::string(entry.id);
        analytic_summary.title = std::string(entry.title);
        analytic_summary.implementation = std::string(implementation_name(entry.implementation));
        if (entry.implementation == car_implementation::cpp) {
            for (const auto& candidate : analytics_) {
                if (candidate->id() != entry.id || candidate->marks_in_scan()) continue;
                analytic_summary.techniques = std::string(candidate->technique());
                for (const analytic_variant& variant : candidate->variants()) {
                    car_catalogue_variant reach;
                    reach.variant = std::string(variant.name);
                    reach.sensors = std::string(variant.need.sources);
                    analytic_summary.variants.push_back(std::move(reach));
                }
            }
            rule_variants.emplace_back();
        } else {
            rule_variants.push_back(library_ ? rule_variants_of(*library_, entry.id) : std::vector<rule_variant>{});
            std::vector<std::string> techniques;
            for (const rule_variant& variant : rule_variants.back()) {
                const std::vector<std::string>& tagged =
                    variant.rule ? variant.rule->rule->metadata().techniques
                                 : library_->rules().correlations[variant.correlation].metadata.techniques;
                for (const std::string& technique : tagged) add_unique(techniques, technique);
                car_catalogue_variant reach;
                reach.variant = variant.name;
                if (variant.rule) reach.sensors = sources_of(*variant.rule);
                analytic_summary.variants.push_back(std::move(reach));
            }
            analytic_summary.techniques = joined(techniques);
        }
        catalogue.runs.push_back(std::move(analytic_summary));
    }
    std::vector<variant_plan> plans;
    {
        std::size_t analytic = 0;
        for (const car_catalogue_entry& entry : car_catalogue()) {
            if (entry.implementation == car_implementation::not_from_event_logs ||
                entry.implementation == car_implementation::deprecated || !asked_.runs(entry.id)) {
                continue;
            }
            car_catalogue_analytic& analytic_summary = catalogue.runs[analytic];
            const std::vector<rule_variant>& variants = rule_variants[analytic];
            for (std::size_t v = 0; v < analytic_summary.variants.size(); ++v) {
                car_catalogue_variant& reach = analytic_summary.variants[v];
                const auto found = hits.find(analytic_summary.id + ":" + reach.variant);
                reach.detections = found == hits.end() ? 0 : found->second;
                plans.push_back({&reach, entry.implementation == car_implementation::rules ? &variants[v] : nullptr, {},
                                 analytic_summary.id + ":"});
            }
            ++analytic;
        }
    }
    rule_index by_index;
    if (library_ != nullptr) {
        for (const run_rule& run : library_->runs()) by_index[run.index] = &run;
    }

    // Every host (those of the summary, and any other that has rows).
    for (const auto& [host, rows] : others) {
        if (hosts.count(host) == 0) hosts.emplace(host, nullptr);
    }
    for (const auto& [host, identity] : hosts) {
        if (const auto found = others.find(host); found != others.end()) {
            for (coverage_row& row : found->second) summary.coverage.push_back(std::move(row));
        }
        if (identity == nullptr) continue;
        std::optional<judge> judged_on;
        if (library_ != nullptr) judged_on.emplace(*library_, by_index, kinds_of(request.profiles, identity->name), where);
        // Without --coverage-detail the rule variants of the host are summed
        // up in one row (as the rules of --rules are), after the rows of the
        // C++ analytics; with it, one row each.
        coverage_row total;
        total.host = identity->name;
        total.analytic_id = "car-catalogue";
        total.analytic_name = "CAR catalogue (rules)";
        total.variant = "all";
        std::uint64_t variants = 0, full = 0, partly = 0, none = 0;
        std::map<std::string, std::uint64_t> reasons;
        for (variant_plan& plan : plans) {
            car_catalogue_variant& reach = *plan.reach;
            const std::string label = plan.label_prefix + reach.variant;
            if (plan.rules == nullptr) {  // a C++ analytic: its row is made already
                const auto found = cpp_rows.find({host, label});
                if (found == cpp_rows.end()) continue;
                coverage_row& row = found->second;
                reach.needs = row.needs;
                if (!row.evaluable) {
                    ++reach.hosts_none;
                    ++plan.reasons[row.why_not];
                } else if (row.partial) {
                    ++reach.hosts_partly;
                } else {
                    ++reach.hosts_full;
                }
                summary.coverage.push_back(std::move(row));
                continue;
            }
            const rule_judgement judged = judged_on->of(*plan.rules);
            if (!plan.rules->rule && reach.sensors.empty()) reach.sensors = judged_on->sources_of_correlation(plan.rules->correlation);
            reach.needs = judged.needs;
            const auto on_host = hits_by_host.find({host, label});
            const std::uint64_t detections = on_host == hits_by_host.end() ? 0 : on_host->second;
            ++variants;
            if (!judged.evaluable) {
                ++reach.hosts_none;
                ++plan.reasons[judged.why];
                ++none;
                ++reasons[judged.why];
            } else if (judged.partial) {
                ++reach.hosts_partly;
                ++partly;
                ++reasons["never logged here: " + judged.missing];
            } else {
                ++reach.hosts_full;
                ++full;
            }
            total.detections += detections;
            if (!request.detail) continue;
            const std::string id = label.substr(0, label.find(':'));
            summary.coverage.push_back(
                row_of(identity->name, id, std::string(find_car_analytic(id)->title), reach.variant, judged, detections));
        }
        if (variants == 0 || request.detail) continue;
        total.evaluable = full + partly > 0;
        total.partial = total.evaluable && full != variants;
        total.needs = std::to_string(variants) + " rule variants: " + std::to_string(full) + " could look fully, " +
                      std::to_string(partly) + " partly, " + std::to_string(none) +
                      " not at all (one row each with --coverage-detail)";
        for (const std::string& reason : commonest_reasons(reasons, " variant: ", " variants: ")) {
            total.why_not += (total.why_not.empty() ? "" : "; ") + reason;
        }
        summary.coverage.push_back(std::move(total));
    }
    for (variant_plan& plan : plans) {
        if (plan.reach->hosts_full + plan.reach->hosts_partly != 0) continue;
        // The hosts' commonest reason, said of the collection.
        std::string why = commonest(plan.reasons);
        const std::size_t here = why.find(" on this host");
        if (here != std::string::npos) why.replace(here, 13, " on any host");
        plan.reach->not_anywhere = std::move(why);
    }
}

}  // namespace evtxcar::rules
