#include "value_text.hpp"

#include <array>
#include <cstring>

#include "../text/utf8.hpp"
#include "byte_span.hpp"
#include "real_text.hpp"
#include "time_text.hpp"

namespace evtxcar::binxml {

namespace {

constexpr char lower_hex[] = "0123456789abcdef";
constexpr char upper_hex[] = "0123456789ABCDEF";

// Two digits at a time: "00" .. "99".
constexpr auto digit_pairs = [] {
    std::array<char, 200> pairs{};
    for (int i = 0; i < 100; ++i) {
        pairs[static_cast<std::size_t>(2 * i)] = static_cast<char>('0' + i / 10);
        pairs[static_cast<std::size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
    }
    return pairs;
}();

// Writes the decimal digits of `value` so that they end at `end`; returns
// where they start.
char* decimal_digits_before(char* end, std::uint64_t value) {
    char* first = end;
    while (value >= 100) {
        const std::size_t pair = static_cast<std::size_t>(value % 100) * 2;
        value /= 100;
        *--first = digit_pairs[pair + 1];
        *--first = digit_pairs[pair];
    }
    if (value >= 10) {
        const std::size_t pair = static_cast<std::size_t>(value) * 2;
        *--first = digit_pairs[pair + 1];
        *--first = digit_pairs[pair];
    } else {
        *--first = static_cast<char>('0' + value);
    }
    return first;
}

constexpr std::size_t max_decimal_digits = 20;

void append_decimal(std::string& out, std::uint64_t value) {
    char digits[max_decimal_digits];
    const char* first = decimal_digits_before(digits + sizeof digits, value);
    out.append(first, static_cast<std::size_t>(digits + sizeof digits - first));
}

// Writes the decimal digits of `value` at `out`; returns the end.
char* write_decimal(char* out, std::uint64_t value) {
    char digits[max_decimal_digits];
    const char* first = decimal_digits_before(digits + sizeof digits, value);
    const auto count = static_cast<std::size_t>(digits + sizeof digits - first);
    std::memcpy(out, first, count);
    return out + count;
}

void append_signed(std::string& out, const value_ref& value) {
    const std::uint64_t raw = load_integer(value);
    const unsigned bits = static_cast<unsigned>(value.size * 8);
    const std::uint64_t sign_bit = std::uint64_t{1} << (bits - 1);
    if ((raw & sign_bit) == 0) {
        append_decimal(out, raw);
        return;
    }
    // Two's complement magnitude of a negative value of `bits` bits.
    const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
    out.push_back('-');
    append_decimal(out, ((~raw) & mask) + 1);
}

void append_hex_integer(std::string& out, const std::uint8_t* data, std::size_t size) {
    char text[2 + 16];
    text[0] = '0';
    text[1] = 'x';
    char* write = text + 2;
    for (std::size_t i = size; i-- > 0;) {
        *write++ = lower_hex[data[i] >> 4];
        *write++ = lower_hex[data[i] & 0x0F];
    }
    out.append(text, static_cast<std::size_t>(write - text));
}

void append_binary(std::string& out, const std::uint8_t* data, std::size_t size) {
    const std::size_t start = out.size();
    out.resize(start + size * 2);
    char* write = out.data() + start;
    for (std::size_t i = 0; i < size; ++i) {
        *write++ = upper_hex[data[i] >> 4];
        *write++ = upper_hex[data[i] & 0x0F];
    }
}

void append_ansi(std::string& out, const std::uint8_t* data, std::size_t size) {
    for (std::size_t i = 0; i < size && data[i] != 0; ++i) {
        const std::uint8_t byte = data[i];
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte));
        } else if (byte < 0xA0) {
            append_code_point(out, windows_1252_0x80[byte - 0x80]);
        } else {
            append_code_point(out, byte);
        }
    }
}

void append_guid(std::string& out, const std::uint8_t* data) {
    // Data1 (u32), Data2 (u16), Data3 (u16) little-endian; Data4 as stored.
    char text[38];
    char* write = text;
    auto hex_bytes = [&write](const std::uint8_t* bytes, std::size_t count, bool reversed) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint8_t b = bytes[reversed ? count - 1 - i : i];
            *write++ = upper_hex[b >> 4];
            *write++ = upper_hex[b & 0x0F];
        }
    };
    *write++ = '{';
    hex_bytes(data, 4, true);
    *write++ = '-';
    hex_bytes(data + 4, 2, true);
    *write++ = '-';
    hex_bytes(data + 6, 2, true);
    *write++ = '-';
    hex_bytes(data + 8, 2, false);
    *write++ = '-';
    hex_bytes(data + 10, 6, false);
    *write++ = '}';
    out.append(text, sizeof text);
}

// S-<revision>-<authority>-<sub authority>...; false when the bytes are too
// few for the sub-authorities the SID announces.
bool append_sid(std::string& out, const std::uint8_t* data, std::size_t size) {
    if (size < 8) return false;
    const std::size_t sub_authorities = data[1];
    if (size < 8 + sub_authorities * 4) return false;
    std::uint64_t authority = 0;
    for (std::size_t i = 2; i < 8; ++i) authority = (authority << 8) | data[i];
    // Written in place: room for "S-", the revision (3 digits), "-", the
    // authority (at most "0x" and 12 hex digits) and "-" and 10 digits per
    // sub-authority.
    const std::size_t start = out.size();
    out.resize(start + 2 + 3 + 1 + 14 + sub_authorities * 11);
    char* write = out.data() + start;
    *write++ = 'S';
    *write++ = '-';
    write = write_decimal(write, data[0]);
    *write++ = '-';
    if (authority <= 0xFFFFFFFFu) {
        write = write_decimal(write, authority);
    } else {
        *write++ = '0';
        *write++ = 'x';
        for (std::size_t i = 2; i < 8; ++i) {
            *write++ = upper_hex[data[i] >> 4];
            *write++ = upper_hex[data[i] & 0x0F];
        }
    }
    for (std::size_t i = 0; i < sub_authorities; ++i) {
        *write++ = '-';
        write = write_decimal(write, load_u32(data + 8 + i * 4));
    }
    out.resize(static_cast<std::size_t>(write - out.data()));
    return true;
}

}  // namespace

void append_value_text(std::string& out, const value_ref& value) {
    const std::uint8_t* data = value.data;
    const std::size_t size = value.size;
    switch (value.base_type()) {
        case value_null:
            return;
        case value_string:
            append_utf16le_until_nul_as_utf8(out, data, size / 2);
            return;
        case value_ansi_string:
            append_ansi(out, data, size);
            return;
        case value_int8:
        case value_int16:
        case value_int32:
        case value_int64:
            if (is_integer_size(size)) return append_signed(out, value);
            break;
        case value_uint8:
        case value_uint16:
        case value_uint32:
        case value_uint64:
            if (is_integer_size(size)) return append_decimal(out, load_integer(value));
            break;
        case value_size_t:
            if (size == 4 || size == 8) return append_decimal(out, load_integer(value));
            break;
        case value_hex_int32:
        case value_hex_int64:
            if (is_integer_size(size)) return append_hex_integer(out, data, size);
            break;
        case value_bool:
            if (is_integer_size(size)) {
                out += load_integer(value) != 0 ? "true" : "false";
                return;
            }
            break;
        case value_real32:
        case value_real64:
            if (size == 4 || size == 8) return append_real_text(out, load_integer(value), size == 4);
            break;
        case value_binary:
            break;
        case value_guid:
            if (size == 16) return append_guid(out, data);
            break;
        case value_filetime:
            if (size == 8) return append_filetime_text(out, load_u64(data));
            break;
        case value_systemtime:
            if (size >= 16) return append_systemtime_text(out, data);
            break;
        case value_sid:
            if (append_sid(out, data, size)) return;
            break;
        default:
            break;
    }
    append_binary(out, data, size);
}


}  // namespace evtxcar::binxml
