#pragma once
// time_text: FILETIME and SYSTEMTIME substitution values as text (UTC).

#include <cstdint>
#include <string>

#include "../event_record.hpp"

namespace evtxcar::binxml {

// First FILETIME of year 10000: later times have no four-digit year.
inline constexpr filetime_ticks filetime_year_10000 = 2650467744000000000ULL;

// "2017-12-26T13:10:29.136879200Z": nine fraction digits, the last two
// always 0 (FILETIME counts 100 ns). From year 10000 on, which ISO 8601
// text with four-digit years cannot hold: "(0x01d37e4a 0x8e40e9b0)", the
// upper and lower 32 bits in hex.
void append_filetime_text(std::string& out, filetime_ticks ticks);

// The 16 bytes of a SYSTEMTIME (year, month, day of week, day, hour, minute,
// second, millisecond; u16 each) as "2017-12-26T13:10:29.136Z". Values no
// calendar has (month 13, hour 24, ...) are written as the eight fields in
// hex: "(0x07e1 0x000d ...)".
void append_systemtime_text(std::string& out, const std::uint8_t* data);

}  // namespace evtxcar::binxml
