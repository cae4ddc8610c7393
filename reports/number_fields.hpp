#pragma once
// number_fields: the CAR fields whose value is a whole number by their
// nature, whichever sensor logged the event (docs/data-model.md: process
// and thread ids are written decimal whatever the sensor wrote, ports,
// logon types, session ids, script block parts, threat ids, DNS status).
// events.jsonl writes them as JSON numbers, so that a field has one JSON
// type in every record; report.html matches them exactly in field search.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "car/car_event.hpp"

namespace evtxcar {

inline constexpr std::array number_fields = {
    car_field::pid,        car_field::ppid,           car_field::tid,         car_field::src_port,
    car_field::dest_port,  car_field::local_port,     car_field::target_pid,  car_field::src_pid,
    car_field::src_tid,    car_field::tgt_pid,        car_field::tgt_tid,     car_field::login_type,
    car_field::terminal_session_id, car_field::message_number, car_field::message_total,
    car_field::threat_id,  car_field::query_status,
};

constexpr bool is_number_field(car_field field) {
    return std::find(number_fields.begin(), number_fields.end(), field) != number_fields.end();
}

// The value of a canonical decimal whole number that a JavaScript reader
// (and so a JSON reader that maps numbers to doubles) holds exactly:
// digits only, no sign, no leading zero, below 2^53. Anything else is not.
inline std::optional<std::uint64_t> exact_whole_number(std::string_view text) {
    if (text.empty() || text.size() > 16 || (text.size() > 1 && text.front() == '0')) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value >= (std::uint64_t{1} << 53)) return std::nullopt;
    return value;
}

}  // namespace evtxcar
