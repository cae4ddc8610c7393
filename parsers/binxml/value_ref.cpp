#include "value_ref.hpp"

#include <algorithm>

#include "byte_span.hpp"

namespace evtxcar::binxml {

namespace {

// Bytes one item of an array of `base` takes; 0 for variable-size items
// (strings, SIDs) and for types whose arrays are one blob.
std::size_t fixed_item_size(std::uint8_t base, std::size_t total) {
    switch (base) {
        case value_int8:
        case value_uint8:
            return 1;
        case value_int16:
        case value_uint16:
            return 2;
        case value_int32:
        case value_uint32:
        case value_real32:
        case value_bool:
        case value_hex_int32:
            return 4;
        case value_int64:
        case value_uint64:
        case value_real64:
        case value_filetime:
        case value_hex_int64:
            return 8;
        case value_guid:
        case value_systemtime:
            return 16;
        case value_size_t:
            return total % 8 == 0 ? 8 : 4;
        default:
            return 0;
    }
}

// Size of the string item starting at `from` (NUL excluded) and of the
// bytes it occupies (NUL included when present).
struct string_extent {
    std::size_t text;
    std::size_t stored;
};

string_extent string_item(const value_ref& array, std::size_t from) {
    const std::size_t unit = array.base_type() == value_string ? 2 : 1;
    std::size_t at = from;
    while (at + unit <= array.size) {
        const bool nul = unit == 2 ? (array.data[at] == 0 && array.data[at + 1] == 0) : array.data[at] == 0;
        if (nul) return {at - from, at - from + unit};
        at += unit;
    }
    return {at - from, array.size - from};  // unterminated last item (an odd trailing byte included)
}

std::size_t sid_size(const value_ref& array, std::size_t from) {
    if (from + 8 > array.size) return array.size - from;
    const std::size_t size = 8 + std::size_t{array.data[from + 1]} * 4;
    return from + size <= array.size ? size : array.size - from;
}

bool is_string_array(std::uint8_t base) { return base == value_string || base == value_ansi_string; }

}  // namespace

std::uint64_t load_integer(const value_ref& value) {
    switch (value.size) {
        case 1:
            return value.data[0];
        case 2:
            return load_u16(value.data);
        case 4:
            return load_u32(value.data);
        default:
            return load_u64(value.data);
    }
}

bool is_known_value_type(std::uint8_t type) {
    if (type == value_binxml || type == value_evt_handle || type == value_evt_xml) return true;
    const auto base = static_cast<std::uint8_t>(type & ~value_array_flag);
    return base <= value_hex_int64 && (base != value_null || type == value_null);
}

std::size_t array_item_count(const value_ref& array) {
    if (array.size == 0) return 1;
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < array.size; ++count) {
        const std::size_t before = offset;
        next_array_item(array, offset);
        if (offset == before) return count == 0 ? 1 : count;  // types whose arrays are one blob
    }
    return count;
}

value_ref next_array_item(const value_ref& array, std::size_t& offset) {
    const std::uint8_t base = array.base_type();
    value_ref item{base, array.data + std::min(offset, array.size), 0};
    if (offset >= array.size) return item;
    if (is_string_array(base)) {
        const string_extent extent = string_item(array, offset);
        item.size = extent.text;
        offset += extent.stored;
        return item;
    }
    if (base == value_sid) {
        item.size = sid_size(array, offset);
        offset += item.size;
        return item;
    }
    const std::size_t size = fixed_item_size(base, array.size);
    if (size == 0) {  // one blob: the whole value, once
        item.size = array.size;
        return item;
    }
    if (offset + size > array.size) {  // a trailing partial item counts as none
        offset = array.size;
        return item;
    }
    item.size = size;
    offset += size;
    return item;
}

value_ref first_array_item(const value_ref& array) {
    std::size_t offset = 0;
    return next_array_item(array, offset);
}

}  // namespace evtxcar::binxml
