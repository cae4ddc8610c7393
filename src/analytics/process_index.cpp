#include "analytics/process_index.hpp"

#include "car/event_fields.hpp"

#include <algorithm>

namespace evtxcar {

std::string_view host_of(const car_event& event) { return event.computer(); }

std::string process_key(std::string_view host, std::string_view id) {
    std::string key;
    key.reserve(host.size() + id.size() + 1);
    append_folded(key, host);
    key.push_back('|');
    append_folded(key, id);
    return key;
}

void process_index::add(std::vector<car_event>&& processes) {
    for (car_event& process : processes) {
        const std::string_view guid = process.text(car_field::guid);
        if (guid.empty()) continue;
        std::vector<car_event>& copies = by_key_[process_key(host_of(process), guid)];
        auto same_file = std::find_if(copies.begin(), copies.end(),
                                      [&](const car_event& copy) { return copy.file_index == process.file_index; });
        if (same_file != copies.end()) {
            if (!timeline_before(process, *same_file)) continue;
            copies.erase(same_file);
        }
        copies.insert(std::upper_bound(copies.begin(), copies.end(), process, timeline_before), std::move(process));
    }
}

const car_event* process_index::find(std::string_view host, std::string_view guid) const {
    if (guid.empty()) return nullptr;
    auto found = by_key_.find(process_key(host, guid));
    return found == by_key_.end() || found->second.empty() ? nullptr : &found->second.front();
}

const car_event* process_index::find_for(const car_event& event) const {
    const std::string_view guid = event.text(car_field::guid);
    if (guid.empty()) return nullptr;
    auto found = by_key_.find(process_key(host_of(event), guid));
    if (found == by_key_.end() || found->second.empty()) return nullptr;
    for (const car_event& copy : found->second) {
        if (copy.file_index == event.file_index) return &copy;
    }
    return &found->second.front();
}

}  // namespace evtxcar
