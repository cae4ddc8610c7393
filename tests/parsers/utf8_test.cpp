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
    CHECK(from_utf16({0xDE00, 'a'}) ==
          "\xEF\xBF\xBD"
          "a");
    CHECK(from_utf16({0xD83D, 'a'}) ==
          "\xEF\xBF\xBD"
          "a");
}

TEST_CASE("utf8 sanitizing keeps valid text and replaces invalid bytes", "[parsers][utf8]") {
    CHECK(sanitize_utf8("plain") == "plain");
    CHECK(sanitize_utf8("\xC3\xA9") == "\xC3\xA9");
    CHECK(sanitize_utf8("a\xFF"
                        "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
    CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // encoded surrogate
    CHECK(sanitize_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated sequence
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST_CASE("utf16 until NUL stops at the first NUL, with or without the fast path", "[parsers][utf8]") {
    auto convert = [](std::vector<std::uint16_t> units) {
        std::vector<std::uint8_t> bytes;
        for (std::uint16_t unit : units) {
            bytes.push_back(static_cast<std::uint8_t>(unit & 0xFF));
            bytes.push_back(static_cast<std::uint8_t>(unit >> 8));
        }
        std::string out = "=";
        const std::size_t read = append_utf16le_until_nul_as_utf8(out, bytes.data(), units.size());
        return std::make_pair(out, read);
    };
    CHECK(convert({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}) ==
          std::make_pair(std::string("=abcdefghi"), std::size_t{9}));
    CHECK(convert({'a', 'b', 0, 'd', 'e', 'f'}) == std::make_pair(std::string("=ab"), std::size_t{2}));
    CHECK(convert({'a', 'b', 'c', 'd', 0, 'f', 'g', 'h'}) == std::make_pair(std::string("=abcd"), std::size_t{4}));
    CHECK(convert({0}) == std::make_pair(std::string("="), std::size_t{0}));
    CHECK(convert({'x', 0x00E9, 'y', 'z', 'w'}).first == "=x\xC3\xA9yzw");
    CHECK(convert({0xD83D, 0xDE00, 'a', 'b', 'c', 'd'}).first ==
          "=\xF0\x9F\x98\x80"
          "abcd");
    CHECK(convert({'a', 'b', 'c', 0xD83D}).first == "=abc\xEF\xBF\xBD");  // high surrogate at the end
}

TEST_CASE("utf16 until NUL: a NUL or a non-ASCII character at every place of short and long text", "[parsers][utf8]") {
    // The conversion takes ASCII eight and four code units at a time: every
    // length and place checks where those steps begin and end.
    for (std::size_t length = 1; length <= 20; ++length) {
        for (std::size_t place = 0; place < length; ++place) {
            CAPTURE(length, place);
            std::vector<std::uint8_t> with_nul;
            std::vector<std::uint8_t> with_e_acute;
            std::string before;  // the ASCII letters before `place`
            std::string after;
            for (std::size_t i = 0; i < length; ++i) {
                const char letter = static_cast<char>('a' + i);
                if (i < place) before.push_back(letter);
                if (i > place) after.push_back(letter);
                with_nul.push_back(i == place ? 0 : static_cast<std::uint8_t>(letter));
                with_nul.push_back(0);
                with_e_acute.push_back(i == place ? 0xE9 : static_cast<std::uint8_t>(letter));  // U+00E9
                with_e_acute.push_back(0);
            }
            std::string up_to_nul(1, '=');
            CHECK(append_utf16le_until_nul_as_utf8(up_to_nul, with_nul.data(), length) == place);
            CHECK(up_to_nul == "=" + before);
            std::string accented(1, '=');
            CHECK(append_utf16le_until_nul_as_utf8(accented, with_e_acute.data(), length) == length);
            CHECK(accented == "=" + before + "\xC3\xA9" + after);
        }
    }
}
