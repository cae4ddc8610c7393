#pragma once
// The human-readable parts of a timeline row, shared by every writer:
// the one-line message and the `details` list of the other CAR fields.

#include <span>
#include <string>

#include "car/car_event.hpp"

namespace evtxcar {

// "Process created: cmstp.exe (pid 4242) by cmd.exe: cmstp.exe /ni /s https://..."
// The wording is data: one template per object/action (event_text.cpp).
std::string event_message(const car_event& event);

// "fqdn=WS01.corp.example.com; guid={...}; md5_hash=..." for every field of
// the event not in `shown`, in car_field order. A value containing ';', '=',
// '"', CR or LF, or starting or ending with a space, is written in double
// quotes with inner quotes doubled, so the list always splits unambiguously.
std::string event_details(const car_event& event, std::span<const car_field> shown);

// "CAR-2020-11-010:remote; CAR-2020-11-010:cmdline-url"
std::string analytics_text(const car_event& event);

}  // namespace evtxcar
