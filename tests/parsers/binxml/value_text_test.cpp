// value_text: substitution values as text. Expected strings are the forms
// evtxexport (libevtx 20181227) prints, taken from its output on the corpus
// (e.g. sysmon.evtx: the provider GUID, TimeCreated, LogonId) or from the
// format description; where evtxcar departs from libevtx on purpose the
// test says so.
#include "binxml/value_text.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "binxml/real_text.hpp"
#include "catch.hpp"

using namespace evtxcar::binxml;

namespace {

std::string text_of(std::uint8_t type, std::vector<std::uint8_t> bytes) {
    std::string out;
    append_value_text(out, value_ref{type, bytes.data(), bytes.size()});
    return out;
}

std::vector<std::uint8_t> le(std::uint64_t value, std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(value >> (8 * i));
    return bytes;
}

std::vector<std::uint8_t> utf16(std::u16string_view text) {
    std::vector<std::uint8_t> bytes;
    for (char16_t c : text) {
        bytes.push_back(static_cast<std::uint8_t>(c & 0xFF));
        bytes.push_back(static_cast<std::uint8_t>(c >> 8));
    }
    return bytes;
}

}  // namespace

TEST_CASE("value_text writes integers in decimal at the value's width", "[binxml][value_text]") {
    CHECK(text_of(value_uint8, {200}) == "200");
    CHECK(text_of(value_uint16, le(9112, 2)) == "9112");
    CHECK(text_of(value_uint32, le(4294967295u, 4)) == "4294967295");
    CHECK(text_of(value_uint64, le(1742, 8)) == "1742");
    CHECK(text_of(value_int32, le(5252, 4)) == "5252");
    // evtxcar writes the value; libevtx writes the magnitude bits after a '-'
    // ("-127" for -1 in 8 bits): docs/engine-differences.md.
    CHECK(text_of(value_int8, {0xFF}) == "-1");
    CHECK(text_of(value_int16, le(0x8000, 2)) == "-32768");
    CHECK(text_of(value_int64, le(0xFFFFFFFFFFFFFFFEull, 8)) == "-2");
}

TEST_CASE("value_text writes hex integers with two lowercase digits per byte", "[binxml][value_text]") {
    CHECK(text_of(value_hex_int64, le(0x8000000000000000ull, 8)) == "0x8000000000000000");  // Keywords
    CHECK(text_of(value_hex_int64, le(0x3e7, 8)) == "0x00000000000003e7");                  // Sysmon LogonId
    CHECK(text_of(value_hex_int32, le(0x10, 4)) == "0x00000010");
}

TEST_CASE("value_text writes size_t in decimal and booleans as words", "[binxml][value_text]") {
    CHECK(text_of(value_size_t, le(4096, 8)) == "4096");
    CHECK(text_of(value_size_t, le(7, 4)) == "7");
    CHECK(text_of(value_bool, le(1, 4)) == "true");
    CHECK(text_of(value_bool, le(0, 4)) == "false");
    CHECK(text_of(value_bool, le(2, 4)) == "true");  // irregular values: any non-zero is true
}

TEST_CASE("value_text writes GUIDs braced in upper case and SIDs in S- form", "[binxml][value_text]") {
    const std::vector<std::uint8_t> sysmon = {0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43,
                                              0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f, 0xfb, 0xd9};
    CHECK(text_of(value_guid, sysmon) == "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    const std::vector<std::uint8_t> local_system = {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0};
    CHECK(text_of(value_sid, local_system) == "S-1-5-18");
    // MemberSid of a 4732 event in the corpus, as evtxexport prints it.
    const std::vector<std::uint8_t> domain_user = {0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x15, 0x00,
                                                   0x00, 0x00, 0xfc, 0x89, 0xa6, 0x57, 0x2c, 0xbb, 0x01, 0xe0,
                                                   0x6f, 0x9c, 0x0e, 0xdf, 0xe9, 0x03, 0x00, 0x00};
    CHECK(text_of(value_sid, domain_user) == "S-1-5-21-1470532092-3758209836-3742276719-1001");
}

TEST_CASE("value_text writes FILETIME with nine fraction digits", "[binxml][value_text]") {
    // Sysmon record 1742's TimeCreated as evtxexport prints it.
    CHECK(text_of(value_filetime, le(131587674291368792ull, 8)) == "2017-12-26T13:10:29.136879200Z");
    CHECK(text_of(value_filetime, le(0, 8)) == "1601-01-01T00:00:00.000000000Z");
    // Beyond year 9999: both halves in hex.
    CHECK(text_of(value_filetime, le(0xFFFFFFFFFFFFFFFFull, 8)) == "(0xffffffff 0xffffffff)");
}

TEST_CASE("value_text writes SYSTEMTIME with milliseconds", "[binxml][value_text]") {
    std::vector<std::uint8_t> bytes;
    for (std::uint64_t field : {2019u, 3u, 5u, 8u, 20u, 26u, 17u, 235u}) {
        const auto two = le(field, 2);
        bytes.insert(bytes.end(), two.begin(), two.end());
    }
    CHECK(text_of(value_systemtime, bytes) == "2019-03-08T20:26:17.235Z");
    bytes[2] = 13;  // month 13
    CHECK(text_of(value_systemtime, bytes) == "(0x07e3 0x000d 0x0005 0x0008 0x0014 0x001a 0x0011 0x00eb)");
}

TEST_CASE("value_text writes binary as uppercase hex", "[binxml][value_text]") {
    CHECK(text_of(value_binary, {0x0a, 0x0b, 0xff}) == "0A0BFF");
    CHECK(text_of(value_binary, {}).empty());
    CHECK(text_of(value_guid, {1, 2, 3}) == "010203");  // a GUID of the wrong size is shown as bytes
}

TEST_CASE("value_text reads strings up to the first NUL", "[binxml][value_text]") {
    CHECK(text_of(value_string, utf16(u"C:\\Windows\\Temp\\")) == "C:\\Windows\\Temp\\");
    CHECK(text_of(value_string, utf16(std::u16string_view(u"abc\0def", 7))) == "abc");
    CHECK(text_of(value_string, utf16(u"\u00e9\U0001F600")) == "\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(text_of(value_ansi_string, {'a', 0x80, 0xE9, 0x81, 0, 'b'}) == "a\xE2\x82\xAC\xC3\xA9\xEF\xBF\xBD");
}

TEST_CASE("real_text writes seven significant digits in scientific form", "[binxml][value_text]") {
    // The forms of libevtx's floating-point text (the format description's
    // "Floating point" section; libevtx writes "Inf"/"NaN"/"Ind" without "1.#").
    auto single = [](float f) {
        std::uint32_t bits;
        std::memcpy(&bits, &f, sizeof bits);
        std::string out;
        append_real_text(out, bits, true);
        return out;
    };
    auto dual = [](double d) {
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        std::string out;
        append_real_text(out, bits, false);
        return out;
    };
    CHECK(single(1.0f) == "1.000000e+000");
    CHECK(single(0.5f) == "5.000000e-001");
    CHECK(single(-2.5f) == "-2.500000e+000");
    CHECK(single(0.0f) == "0.000000e+000");
    CHECK(dual(1234.5) == "1.234500e+003");
    CHECK(dual(1e-10) == "1.000000e-010");
    CHECK(single(std::numeric_limits<float>::infinity()) == "Inf");
    CHECK(dual(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(dual(-std::numeric_limits<double>::quiet_NaN()) == "Ind");
}

TEST_CASE("value_text treats a lone line feed specially", "[binxml][value_text]") {
    const auto lf = utf16(u"\n");
    CHECK(value_is_lone_line_feed(value_ref{value_string, lf.data(), lf.size()}));
    const auto two = utf16(u"\n\n");
    CHECK_FALSE(value_is_lone_line_feed(value_ref{value_string, two.data(), two.size()}));
}
