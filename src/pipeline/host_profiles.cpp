#include "pipeline/host_profiles.hpp"

namespace evtxcar {

static_assert(car_field_count <= 256, "event_kind_profile::car_fields holds one bit per car_field");

namespace {

bool same_kind(const event_kind_key& key, const car_event& event) {
    return key.event_id == event.event_id && key.channel == event.channel && key.provider == event.provider &&
           key.object == event.object && key.action == event.action;
}

bool same_names(const std::vector<std::string>& names, const std::vector<payload_field>& fields) {
    if (names.size() != fields.size()) return false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] != fields[i].name) return false;
    }
    return true;
}

}  // namespace

host_profiles::recent_kind& host_profiles::find_recent(std::string_view host, const car_event& event) {
    // The search starts at the kind found last and nothing moves: a log
    // that mixes a dozen kinds changes kind at almost every event. An event
    // decoded from the sort runs is found by its layout's number, which
    // says its kind.
    const std::uint32_t layout = event.layout.number;
    for (std::size_t step = 0; step < recent_.size(); ++step) {
        const std::size_t i = (last_found_ + step) % recent_.size();
        const recent_kind& candidate = recent_[i];
        if (((layout != 0 && candidate.layout == layout) || same_kind(candidate.key, event)) && candidate.host == host) {
            last_found_ = i;
            return recent_[i];
        }
    }
    if (recent_.size() < recent_kinds) {
        recent_.emplace_back();
        last_found_ = recent_.size() - 1;
    } else {
        last_found_ = next_replaced_;  // the oldest added
        next_replaced_ = (next_replaced_ + 1) % recent_kinds;
    }
    recent_kind& added = recent_[last_found_];
    added = recent_kind{};
    added.host.assign(host);
    added.key = {event.channel, event.provider, event.event_id, event.object, event.action};
    auto found = by_host_.find(host);
    if (found == by_host_.end()) found = by_host_.emplace(std::string(host), kinds{}).first;
    added.profile = &found->second[added.key];  // std::map: the profile stays where it is
    return added;
}

void host_profiles::count(std::string_view host, const car_event& event) {
    recent_kind& recent = find_recent(host, event);
    event_kind_profile& profile = *recent.profile;
    ++profile.events;
    for (const car_value& value : event.values) profile.car_fields.set(static_cast<std::size_t>(value.field));
    // A kind's records mostly share one layout: its names are added once.
    // Events decoded from the sort runs say which layout they follow.
    const std::uint32_t layout = event.layout.number;
    if (layout != 0 && layout == recent.layout) return;
    if (!same_names(recent.names, event.fields)) {
        recent.names.clear();
        for (const payload_field& field : event.fields) {
            profile.payload_names.insert(field.name);
            recent.names.push_back(field.name);
        }
    }
    recent.layout = layout;
}

}  // namespace evtxcar
