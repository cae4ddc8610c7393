#include "analytics/car_2013_10_001.hpp"

#include <algorithm>

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

std::vector<analytic_variant> car_2013_10_001::variants() const {
    return {{"pseudocode",
             {"user_session", "login", car_field::user, "Security 4624, RDP 1149, LocalSessionManager 21"}}};
}

void car_2013_10_001::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object != "user_session" || event.action != "login") return;
    const std::string_view user = event.text(car_field::user);
    if (user.empty()) return;
    account& seen = accounts_[fold_case(user)];
    if (seen.logons++ == 0) seen.shown = std::string(user);
    if (seen.kept.size() < logons_kept) seen.kept.push_back(without_payload(event));
    ++seen.hosts[std::string(host_of(event))];
}

void car_2013_10_001::finish(std::vector<detection>& out) const {
    if (accounts_.size() <= top) return;  // every account is among the top 30
    std::vector<const account*> ranked;
    for (const auto& [key, seen] : accounts_) ranked.push_back(&seen);
    // Most logons first (ties in name order: accounts_ is sorted by name).
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const account* a, const account* b) { return a->logons > b->logons; });
    const std::uint64_t thirtieth = ranked[top - 1]->logons;
    std::uint64_t all = 0;
    for (const account* seen : ranked) all += seen->logons;
    const std::size_t first = out.size();
    for (std::size_t i = top; i < ranked.size(); ++i) {
        const account& seen = *ranked[i];
        if (seen.logons >= thirtieth) continue;  // tied with the 30th: as usual as the top
        std::string hosts;
        for (const auto& [host, logons] : seen.hosts) {
            hosts += (hosts.empty() ? "" : ", ") + host + " (" + std::to_string(logons) + ")";
        }
        const std::string reason =
            seen.shown + " logged on " + std::to_string(seen.logons) + " time(s) (" + hosts + "): not among the " +
            std::to_string(top) + " accounts with most logons in the collection (the " + std::to_string(top) +
            "th has " + std::to_string(thirtieth) + "; " + std::to_string(accounts_.size()) + " accounts, " +
            std::to_string(all) + " logons in all)" +
            (seen.logons > seen.kept.size() ? "; the first " + std::to_string(seen.kept.size()) + " logons are detections"
                                            : "");
        for (const car_event& logon : seen.kept) {
            out.push_back(catalogue_detection(*this, "pseudocode", reason, logon, "low", "lateral-movement, defense-evasion"));
        }
    }
    sort_by_event(out, first);
}

}  // namespace evtxcar
