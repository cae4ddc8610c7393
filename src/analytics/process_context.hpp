#pragma once
// process_context: the process/create behind an event during the timeline
// pass. An event with a ProcessGuid (Sysmon) is looked up in the
// process_index by host and ProcessGuid. An event with only a pid (Security
// auditing, a Sysmon event without ProcessGuid) is joined to the
// process/create of that pid on the same host: the latest one before the
// event with no process/terminate of that pid in between (pid_tracker).

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/process_index.hpp"
#include "car/car_event.hpp"

namespace evtxcar {

// Follows the life of pids in timeline order. Keeps only the process/creates
// analytics want (wanted = true), so memory is bounded by the wanted
// processes alive at one time; any other process/create of a pid, and any
// process/terminate of it, ends what was known about that pid. Copies of
// one process/create (the same record in several files: same_event) live
// side by side, so that an event finds the copy from its own file.
class pid_tracker {
public:
    // Feed every event once, in timeline order, before it is evaluated.
    void observe(const car_event& event, bool wanted);

    // The wanted process/create alive with this pid on this host, or
    // nullptr; of its copies, the one from file `file_index` when there is one.
    const car_event* find(std::string_view host, std::string_view pid, std::uint32_t file_index) const;

    std::size_t size() const { return live_.size(); }

private:
    std::unordered_map<std::string, std::vector<car_event>> live_;  // copies of one process/create, in file order
};

class process_context {
public:
    process_context(const process_index& by_guid, const pid_tracker& by_pid) : by_guid_(by_guid), by_pid_(by_pid) {}

    // The process/create of the event's acting process, or nullptr.
    const car_event* find_for(const car_event& event) const;

private:
    const process_index& by_guid_;
    const pid_tracker& by_pid_;
};

}  // namespace evtxcar
