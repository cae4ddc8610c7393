#pragma once
// host_profiles: what each host logged, as the coverage of rules needs to
// know it: per host and kind of event (channel, provider, event id, CAR
// object and action), how many events there were and which fields they
// carried at least once (CAR fields, payload field names). Counted in the
// timeline pass, so copies of an event count once. Bounded by hosts x
// kinds of event x field names, not by events.

#include <bitset>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

struct event_kind_key {
    std::string channel;
    std::string provider;
    std::uint32_t event_id = 0;
    std::string object;
    std::string action;
    friend auto operator<=>(const event_kind_key&, const event_kind_key&) = default;
};

struct event_kind_profile {
    std::uint64_t events = 0;
    std::bitset<256> car_fields;          // car_field values seen at least once
    std::set<std::string, std::less<>> payload_names;  // payload field names seen at least once ("" too)
};

class host_profiles {
public:
    // Counts one event of host `host` (the host's name, host_directory).
    void count(std::string_view host, const car_event& event);

    using kinds = std::map<event_kind_key, event_kind_profile>;
    const std::map<std::string, kinds, std::less<>>& by_host() const { return by_host_; }

private:
    // A host and kind counted lately: events of a log mix a few kinds.
    struct recent_kind {
        std::string host;
        event_kind_key key;
        event_kind_profile* profile = nullptr;
        std::vector<std::string> names;  // the payload names last added for the profile
        std::uint32_t layout = 0;        // the layout (event_layouts) of the event they came from, else 0
    };
    static constexpr std::size_t recent_kinds = 32;

    recent_kind& find_recent(std::string_view host, const car_event& event);

    std::map<std::string, kinds, std::less<>> by_host_;
    std::vector<recent_kind> recent_;  // up to recent_kinds, in no order
    std::size_t last_found_ = 0;      // in recent_
    std::size_t next_replaced_ = 0;   // in recent_, once it is full
};

}  // namespace evtxcar
