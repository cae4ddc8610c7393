#include "rules/rule_report.hpp"

#include <ostream>

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
    summary.files = rules.files;
    summary.loaded = library.runs().size();
    summary.correlations = rules.correlations.size();
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

void list_rules(const rule_library& library, std::ostream& out) {
    const rule_load_summary summary = summarize_load(library);
    out << "# " << summary.loaded << " rule(s) run, " << summary.correlations << " correlation(s), " << summary.filters
        << " filter(s), " << summary.rejected.size() << " rejected, from " << summary.files << " file(s)\n";
    out << "id\tlevel\tstatus\tlogsource\ttitle\tfile\n";
    for (const run_rule& run : library.runs()) {
        const sigma::rule_metadata& m = run.rule->metadata();
        out << m.display_id() << '\t' << (m.level ? sigma::level_name(*m.level) : "-") << '\t'
            << (m.status ? sigma::status_name(*m.status) : "-") << '\t' << logsource_of(run) << '\t' << m.title << '\t'
            << m.file << (run.rule->standalone() ? "" : "\t(feeds correlations only)") << '\n';
    }
    for (const sigma::correlation_rule& correlation : library.rules().correlations) {
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
