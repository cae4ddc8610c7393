#pragma once
// event_normalizer: turns the records of one provider into car_events.
// The normalizers evtxcar runs are listed in one table (normalizer_table).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "car/car_event.hpp"
#include "event_record.hpp"

namespace evtxcar {

class event_normalizer {
public:
    virtual ~event_normalizer() = default;
    // Provider whose records this normalizer maps (System/Provider/@Name).
    virtual std::string_view provider() const = 0;
    // The event ids it maps; empty: every event id of the provider. The
    // record engines decode the payloads of only these.
    virtual std::vector<std::uint32_t> event_ids() const = 0;
    // Fills `out` (object, action, values, event_id...; not file_index) and
    // returns true when the record maps to a CAR event. A value the mapping
    // cannot convert (a process id that is not a number, an unknown
    // direction) stays as logged and is described in `problem` (left empty
    // when all went well); the scan counts these as normalization warnings.
    virtual bool normalize(const event_record& record, car_event& out, std::string& problem) const = 0;
};

// Every normalizer evtxcar runs, in the order they are asked.
std::vector<std::unique_ptr<event_normalizer>> make_normalizers();

}  // namespace evtxcar
