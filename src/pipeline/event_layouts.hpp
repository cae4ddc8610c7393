#pragma once
// event_layouts: the distinct layouts of one scan's events, each with a
// number. A layout is what events of one kind share: object and action,
// channel, provider, event id, the payload's kind and name, and the
// payload's field names in order (a 4688's twenty-odd names). The sort runs
// store an event's layout as its number, and an event decoded from a run
// says which layout it has (car_event::layout): whoever wants to know
// whether two events are of one kind, with the same names, compares two
// numbers.
//
// The scan workers add layouts while they encode (through an
// event_layout_cache each, which asks the shared table only for layouts it
// has not met); the merge reads them once the workers are done.

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

struct event_layout {
    std::string object;
    std::string action;
    std::string channel;
    std::string provider;
    std::uint32_t event_id = 0;
    payload_kind payload = payload_kind::none;
    std::string payload_name;
    std::vector<std::string> names;  // of the payload's fields, in order

    explicit event_layout(const car_event& event);
    // True when `event` has this layout.
    bool fits(const car_event& event) const;
};

// A hash of an event's layout (not of its values), from its numbers and
// the lengths of its texts.
std::uint64_t layout_hash(const car_event& event);

class event_layouts {
public:
    // The number (from 1) of `event`'s layout, added if new. Thread-safe.
    std::uint32_t number_of(std::uint64_t hash, const car_event& event);
    // Layout `number`, or nullptr for a number never handed out. Only while
    // no thread adds.
    const event_layout* find(std::uint64_t number) const;

private:
    std::mutex mutex_;
    std::deque<event_layout> layouts_;  // layout n at n - 1
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_hash_;
};

// One scan worker's copy of the layouts it has met.
class event_layout_cache {
public:
    explicit event_layout_cache(event_layouts& shared) : shared_(shared) {}
    std::uint32_t number_of(const car_event& event);

private:
    struct known {
        std::uint32_t number;
        event_layout layout;
    };
    event_layouts& shared_;
    std::unordered_map<std::uint64_t, std::vector<known>> by_hash_;
};

}  // namespace evtxcar
