#pragma once
// process_index: the process/create events analytics asked to keep, found by
// host and ProcessGuid. Filled during the scan (each worker keeps its own
// list), merged once the scan is done, read during the merge phase.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class process_index {
public:
    // Adds process/create events; when a host and ProcessGuid appear more
    // than once (a log collected twice), the earliest in timeline order wins.
    void add(std::vector<car_event>&& processes);

    // The process/create with this event's host and ProcessGuid, or nullptr.
    const car_event* find(std::string_view host, std::string_view guid) const;
    const car_event* find_for(const car_event& event) const;

    std::size_t size() const { return by_key_.size(); }

private:
    std::unordered_map<std::string, car_event> by_key_;
};

// Hosts compare without letter case and on the full Computer name (fqdn
// when there is one).
std::string_view host_of(const car_event& event);

// The key of one process on one host, by ProcessGuid or pid: both folded to
// lower case, so "WS01"/"ws01" and "{ABC..}"/"{abc..}" meet.
std::string process_key(std::string_view host, std::string_view id);

}  // namespace evtxcar
