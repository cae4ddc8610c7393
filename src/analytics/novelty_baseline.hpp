#pragma once
// novelty_baseline: what is new on a host in its last day of logs against
// everything the collection logged before, as CAR's "historic against
// current" analytics (CAR-2013-09-005, CAR-2014-11-002) ask, on a
// collection read offline.
//
// For each host, "current" is the last `window` of its own logs (24 hours
// before its latest event of the kind counted), "historic" is everything
// before that. A value (a parent program, a service program) is new on a
// host when it occurs there only in the host's current window and in no
// host's historic part. The collection's history must hold at least
// `minimum_history` events of the kind counted, or nothing is judged: a
// baseline that small says nothing of what is usual.
//
// Memory: per host a count per hour of logs, per value and host its count
// and its first event (without payload).

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class novelty_baseline {
public:
    novelty_baseline(filetime_ticks window, std::uint64_t minimum_history)
        : window_(window), minimum_history_(minimum_history) {}

    // One event of the kind counted, with its value (`key` compared, `shown`
    // as it reads). Events of one host arrive in time order.
    void add(const car_event& event, std::string key, std::string shown);

    struct novelty {
        std::string host;
        std::string shown;
        car_event first;            // its first event on the host
        std::uint64_t count = 0;    // events with it on the host
        filetime_ticks window_start = 0, window_end = 0;  // the host's current window
    };
    struct verdict {
        std::uint64_t history = 0;  // events counted before each host's current window, all hosts
        bool judged = false;        // history >= minimum_history
        std::vector<novelty> novelties;
    };
    verdict finish() const;

    filetime_ticks window() const { return window_; }
    std::uint64_t minimum_history() const { return minimum_history_; }

private:
    struct host_state {
        filetime_ticks last = 0;
        std::map<filetime_ticks, std::uint64_t> per_hour;  // hour start -> events
    };
    struct on_host {
        filetime_ticks first_time = 0;
        std::uint64_t count = 0;
        std::string shown;
        car_event first;
    };

    filetime_ticks window_;
    std::uint64_t minimum_history_;
    std::map<std::string, host_state> hosts_;
    std::unordered_map<std::string, std::map<std::string, on_host>> values_;  // key -> host -> on_host
};

}  // namespace evtxcar
