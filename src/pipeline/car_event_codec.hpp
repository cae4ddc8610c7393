#pragma once
// Binary form of a car_event for the sorter's spilled runs. Private to one
// run of evtxcar: no versioning, native byte order.
//
// Each event is its body's length (a varint) and the body: the fixed
// provenance numbers, then length-prefixed texts (lengths as varints). A
// CAR value whose text is one of the event's payload values (most are:
// mappings copy fields) is written as that value's position, not again.
// Runs are read back in blocks (car_event_reader), not field by field.

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

void encode_car_event(const car_event& event, std::string& out);

// Reads the events of one run file in blocks of `block_size` bytes.
class car_event_reader {
public:
    explicit car_event_reader(std::FILE* file, std::size_t block_size = std::size_t{256} << 10);
    // The next event into `event` (its buffers reused); false at a clean end
    // of file. A truncated or malformed run throws std::runtime_error (our
    // own temporary file was damaged under us: nothing sensible is left to do).
    bool next(car_event& event);

private:
    bool fill(std::size_t wanted);  // at least `wanted` unread bytes, unless the file ends first

    std::FILE* file_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
    std::size_t end_ = 0;
    bool at_end_ = false;
};

// Approximate heap and object bytes the event occupies, for memory budgets.
std::size_t approximate_size(const car_event& event);

}  // namespace evtxcar
