#include "substitution_value.hpp"

#include <bit>
#include <cstdio>
#include <stdexcept>

#include "sid.hpp"
#include "utf16_text.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

namespace {

template <typename T>
byte_buffer bytes_of(T value) {
    byte_buffer out;
    append_le(out, value);
    return out;
}

// A decimal integer stored in the width of `Stored` (two's complement).
template <typename Stored, typename T>
substitution_value integer_value(std::uint8_t type, T value) {
    return substitution_value::make(type, bytes_of(static_cast<Stored>(value)), std::to_string(value));
}

std::string hex_text(std::uint64_t value, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string text(static_cast<std::size_t>(digits) + 2, '0');
    text[1] = 'x';
    for (std::size_t i = text.size() - 1; i >= 2; --i, value >>= 4) text[i] = hex[value & 15];
    return text;
}

// Floating point values show in scientific notation with six fraction digits
// and a three-digit exponent: 1.500000e+000.
std::string real_text(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6e", value);
    const std::string_view shown(text);
    const std::size_t e = shown.find('e');
    const std::string_view digits = shown.substr(e + 2);  // after "e+" or "e-"
    return std::string(shown.substr(0, e + 2)) + std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') +
           std::string(digits);
}

std::string upper_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string text;
    for (const std::uint8_t b : bytes) {
        text.push_back(digits[b >> 4]);
        text.push_back(digits[b & 15]);
    }
    return text;
}

}  // namespace

substitution_value substitution_value::make(std::uint8_t type, byte_buffer data, std::string text) {
    if (data.size() > 0xFFFF) throw std::length_error("substitution value larger than 65535 bytes");
    substitution_value value;
    value.type_ = type;
    value.has_text_ = true;
    value.data_ = std::move(data);
    value.text_ = std::move(text);
    return value;
}

substitution_value substitution_value::make_array(std::uint8_t type, byte_buffer data,
                                                  std::vector<std::string> item_texts) {
    if (data.size() > 0xFFFF) throw std::length_error("substitution value larger than 65535 bytes");
    if (item_texts.empty()) item_texts.emplace_back();  // an empty array shows one empty element
    substitution_value value;
    value.type_ = type;
    value.data_ = std::move(data);
    value.item_texts_ = std::move(item_texts);
    return value;
}

substitution_value substitution_value::make_fragment(template_instance fragment) {
    substitution_value value;
    value.type_ = binxml::value_binxml;
    value.fragment_ = std::make_shared<const template_instance>(std::move(fragment));
    return value;
}

substitution_value null_value() { return {}; }

substitution_value string_value(std::string_view utf8) {
    // utf16_from_utf8 rejects invalid UTF-8, so the text shown is the input.
    byte_buffer data;
    append_utf16le(data, utf8);
    return substitution_value::make(binxml::value_string, std::move(data), std::string(utf8));
}

substitution_value utf16_string_value(std::u16string_view text) {
    byte_buffer data;
    append_utf16le(data, text);
    return substitution_value::make(binxml::value_string, std::move(data), utf8_from_utf16(text));
}

substitution_value ansi_string_value(std::string_view text) {
    return substitution_value::make(binxml::value_ansi_string, byte_buffer(text.begin(), text.end()),
                                    std::string(text));
}

substitution_value int8_value(std::int8_t value) { return integer_value<std::uint8_t>(binxml::value_int8, value); }
substitution_value uint8_value(std::uint8_t value) { return integer_value<std::uint8_t>(binxml::value_uint8, value); }
substitution_value int16_value(std::int16_t value) { return integer_value<std::uint16_t>(binxml::value_int16, value); }
substitution_value uint16_value(std::uint16_t value) {
    return integer_value<std::uint16_t>(binxml::value_uint16, value);
}
substitution_value int32_value(std::int32_t value) { return integer_value<std::uint32_t>(binxml::value_int32, value); }
substitution_value uint32_value(std::uint32_t value) {
    return integer_value<std::uint32_t>(binxml::value_uint32, value);
}
substitution_value int64_value(std::int64_t value) { return integer_value<std::uint64_t>(binxml::value_int64, value); }
substitution_value uint64_value(std::uint64_t value) {
    return integer_value<std::uint64_t>(binxml::value_uint64, value);
}

substitution_value real32_value(float value) {
    return substitution_value::make(binxml::value_real32, bytes_of(std::bit_cast<std::uint32_t>(value)),
                                    real_text(static_cast<double>(value)));
}

substitution_value real64_value(double value) {
    return substitution_value::make(binxml::value_real64, bytes_of(std::bit_cast<std::uint64_t>(value)),
                                    real_text(value));
}

substitution_value bool_value(bool value) {
    return substitution_value::make(binxml::value_bool, bytes_of(static_cast<std::uint32_t>(value ? 1 : 0)),
                                    value ? "true" : "false");
}

substitution_value binary_value(std::span<const std::uint8_t> bytes) {
    return substitution_value::make(binxml::value_binary, byte_buffer(bytes.begin(), bytes.end()), upper_hex(bytes));
}

substitution_value guid_value(const guid& value) {
    return substitution_value::make(binxml::value_guid, byte_buffer(value.bytes.begin(), value.bytes.end()),
                                    format_guid(value));
}

substitution_value size_t_value(std::uint64_t value, bool wide) {
    byte_buffer data = wide ? bytes_of(value) : bytes_of(static_cast<std::uint32_t>(value));
    return substitution_value::make(binxml::value_size_t, std::move(data), std::to_string(value));
}

substitution_value filetime_value(filetime value) {
    return substitution_value::make(binxml::value_filetime, bytes_of(value), format_event_xml_time(value));
}

substitution_value systemtime_value(filetime value) {
    const systemtime t = to_systemtime(value);
    byte_buffer data;
    for (const std::uint16_t field :
         {t.year, t.month, t.day_of_week, t.day, t.hour, t.minute, t.second, t.milliseconds}) {
        append_le(data, field);
    }
    return substitution_value::make(binxml::value_systemtime, std::move(data), format_utc(value, 3));
}

substitution_value sid_value(std::string_view text) {
    return substitution_value::make(binxml::value_sid, encode_sid(text), std::string(text));
}

substitution_value hex_int32_value(std::uint32_t value) {
    return substitution_value::make(binxml::value_hex_int32, bytes_of(value), hex_text(value, 8));
}

substitution_value hex_int64_value(std::uint64_t value) {
    return substitution_value::make(binxml::value_hex_int64, bytes_of(value), hex_text(value, 16));
}

substitution_value fragment_value(template_instance fragment) {
    return substitution_value::make_fragment(std::move(fragment));
}

substitution_value string_array_value(const std::vector<std::string>& items) {
    byte_buffer data;
    std::vector<std::string> texts;
    for (const std::string& item : items) {
        append_utf16le(data, std::string_view(item));
        append_le(data, std::uint16_t{0});
        texts.push_back(item);
    }
    return substitution_value::make_array(binxml::value_string | binxml::value_array_flag, std::move(data),
                                          std::move(texts));
}

substitution_value ansi_string_array_value(const std::vector<std::string>& items) {
    byte_buffer data;
    std::vector<std::string> texts;
    for (const std::string& item : items) {
        data.insert(data.end(), item.begin(), item.end());
        data.push_back(0);
        texts.push_back(item);
    }
    return substitution_value::make_array(binxml::value_ansi_string | binxml::value_array_flag, std::move(data),
                                          std::move(texts));
}

substitution_value array_value(std::uint8_t element_type, const std::vector<substitution_value>& items) {
    byte_buffer data;
    std::vector<std::string> texts;
    for (const substitution_value& item : items) {
        if (item.type() != element_type || item.is_array() || item.fragment() != nullptr) {
            throw std::invalid_argument("array elements must all be scalars of the array's type");
        }
        data.insert(data.end(), item.data().begin(), item.data().end());
        texts.push_back(item.text());
    }
    return substitution_value::make_array(static_cast<std::uint8_t>(element_type | binxml::value_array_flag),
                                          std::move(data), std::move(texts));
}

}  // namespace evtxcar::evtx_writer
