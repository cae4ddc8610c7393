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

void host_profiles::count(std::string_view host, const car_event& event) {
    if (last_kinds_ == nullptr || host != last_host_) {
        auto found = by_host_.find(host);
        if (found == by_host_.end()) found = by_host_.emplace(std::string(host), kinds{}).first;
        last_kinds_ = &found->second;
        last_host_.assign(host);
        last_profile_ = nullptr;
    }
    if (last_profile_ == nullptr || !same_kind(last_key_, event)) {
        last_key_ = {event.channel, event.provider, event.event_id, event.object, event.action};
        last_profile_ = &(*last_kinds_)[last_key_];
        last_names_.clear();
    }
    event_kind_profile& profile = *last_profile_;
    ++profile.events;
    for (const car_value& value : event.values) profile.car_fields.set(static_cast<std::size_t>(value.field));
    // A kind's records mostly share one layout: its names are added once.
    if (!same_names(last_names_, event.fields)) {
        last_names_.clear();
        for (const payload_field& field : event.fields) {
            profile.payload_names.insert(field.name);
            last_names_.push_back(field.name);
        }
    }
}

}  // namespace evtxcar
