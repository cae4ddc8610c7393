#include "value_number.hpp"


#include "byte_span.hpp"
#include "time_text.hpp"

namespace evtxcar::binxml {

std::optional<std::uint64_t> value_as_unsigned(const value_ref& value) {
    switch (value.base_type()) {
        case value_uint8:
        case value_uint16:
        case value_uint32:
        case value_uint64:
        case value_hex_int32:
        case value_hex_int64:
            if (is_integer_size(value.size)) return load_integer(value);
            return std::nullopt;
        case value_size_t:
            if (value.size == 4 || value.size == 8) return load_integer(value);
            return std::nullopt;
        case value_int8:
        case value_int16:
        case value_int32:
        case value_int64: {
            if (!is_integer_size(value.size)) return std::nullopt;
            // "-N" reads as 2^64 - N: the two's complement of the sign-extended value.
            const std::uint64_t raw = load_integer(value);
            const unsigned bits = static_cast<unsigned>(value.size * 8);
            if (bits == 64) return raw;
            const std::uint64_t sign_bit = std::uint64_t{1} << (bits - 1);
            return (raw & sign_bit) != 0 ? raw | ~((std::uint64_t{1} << bits) - 1) : raw;
        }
        default:
            return std::nullopt;
    }
}

std::optional<filetime_ticks> value_as_filetime(const value_ref& value) {
    if (value.base_type() != value_filetime || value.size != 8) return std::nullopt;
    const filetime_ticks ticks = load_u64(value.data);
    return ticks < filetime_year_10000 ? ticks : 0;  // the hex form does not parse
}

}  // namespace evtxcar::binxml
