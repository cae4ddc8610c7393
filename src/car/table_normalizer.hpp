#pragma once
// A normalizer whose mappings are a table: for each event id of one
// provider, the payload it reads and the function that maps it. The sensors
// whose events map one by one (system/, eventlog/, powershell/, defender/,
// taskscheduler/, wmi/, terminal_services/) are each such a table.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "car/event_fields.hpp"
#include "car/normalizer.hpp"

namespace evtxcar {

// Sets object, action and fields from the record's payload; returns a
// problem ("" when none), as event_normalizer::normalize describes. The
// table normalizer adds host and provenance.
using event_mapping_function = std::string (*)(const event_fields& in, car_event& out);

struct event_mapping {
    std::uint32_t event_id;
    payload_kind payload;  // a record with another payload is not mapped (it stays a generic event)
    event_mapping_function map;
};

// `provider` and `mappings` must outlive the normalizer (string literals and
// constexpr tables).
std::unique_ptr<event_normalizer> make_table_normalizer(std::string_view provider,
                                                        std::span<const event_mapping> mappings);

}  // namespace evtxcar
