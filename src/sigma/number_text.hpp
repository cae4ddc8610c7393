#pragma once
// Numbers written as text, in rules and in event values.

#include <optional>
#include <string_view>

namespace evtxcar::sigma {

// Decimal (integer or real) or 0x-hexadecimal, blanks around allowed;
// nothing for anything else.
std::optional<double> parse_number(std::string_view text);

}  // namespace evtxcar::sigma
