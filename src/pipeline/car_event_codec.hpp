#pragma once
// Binary form of a car_event for the sorter's spilled runs, and of a
// detection for the detection_store's. Private to one run of evtxcar: no
// versioning, native byte order.
//
// Each event is its body's length (a varint) and the body: the fixed
// provenance numbers, then length-prefixed texts (lengths as varints). A
// CAR value whose text is one of the event's payload values (most are:
// mappings copy fields) is written as that value's position, not again.
// Runs are read back in blocks (car_event_reader), not field by field. In
// the sort runs an event's layout (event_layouts: object, action, channel,
// provider, event id, the payload's kind, name and field names) is written
// as its number, the payload's values alone after it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "analytics/detection.hpp"
#include "car/car_event.hpp"

namespace evtxcar {

class event_layouts;

void encode_car_event(const car_event& event, std::string& out);
// As above, the event's layout as its number `layout` (from 1) in an
// event_layouts.
void encode_car_event(const car_event& event, std::uint32_t layout, std::string& out);
// One event's body (what follows its length) into `event`, its buffers
// reused; throws std::runtime_error when the bytes are not such a body.
void decode_car_event_body(const char* body, std::size_t size, car_event& event);

// Payload fields and CAR values a decoded event had no use for, kept (their
// strings with their buffers) for the next event that needs more. The merge
// decodes into events whose buffers come back from events of other kinds:
// without them each change of kind frees strings and allocates them anew.
struct car_event_spares {
    static constexpr std::size_t most = 256;  // of each kind; beyond, freed
    std::vector<payload_field> fields;
    std::vector<car_value> values;
};
// As above, shrinking into and growing from `spares`.
void decode_car_event_body(const char* body, std::size_t size, car_event& event, car_event_spares& spares);
// A body whose event's layout may be a number in `layouts`; sets
// event.layout, and writes none of the layout when the event's buffers
// already held that layout.
void decode_car_event_body(const char* body, std::size_t size, car_event& event, car_event_spares& spares,
                           const event_layouts& layouts);

// A detection: its texts, its event and its process context, each event
// with the files of its copies. Length-prefixed, like an event.
void encode_detection(const detection& found, std::string& out);
// A detection's body; throws std::runtime_error when damaged.
void decode_detection_body(const char* body, std::size_t size, detection& found);
// The length prefix at `at` (at most 10 bytes before `end`): the body's size
// and the prefix's own length; throws when damaged.
std::pair<std::uint64_t, std::size_t> read_length_prefix(const char* at, const char* end);

// Reads the events of one run file in blocks of `block_size` bytes.
class car_event_reader {
public:
    // `layouts`: those of the run's events' layout numbers (nullptr: the run
    // has none).
    explicit car_event_reader(std::FILE* file, std::size_t block_size = std::size_t{256} << 10,
                              const event_layouts* layouts = nullptr);
    // The next event into `event` (its buffers reused); false at a clean end
    // of file. A truncated or malformed run throws std::runtime_error (our
    // own temporary file was damaged under us: nothing sensible is left to do).
    bool next(car_event& event);

private:
    bool fill(std::size_t wanted);  // at least `wanted` unread bytes, unless the file ends first

    std::FILE* file_;
    const event_layouts* layouts_;
    std::vector<char> buffer_;
    car_event_spares spares_;
    std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
    std::size_t end_ = 0;
    bool at_end_ = false;
};

// Approximate heap and object bytes the event occupies, for memory budgets.
std::size_t approximate_size(const car_event& event);
std::size_t approximate_size(const detection& found);

}  // namespace evtxcar
