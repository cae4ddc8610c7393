#include "analytics/process_index.hpp"

#include <algorithm>
#include <cctype>

namespace evtxcar {

std::string_view host_of(const car_event& event) {
    const std::string* fqdn = event.get(car_field::fqdn);
    return fqdn ? std::string_view(*fqdn) : event.text(car_field::hostname);
}

std::string process_index::key_of(std::string_view host, std::string_view guid) {
    std::string key;
    key.reserve(host.size() + guid.size() + 1);
    for (char c : host) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    key.push_back('|');
    for (char c : guid) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return key;
}

void process_index::add(std::vector<car_event>&& processes) {
    for (car_event& process : processes) {
        const std::string_view guid = process.text(car_field::guid);
        if (guid.empty()) continue;
        std::string key = key_of(host_of(process), guid);
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
    auto found = by_key_.find(key_of(host, guid));
    return found == by_key_.end() ? nullptr : &found->second;
}

const car_event* process_index::find_for(const car_event& event) const {
    return find(host_of(event), event.text(car_field::guid));
}

}  // namespace evtxcar
