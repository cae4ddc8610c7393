#pragma once
// The System log's Service Control Manager events -> CAR service: install
// (7045), state changes (7036), start type changes (7040). Each mapping sets
// object, action and fields and returns a problem ("" when none); the table
// normalizer adds host and provenance. docs/data-model.md has the table,
// field by field.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "car/table_normalizer.hpp"

namespace evtxcar {

// The Service Control Manager normalizer (provider "Service Control Manager").
std::unique_ptr<event_normalizer> make_service_control_normalizer();

}  // namespace evtxcar

namespace evtxcar::system_log {

// services.cpp
std::string map_service_installed(const event_fields& in, car_event& out);      // 7045
std::string map_service_state(const event_fields& in, car_event& out);          // 7036
std::string map_service_start_type(const event_fields& in, car_event& out);     // 7040

// service_text.cpp

// What 7036's binary data says: the service's key name and its state code
// (SERVICE_STATUS dwCurrentState: 1 stopped, 4 running, 7 paused, ...),
// logged as UTF-16LE "WerSvc/4" and rendered as hexadecimal text.
struct service_status_data {
    std::string key_name;               // "" when the data has none
    std::optional<unsigned> state_code; // nothing when the data has none
};
service_status_data read_service_status_data(std::string_view hex_text);

}  // namespace evtxcar::system_log
