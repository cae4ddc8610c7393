#pragma once
// Typed substitution values: the data of a template instance. Each value
// keeps its encoded bytes and the text event XML shows for it, taken from what
// the scenario wrote, never decoded back from the bytes. The notation is the
// one libevtx's evtxexport uses (uppercase GUIDs, 0x-prefixed zero-padded hex
// integers, 1.500000e+000, FILETIMEs with nine fraction digits), with the
// correct value where libevtx 20181227 prints a wrong one (negative integers,
// characters outside the BMP, lone surrogates: see docs/testdata.md).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "binxml/binxml_format.hpp"
#include "guid.hpp"
#include "little_endian.hpp"
#include "utc_time.hpp"

namespace evtxcar::evtx_writer {

struct template_instance;

class substitution_value {
public:
    substitution_value() = default;  // null

    std::uint8_t type() const { return type_; }
    bool is_null() const { return type_ == binxml::value_null; }
    bool is_array() const { return (type_ & binxml::value_array_flag) != 0; }
    const byte_buffer& data() const { return data_; }
    // The nested binary XML of a value of type 0x21, else nullptr.
    const template_instance* fragment() const { return fragment_.get(); }
    // Text shown in event XML: one, or one per element of an array (an
    // empty array shows one empty text); none for null and binary XML.
    std::size_t text_count() const { return is_array() ? item_texts_.size() : has_text_ ? 1 : 0; }
    const std::string& text(std::size_t index = 0) const { return is_array() ? item_texts_.at(index) : text_; }

    static substitution_value make(std::uint8_t type, byte_buffer data, std::string text);
    static substitution_value make_array(std::uint8_t type, byte_buffer data, std::vector<std::string> item_texts);
    static substitution_value make_fragment(template_instance fragment);

private:
    std::uint8_t type_ = binxml::value_null;
    bool has_text_ = false;
    byte_buffer data_;
    std::string text_;
    std::vector<std::string> item_texts_;
    std::shared_ptr<const template_instance> fragment_;
};

// --- scalar values
substitution_value null_value();
substitution_value string_value(std::string_view utf8);           // 0x01
substitution_value utf16_string_value(std::u16string_view text);  // 0x01, any code units (lone surrogates too)
substitution_value ansi_string_value(std::string_view text);      // 0x02 (bytes as given; ASCII shows as itself)
substitution_value int8_value(std::int8_t value);
substitution_value uint8_value(std::uint8_t value);
substitution_value int16_value(std::int16_t value);
substitution_value uint16_value(std::uint16_t value);
substitution_value int32_value(std::int32_t value);
substitution_value uint32_value(std::uint32_t value);
substitution_value int64_value(std::int64_t value);
substitution_value uint64_value(std::uint64_t value);
substitution_value real32_value(float value);
substitution_value real64_value(double value);
substitution_value bool_value(bool value);
substitution_value binary_value(std::span<const std::uint8_t> bytes);
substitution_value guid_value(const guid& value);
substitution_value size_t_value(std::uint64_t value, bool wide = true);  // 0x10, 8 bytes (or 4)
substitution_value filetime_value(filetime value);
substitution_value systemtime_value(filetime value);  // stored as SYSTEMTIME (millisecond precision)
substitution_value sid_value(std::string_view text);  // "S-1-5-18"
substitution_value hex_int32_value(std::uint32_t value);
substitution_value hex_int64_value(std::uint64_t value);
substitution_value fragment_value(template_instance fragment);  // 0x21: nested binary XML

// --- arrays (type | 0x80): the elements' bytes back to back; strings each
// end with a NUL character.
substitution_value string_array_value(const std::vector<std::string>& items);
substitution_value ansi_string_array_value(const std::vector<std::string>& items);
// Fixed-size elements, all of `element_type` (e.g. value_int32); `items`
// made with the scalar functions above.
substitution_value array_value(std::uint8_t element_type, const std::vector<substitution_value>& items);

}  // namespace evtxcar::evtx_writer
