#pragma once
// The time modifiers of the modifiers appendix (minute, hour, day, week,
// month, year): a number taken from a date value as Windows events write
// them ("2024-03-05 14:07:09.123", "2024-03-05T14:07:09.1234567Z",
// "2024-03-05"). No time zone or format conversion, as the appendix warns.

#include <cstdint>
#include <optional>
#include <string_view>

namespace evtxcar::sigma {

enum class date_part : std::uint8_t { none, minute, hour, day, week, month, year };

std::optional<date_part> parse_date_part(std::string_view modifier);

// The part of `text` (week: the ISO 8601 week number, 1..53); nothing when
// `text` is not such a date or lacks the part (a date without a time has no
// hour).
std::optional<int> date_part_of(std::string_view text, date_part part);

}  // namespace evtxcar::sigma
