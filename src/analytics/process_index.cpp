#include "analytics/process_index.hpp"

#include "car/event_fields.hpp"

namespace evtxcar {

std::string_view host_of(const car_event& event) {
    const std::string* fqdn = event.get(car_field::fqdn);
    return fqdn ? std::string_view(*fqdn) : event.text(car_field::hostname);
}

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
        std::string key = process_key(host_of(process), guid);
        auto found = by_key_.find(key);
        if (found == by_key_.end()) {
            by_key_.emplace(std::move(key), std::move(process));
        } else if (timeline_before(process, found->second)) {
            found->second = std::move(process);
        }
    }
}

const car_event* process_index::find(std::string_view host, std::string_view guid) const {
    if (guid.empty()) return nullptr;
    auto found = by_key_.find(process_key(host, guid));
    return found == by_key_.end() ? nullptr : &found->second;
}

const car_event* process_index::find_for(const car_event& event) const {
    return find(host_of(event), event.text(car_field::guid));
}

}  // namespace evtxcar
