#pragma once
// Binary form of a car_event for the sorter's spilled runs. Private to one
// run of evtxcar: no versioning, native byte order.

#include <cstddef>
#include <cstdio>
#include <string>

#include "car/car_event.hpp"

namespace evtxcar {

void encode_car_event(const car_event& event, std::string& out);

// Reads one event from `file`; false at a clean end of file. A truncated or
// malformed run throws std::runtime_error (our own temporary file was
// damaged under us: nothing sensible is left to do).
bool decode_car_event(std::FILE* file, car_event& event);

// Approximate heap and object bytes the event occupies, for memory budgets.
std::size_t approximate_size(const car_event& event);

}  // namespace evtxcar
