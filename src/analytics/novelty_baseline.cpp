#include "analytics/novelty_baseline.hpp"

#include <algorithm>

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

void novelty_baseline::add(const car_event& event, std::string key, std::string shown) {
    const std::string host = fold_case(host_of(event));
    host_state& state = hosts_[host];
    state.last = std::max(state.last, event.time);
    ++state.per_hour[event.time - event.time % ticks_per_hour];
    on_host& seen = values_[std::move(key)][host];
    if (seen.count++ == 0) {
        seen.first_time = event.time;
        seen.shown = std::move(shown);
        seen.first = without_payload(event);
    }
}

novelty_baseline::verdict novelty_baseline::finish() const {
    verdict out;
    std::map<std::string, filetime_ticks> window_start;
    for (const auto& [host, state] : hosts_) {
        const filetime_ticks start = state.last > window_ ? state.last - window_ : 0;
        window_start[host] = start;
        // Whole hours before the window are history (the hour the window
        // starts in is not counted: the count errs low).
        for (const auto& [hour, events] : state.per_hour) {
            if (hour + ticks_per_hour <= start) out.history += events;
        }
    }
    out.judged = out.history >= minimum_history_;
    if (!out.judged) return out;
    for (const auto& [key, by_host] : values_) {
        const bool historic = std::any_of(by_host.begin(), by_host.end(), [&](const auto& entry) {
            return entry.second.first_time < window_start.at(entry.first);
        });
        if (historic) continue;
        for (const auto& [host, seen] : by_host) {
            novelty found;
            found.host = host;
            found.shown = seen.shown;
            found.first = seen.first;
            found.count = seen.count;
            found.window_start = window_start.at(host);
            found.window_end = hosts_.at(host).last;
            out.novelties.push_back(std::move(found));
        }
    }
    std::sort(out.novelties.begin(), out.novelties.end(),
              [](const novelty& a, const novelty& b) { return timeline_before(a.first, b.first); });
    return out;
}

}  // namespace evtxcar
