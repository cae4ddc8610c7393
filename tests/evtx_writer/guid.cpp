#include "guid.hpp"

#include <array>
#include <stdexcept>

#include "little_endian.hpp"

namespace evtxcar::evtx_writer {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::uint64_t fnv1a_64(std::string_view text, std::uint64_t hash) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ull;
    }
    return hash;
}

}  // namespace

std::uint32_t guid::data1() const { return load_le<std::uint32_t>(bytes.data()); }

guid parse_guid(std::string_view text) {
    if (text.size() == 38 && text.front() == '{' && text.back() == '}') text = text.substr(1, 36);
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') {
        throw std::invalid_argument("not a GUID: " + std::string(text));
    }
    // Hex digits in printed order; Data1..Data3 are stored byte-reversed.
    std::array<std::uint8_t, 16> printed{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '-') continue;
        const int high = hex_digit(text[i]);
        const int low = hex_digit(text[++i]);
        if (high < 0 || low < 0) throw std::invalid_argument("not a GUID: " + std::string(text));
        printed[n++] = static_cast<std::uint8_t>(high * 16 + low);
    }
    static constexpr std::array<std::size_t, 16> stored_from_printed = {3, 2, 1,  0,  5,  4,  7,  6,
                                                                        8, 9, 10, 11, 12, 13, 14, 15};
    guid value;
    for (std::size_t i = 0; i < 16; ++i) value.bytes[i] = printed[stored_from_printed[i]];
    return value;
}

std::string format_guid(const guid& value, bool lowercase) {
    // Printed order of the stored bytes: Data1..Data3 reversed, Data4 as is.
    static constexpr std::array<std::size_t, 16> printed_order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    const char* digits = lowercase ? "0123456789abcdef" : "0123456789ABCDEF";
    std::string text = "{";
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        const std::uint8_t b = value.bytes[printed_order[i]];
        text += digits[b >> 4];
        text += digits[b & 15];
    }
    text += '}';
    return text;
}

guid guid_from_seed(std::string_view seed) {
    const std::uint64_t first = fnv1a_64(seed, 0xCBF29CE484222325ull);
    const std::uint64_t second = fnv1a_64(seed, first ^ 0x9E3779B97F4A7C15ull);
    guid value;
    store_le(value.bytes.data(), first);
    store_le(value.bytes.data() + 8, second);
    return value;
}

}  // namespace evtxcar::evtx_writer
