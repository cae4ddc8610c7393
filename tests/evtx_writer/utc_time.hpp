#pragma once
// Civil UTC time <-> FILETIME for scenarios and for the text that event XML
// shows. Deliberately independent of parsers/filetime: the writer is the
// oracle that the parsers are checked against.

#include <cstdint>
#include <string>

namespace evtxcar::evtx_writer {

// 100-nanosecond ticks since 1601-01-01T00:00:00Z.
using filetime = std::uint64_t;

inline constexpr filetime ticks_per_second = 10'000'000;
inline constexpr filetime ticks_per_millisecond = 10'000;

struct utc_time {
    int year = 1601;
    unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0;
    std::uint32_t fraction = 0;  // ticks (0..9'999'999)
};

filetime to_filetime(const utc_time& time);
utc_time to_utc_time(filetime ticks);

// "2026-03-10T09:14:03.1234567Z" with `fraction_digits` (0..9) digits of the
// second; digits beyond the 7th are zeros. date_time_separator 'T' or ' ',
// `zone_suffix` "Z" or "".
std::string format_utc(filetime ticks, int fraction_digits, char date_time_separator = 'T',
                       const char* zone_suffix = "Z");

// The form in which event XML (libevtx) shows FILETIME values: nine digits.
inline std::string format_event_xml_time(filetime ticks) { return format_utc(ticks, 9); }

// SYSTEMTIME fields (day of week computed).
struct systemtime {
    std::uint16_t year, month, day_of_week, day, hour, minute, second, milliseconds;
};
systemtime to_systemtime(filetime ticks);

}  // namespace evtxcar::evtx_writer
