#pragma once
// FILETIME <-> ISO 8601 text. Every time evtxcar prints is UTC.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "event_record.hpp"

namespace evtxcar {

// "2017-12-26T13:10:29.1368792Z": ISO 8601, UTC, with `fraction_digits`
// (0..7) digits of the second; 7 keeps the full 100 ns precision.
std::string format_iso8601_utc(filetime_ticks ticks, int fraction_digits = 7);
// The same, appended to `out` (for a row being built: no string of its own).
void append_iso8601_utc(std::string& out, filetime_ticks ticks, int fraction_digits = 7);
// The same, written at `at`, which has room for iso8601_utc_max_size bytes;
// returns the end.
inline constexpr std::size_t iso8601_utc_max_size = 29;  // a five-digit year, seven fraction digits, 'Z'
char* put_iso8601_utc(char* at, filetime_ticks ticks, int fraction_digits = 7);

// Appends "2017-12-26T13:10:29": the date and time of `ticks` to the second,
// UTC (years past 9999 get a fifth digit).
void append_iso8601_seconds(std::string& out, filetime_ticks ticks);

// Writes the last `width` decimal digits of `value` at `at`, with leading
// zeros (for the fields of a time text).
void put_padded_digits(char* at, std::uint64_t value, std::size_t width);

// Parses "YYYY-MM-DD", "YYYY-MM-DDThh:mm", "...:ss" and "...:ss.fraction"
// ('T' or one space between date and time), optionally followed by "Z" or a
// "+hh:mm" / "-hh:mm" / "+hhmm" offset. Without an offset the time is UTC.
// Fraction digits beyond the 7th (100 ns) are dropped. Returns nothing for
// malformed text and for times before 1601 or beyond year 9999.
std::optional<filetime_ticks> parse_iso8601(std::string_view text);

// Seconds since 1970 <-> FILETIME.
inline constexpr filetime_ticks unix_epoch_ticks = 116444736000000000ULL;
inline constexpr filetime_ticks ticks_per_second = 10000000ULL;

}  // namespace evtxcar
