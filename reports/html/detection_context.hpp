#pragma once
// detection_context: what report.html shows around each detection that
// only the event stream can tell: the timeline row each event that fired
// became, and the network connections its process made.
//
// A process is watched from its first event an analytic fired on (keyed by
// hostname and ProcessGuid); from then on, every flow event of that
// process is kept as one of its connections. Flows it logged before that
// first hit are not seen. The rows of process/create events are remembered
// too (at most max_process_rows), since a detection's process may have been
// created long before anything fired.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class detection_context {
public:
    static constexpr std::size_t max_connections_per_process = 64;
    static constexpr std::size_t max_connections = 20000;
    static constexpr std::size_t max_process_rows = std::size_t{1} << 20;

    // Every timeline event, in timeline order, whether it becomes a row or not.
    void observe(const car_event& event);
    // The event became timeline row `row`.
    void note_row(const car_event& event, std::uint64_t row);

    // The row of an event that fired, of a kept connection or of a
    // process/create; none when it is not in the report's timeline.
    std::optional<std::uint64_t> row_of(const car_event& event) const;

    // Connections of the process, in timeline order; empty when none were seen.
    std::span<const car_event> connections_of(std::string_view host, std::string_view process_guid) const;

private:
    using event_key = std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>;  // file, record id, offset
    static event_key key_of(const car_event& event) {
        return {event.file_index, event.record_id, event.record_offset};
    }
    static std::string process_key(std::string_view host, std::string_view process_guid);

    std::map<std::string, std::vector<car_event>, std::less<>> connections_;  // by process key
    std::size_t connection_count_ = 0;
    std::map<event_key, std::optional<std::uint64_t>> rows_;  // events whose row is asked for
    std::map<event_key, std::uint64_t> process_rows_;         // rows of process/create events
};

}  // namespace evtxcar
