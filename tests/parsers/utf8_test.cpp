#include "text/utf8.hpp"

#include <cstdint>
#include <vector>

#include "catch.hpp"

using namespace evtxcar;

namespace {
std::string from_utf16(std::vector<std::uint16_t> units) {
    std::vector<std::uint8_t> bytes;
    for (std::uint16_t unit : units) {
        bytes.push_back(static_cast<std::uint8_t>(unit & 0xFF));
        bytes.push_back(static_cast<std::uint8_t>(unit >> 8));
    }
    std::string out;
    append_utf16le_as_utf8(out, bytes.data(), units.size());
    return out;
}
}  // namespace

TEST_CASE("utf16 converts ASCII, BMP and astral characters", "[parsers][utf8]") {
    CHECK(from_utf16({'c', 'm', 'd'}) == "cmd");
    CHECK(from_utf16({0x00E9}) == "\xC3\xA9");                  // é
    CHECK(from_utf16({0x202E}) == "\xE2\x80\xAE");              // right-to-left override
    CHECK(from_utf16({0xD83D, 0xDE00}) == "\xF0\x9F\x98\x80");  // U+1F600 from its surrogate pair
}

TEST_CASE("utf16 replaces unpaired surrogates with U+FFFD", "[parsers][utf8]") {
    CHECK(from_utf16({0xD83D}) == "\xEF\xBF\xBD");
    CHECK(from_utf16({0xDE00, 'a'}) == "\xEF\xBF\xBD" "a");
    CHECK(from_utf16({0xD83D, 'a'}) == "\xEF\xBF\xBD" "a");
}

TEST_CASE("utf8 sanitizing keeps valid text and replaces invalid bytes", "[parsers][utf8]") {
    CHECK(sanitize_utf8("plain") == "plain");
    CHECK(sanitize_utf8("\xC3\xA9") == "\xC3\xA9");
    CHECK(sanitize_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // encoded surrogate
    CHECK(sanitize_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
}
