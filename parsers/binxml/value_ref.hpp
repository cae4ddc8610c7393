#pragma once
// value_ref: one substitution value of a template instance (its type byte
// and its bytes in the chunk), and the items of array values.

#include <cstddef>
#include <cstdint>

#include "binxml_format.hpp"

namespace evtxcar::binxml {

struct value_ref {
    std::uint8_t type = value_null;  // as the value descriptor has it, array flag included
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;

    bool is_array() const { return (type & value_array_flag) != 0 && type != value_binxml; }
    std::uint8_t base_type() const { return static_cast<std::uint8_t>(type & ~value_array_flag); }
};

// True when `size` is one an integer value can have (1, 2, 4 or 8 bytes).
inline bool is_integer_size(std::size_t size) { return size == 1 || size == 2 || size == 4 || size == 8; }

// The unsigned integer in the value's bytes (little-endian; size 1, 2, 4 or 8).
std::uint64_t load_integer(const value_ref& value);

// True for the value types binary XML defines (arrays included).
bool is_known_value_type(std::uint8_t type);

// Items an array value yields when an element repeats once per item: the
// strings of a string array (each ends at a NUL), the fixed-size values of
// other arrays (a trailing partial item is dropped). An empty array yields
// one empty item.
std::size_t array_item_count(const value_ref& array);

// The item of `array` that starts at byte `offset`, as a value of the
// array's base type (string items exclude their NUL); `offset` moves past
// it. Start at 0 and call array_item_count times.
value_ref next_array_item(const value_ref& array, std::size_t& offset);

// The first item of `array` (array_item_count > 0).
value_ref first_array_item(const value_ref& array);

}  // namespace evtxcar::binxml
