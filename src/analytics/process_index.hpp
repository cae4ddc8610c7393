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
    // Adds process/create events. A host and ProcessGuid can appear in
    // several files (a log collected twice): each file's earliest in timeline
    // order is kept.
    void add(std::vector<car_event>&& processes);

    // The process/create with this host and ProcessGuid, or nullptr: the
    // earliest in timeline order.
    const car_event* find(std::string_view host, std::string_view guid) const;
    // The same for this event's host and ProcessGuid, from the event's own
    // file when that file holds it (a detection's context comes from its copy).
    const car_event* find_for(const car_event& event) const;

    std::size_t size() const { return by_key_.size(); }

private:
    std::unordered_map<std::string, std::vector<car_event>> by_key_;  // the copies, earliest first
};

// Hosts compare without letter case and on the full Computer name (fqdn
// when there is one).
std::string_view host_of(const car_event& event);

// The key of one process on one host, by ProcessGuid or pid: both folded to
// lower case, so "WS01"/"ws01" and "{ABC..}"/"{abc..}" meet.
std::string process_key(std::string_view host, std::string_view id);

}  // namespace evtxcar
