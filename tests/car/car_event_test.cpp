// car_event's own swap exchanges every member, as std::swap's moves would.
#include "car/car_event.hpp"

#include <string>

#include "catch.hpp"

using namespace evtxcar;

namespace {

// An event whose every member differs from the other `which`'s; long texts
// live on the heap, short ones in the string itself.
car_event filled(unsigned which) {
    const std::string tag = std::to_string(which);
    const std::string long_text(40, static_cast<char>('a' + which));
    car_event event;
    event.object = "process" + tag;
    event.action = long_text;
    event.values = {{car_field::command_line, long_text + tag}};
    event.time = 133000000000000000ULL + which;
    event.file_index = 10u + which;
    event.record_id = 20u + which;
    event.record_offset = 30u + which;
    event.channel = "Security" + tag;
    event.provider = long_text + "provider";
    event.event_id = 4688u + which;
    event.version = static_cast<std::uint8_t>(1 + which);
    event.level = static_cast<std::uint8_t>(2 + which);
    event.task = static_cast<std::uint16_t>(3 + which);
    event.opcode = static_cast<std::uint8_t>(4 + which);
    event.keywords = 0x8020000000000000ULL + which;
    event.user_sid = "S-1-5-" + tag;
    event.payload = which == 0 ? payload_kind::event_data : payload_kind::user_data;
    event.payload_name = "Payload" + tag;
    event.fields = {{"NewProcessName", long_text}, {"Index", tag}};
    event.analytics = {"CAR-2013-02-003:pseudocode" + tag};
    event.copies = {which, 7u};
    return event;
}

}  // namespace

TEST_CASE("car_event: swap exchanges every member", "[car]") {
    const car_event first = filled(0u);
    const car_event second = filled(1u);
    REQUIRE_FALSE(first == second);
    car_event a = first;
    car_event b = second;
    swap(a, b);
    CHECK(a == second);
    CHECK(b == first);
    swap(a, a);  // with itself: unchanged
    CHECK(a == second);
}
