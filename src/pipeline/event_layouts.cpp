#include "pipeline/event_layouts.hpp"

namespace evtxcar {

event_layout::event_layout(const car_event& event)
    : object(event.object),
      action(event.action),
      channel(event.channel),
      provider(event.provider),
      event_id(event.event_id),
      payload(event.payload),
      payload_name(event.payload_name) {
    names.reserve(event.fields.size());
    for (const payload_field& field : event.fields) names.push_back(field.name);
}

bool event_layout::fits(const car_event& event) const {
    if (event.event_id != event_id || event.payload != payload || event.fields.size() != names.size() ||
        event.object != object || event.action != action || event.channel != channel ||
        event.provider != provider || event.payload_name != payload_name) {
        return false;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] != event.fields[i].name) return false;
    }
    return true;
}

std::uint64_t layout_hash(const car_event& event) {
    // Numbers and lengths only: hashing the texts cost twice what comparing
    // them with the one layout found does. Layouts that hash alike are told
    // apart by fits().
    std::uint64_t names = 0;
    for (const payload_field& field : event.fields) names = names * 31 + field.name.size();
    std::uint64_t hash = std::uint64_t{event.event_id} << 32 ^ static_cast<std::uint64_t>(event.payload) << 24 ^
                         event.fields.size();
    for (const std::uint64_t part : {std::uint64_t{event.object.size()}, std::uint64_t{event.action.size()},
                                     std::uint64_t{event.channel.size()}, std::uint64_t{event.provider.size()},
                                     std::uint64_t{event.payload_name.size()}, names}) {
        hash = (hash ^ part) * 0x100000001b3ULL;
    }
    return hash;
}

std::uint32_t event_layouts::number_of(std::uint64_t hash, const car_event& event) {
    std::lock_guard lock(mutex_);
    std::vector<std::uint32_t>& numbers = by_hash_[hash];
    for (const std::uint32_t number : numbers) {
        if (layouts_[number - 1].fits(event)) return number;
    }
    layouts_.emplace_back(event);
    const auto number = static_cast<std::uint32_t>(layouts_.size());
    numbers.push_back(number);
    return number;
}

const event_layout* event_layouts::find(std::uint64_t number) const {
    if (number == 0 || number > layouts_.size()) return nullptr;
    return &layouts_[static_cast<std::size_t>(number - 1)];
}

std::uint32_t event_layout_cache::number_of(const car_event& event) {
    const std::uint64_t hash = layout_hash(event);
    std::vector<known>& candidates = by_hash_[hash];
    for (const known& candidate : candidates) {
        if (candidate.layout.fits(event)) return candidate.number;
    }
    const std::uint32_t number = shared_.number_of(hash, event);
    candidates.push_back({number, event_layout(event)});
    return number;
}

}  // namespace evtxcar
