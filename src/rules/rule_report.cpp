#include "rules/rule_report.hpp"

#include <algorithm>
#include <ostream>

#include "analytics/car_catalogue.hpp"
#include "rules/car_sources.hpp"

namespace evtxcar::rules {

namespace {

std::string_view skipped_reason(sigma::skipped_rule::why why) {
    switch (why) {
        case sigma::skipped_rule::why::product: return "product";
        case sigma::skipped_rule::why::status: return "status";
        case sigma::skipped_rule::why::level: return "level";
    }
    return "other";
}

std::string logsource_of(const run_rule& run) {
    if (!run.car_object.empty()) return "car " + run.car_object + "/" + run.car_action;
    if (run.source == nullptr) return "every record";
    return !run.source->category.empty() ? "category " + std::string(run.source->category)
                                          : "service " + std::string(run.source->service);
}

}  // namespace

rule_load_summary summarize_load(const rule_library& library) {
    const sigma::rule_set& rules = library.rules();
    rule_load_summary summary;
    summary.asked = true;
    summary.files = rules.files - library.builtin_texts();
    summary.loaded = static_cast<std::uint64_t>(
        std::count_if(library.runs().begin(), library.runs().end(), [](const run_rule& run) { return !run.catalogue; }));
    summary.correlations = static_cast<std::uint64_t>(
        std::count_if(library.correlation_identities().begin(), library.correlation_identities().end(),
                      [](const auto& identity) { return !identity.has_value(); }));
    summary.filters = rules.filters.size();
    auto reject = [&summary](const sigma::rejected_rule& rejected) {
        summary.rejected.push_back({rejected.file, rejected.rule, rejected.title, rejected.problem.construct,
                                    rejected.problem.reason, rejected.problem.line});
    };
    for (const sigma::rejected_rule& rejected : rules.rejected) reject(rejected);
    for (const sigma::rejected_rule& rejected : library.not_run()) reject(rejected);
    for (const sigma::skipped_rule& skipped : rules.skipped) ++summary.skipped[std::string(skipped_reason(skipped.reason))];
    for (const sigma::skipped_rule& skipped : library.not_windows()) {
        (void)skipped;
        ++summary.skipped["not a Windows logsource"];
    }
    return summary;
}

namespace {

// The catalogue's part of --list-rules.
void list_catalogue(const rule_library* library, const std::vector<std::unique_ptr<analytic>>& analytics,
                    const catalogue_run& catalogue, std::ostream& out) {
    std::size_t rules = 0, cpp = 0, other = 0, deprecated = 0;
    for (const car_catalogue_entry& entry : car_catalogue()) {
        rules += entry.implementation == car_implementation::rules;
        cpp += entry.implementation == car_implementation::cpp;
        other += entry.implementation == car_implementation::not_from_event_logs;
        deprecated += entry.implementation == car_implementation::deprecated;
    }
    out << "# CAR catalogue (MITRE Cyber Analytics Repository, docs/analytics/README.md): " << rules + cpp
        << " analytics built in (" << rules << " as rules, " << cpp << " in C++), " << other
        << " not evaluable from event logs, " << deprecated << " deprecated; "
        << (!catalogue.enabled ? "off (--no-car-catalogue)"
                               : catalogue.selected.empty() ? "all run" : "only those of --analytics run")
        << "\n";
    out << "id\truns\tvariant\tsensors\ttitle\n";
    for (const car_catalogue_entry& entry : car_catalogue()) {
        if (entry.implementation == car_implementation::not_from_event_logs) {
            out << entry.id << "\tno: not evaluable from event logs\t-\t-\t" << entry.title << "\tneeds " << entry.needs
                << '\n';
            continue;
        }
        if (entry.implementation == car_implementation::deprecated) {
            out << entry.id << "\tno: deprecated, replaced by " << entry.replaced_by << "\t-\t-\t" << entry.title << '\n';
            continue;
        }
        const std::string runs = !catalogue.enabled          ? "off (--no-car-catalogue)"
                                 : !catalogue.runs(entry.id) ? "off (not in --analytics)"
                                                             : "yes";
        bool listed = false;
        if (entry.implementation == car_implementation::cpp) {
            for (const auto& candidate : analytics) {
                if (candidate->id() != entry.id || candidate->marks_in_scan()) continue;
                for (const analytic_variant& variant : candidate->variants()) {
                    out << entry.id << '\t' << runs << '\t' << variant.name << '\t' << variant.need.sources << '\t'
                        << entry.title << "\t(C++)\n";
                    listed = true;
                }
            }
        } else if (library != nullptr) {
            for (const run_rule& run : library->runs()) {
                if (!run.catalogue || run.catalogue->analytic_id != entry.id || !run.rule->standalone()) continue;
                const std::string sources = !run.car_object.empty()
                                                ? std::string(car_kind_sources(run.car_object, run.car_action))
                                            : run.source != nullptr ? std::string(run.source->sensors)
                                                                    : std::string("every record");
                out << entry.id << '\t' << runs << '\t' << run.catalogue->variant << '\t' << sources << '\t'
                    << entry.title << '\n';
                listed = true;
            }
            const auto& identities = library->correlation_identities();
            for (std::size_t i = 0; i < identities.size(); ++i) {
                if (!identities[i] || identities[i]->analytic_id != entry.id) continue;
                std::string sources;
                for (const sigma::correlation_input& input : library->rules().correlations[i].inputs) {
                    for (const run_rule& run : library->runs()) {
                        if (input.what != sigma::correlation_input::kind::rule || run.index != input.index) continue;
                        const std::string source = !run.car_object.empty()
                                                       ? std::string(car_kind_sources(run.car_object, run.car_action))
                                                       : run.source != nullptr ? std::string(run.source->sensors) : "";
                        if (!source.empty() && sources.find(source) == std::string::npos) {
                            sources += (sources.empty() ? "" : "; ") + source;
                        }
                    }
                }
                out << entry.id << '\t' << runs << '\t' << identities[i]->variant << '\t' << sources << '\t'
                    << entry.title << "\t(correlation)\n";
                listed = true;
            }
        }
        // Asked for, yet nothing of it loaded: every variant's rule fell below the filters.
        if (!listed) {
            out << entry.id << '\t' << (runs == "yes" ? "off (below --min-level or outside --rule-status)" : runs)
                << "\t-\t-\t" << entry.title << '\n';
        }
    }
}

}  // namespace

void list_rules(const rule_library* library, const std::vector<std::unique_ptr<analytic>>& analytics,
                const catalogue_run& catalogue, bool user_rules, std::ostream& out) {
    list_catalogue(library, analytics, catalogue, out);
    if (!user_rules || library == nullptr) {
        if (library != nullptr) {
            // A built-in rule the engine refused would be a defect: say so.
            const rule_load_summary summary = summarize_load(*library);
            for (const auto& rejected : summary.rejected) {
                out << "# rejected built-in rule: " << rejected.file << ':' << rejected.line << '\t' << rejected.rule
                    << '\t' << rejected.construct << '\t' << rejected.reason << '\n';
            }
        }
        return;
    }
    out << '\n';
    const rule_load_summary summary = summarize_load(*library);
    out << "# " << summary.loaded << " rule(s) run, " << summary.correlations << " correlation(s), " << summary.filters
        << " filter(s), " << summary.rejected.size() << " rejected, from " << summary.files << " file(s)\n";
    out << "id\tlevel\tstatus\tlogsource\ttitle\tfile\n";
    for (const run_rule& run : library->runs()) {
        if (run.catalogue) continue;
        const sigma::rule_metadata& m = run.rule->metadata();
        out << m.display_id() << '\t' << (m.level ? sigma::level_name(*m.level) : "-") << '\t'
            << (m.status ? sigma::status_name(*m.status) : "-") << '\t' << logsource_of(run) << '\t' << m.title << '\t'
            << m.file << (run.rule->standalone() ? "" : "\t(feeds correlations only)") << '\n';
    }
    for (std::size_t i = 0; i < library->rules().correlations.size(); ++i) {
        if (library->correlation_identities()[i]) continue;
        const sigma::correlation_rule& correlation = library->rules().correlations[i];
        out << correlation.metadata.display_id() << '\t'
            << (correlation.metadata.level ? sigma::level_name(*correlation.metadata.level) : "-") << '\t'
            << (correlation.metadata.status ? sigma::status_name(*correlation.metadata.status) : "-")
            << "\tcorrelation\t" << correlation.metadata.title << '\t' << correlation.metadata.file << '\n';
    }
    if (!summary.rejected.empty()) {
        out << "\n# rejected: file:line, rule, construct, reason\n";
        for (const auto& rejected : summary.rejected) {
            out << rejected.file << ':' << rejected.line << '\t' << rejected.rule << '\t' << rejected.construct << '\t'
                << rejected.reason << '\n';
        }
    }
    if (!summary.skipped.empty()) {
        out << "\n# skipped:";
        for (const auto& [reason, count] : summary.skipped) out << ' ' << count << " by " << reason;
        out << '\n';
    }
}

}  // namespace evtxcar::rules
