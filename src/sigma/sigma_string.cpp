#include "sigma/sigma_string.hpp"

#include <cstdint>

namespace evtxcar::sigma {

namespace {

// The five characters windash makes interchangeable, in UTF-8.
constexpr std::array<std::string_view, 5> dash_characters{"-", "/", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95"};

// Length of the dash character at the start of `text`, or 0.
std::size_t dash_length(std::string_view text) {
    for (std::string_view dash : dash_characters)
        if (text.starts_with(dash)) return dash.size();
    return 0;
}

}  // namespace

bool sigma_string::is_plain() const {
    for (const pattern_part& part : parts)
        if (part.what != pattern_part::kind::text) return false;
    return true;
}

std::string sigma_string::plain_text() const {
    std::string text;
    for (const pattern_part& part : parts)
        if (part.what == pattern_part::kind::text) text += part.text;
    return text;
}

bool sigma_string::has_placeholders() const {
    for (const pattern_part& part : parts)
        if (part.what == pattern_part::kind::placeholder) return true;
    return false;
}

void sigma_string::append_text(std::string_view text) {
    if (text.empty()) return;
    if (!parts.empty() && parts.back().what == pattern_part::kind::text)
        parts.back().text += text;
    else
        parts.push_back({pattern_part::kind::text, std::string(text)});
}

void sigma_string::append(pattern_part::kind what) { parts.push_back({what, {}}); }

void sigma_string::append(const sigma_string& other) {
    for (const pattern_part& part : other.parts) {
        if (part.what == pattern_part::kind::text)
            append_text(part.text);
        else
            parts.push_back(part);
    }
}

sigma_string parse_sigma_string(std::string_view raw, bool placeholders) {
    sigma_string value;
    std::string text;
    auto flush = [&] {
        value.append_text(text);
        text.clear();
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\\' && i + 1 < raw.size()) {
            const char next = raw[i + 1];
            if (next == '*' || next == '?' || next == '\\' || (placeholders && next == '%')) {
                text += next;
                ++i;
                continue;
            }
            text += c;  // a backslash before anything else is plain
            continue;
        }
        if (c == '*' || c == '?') {
            flush();
            value.append(c == '*' ? pattern_part::kind::any_sequence : pattern_part::kind::any_char);
            continue;
        }
        if (placeholders && c == '%') {
            const std::size_t end = raw.find('%', i + 1);
            if (end != std::string_view::npos && end > i + 1) {
                flush();
                value.parts.push_back({pattern_part::kind::placeholder, std::string(raw.substr(i + 1, end - i - 1))});
                i = end;
                continue;
            }
        }
        text += c;
    }
    flush();
    return value;
}

sigma_string plain_string(std::string_view text) {
    sigma_string value;
    value.append_text(text);
    return value;
}

void add_leading_wildcard(sigma_string& value) {
    if (value.parts.empty() || value.parts.front().what != pattern_part::kind::any_sequence)
        value.parts.insert(value.parts.begin(), {pattern_part::kind::any_sequence, {}});
}

void add_trailing_wildcard(sigma_string& value) {
    if (value.parts.empty() || value.parts.back().what != pattern_part::kind::any_sequence)
        value.append(pattern_part::kind::any_sequence);
}

sigma_string with_windash(const sigma_string& value) {
    sigma_string result;
    for (const pattern_part& part : value.parts) {
        if (part.what != pattern_part::kind::text) {
            result.parts.push_back(part);
            continue;
        }
        std::string_view text(part.text);
        std::size_t run_start = 0;
        for (std::size_t i = 0; i < text.size();) {
            if (const std::size_t length = dash_length(text.substr(i))) {
                result.append_text(text.substr(run_start, i - run_start));
                result.append(pattern_part::kind::dash);
                i += length;
                run_start = i;
            } else {
                ++i;
            }
        }
        result.append_text(text.substr(run_start));
    }
    return result;
}

sigma_result<std::vector<sigma_string>> expand_dashes(const sigma_string& value, std::size_t max_dashes) {
    std::size_t dashes = 0;
    for (const pattern_part& part : value.parts)
        if (part.what == pattern_part::kind::dash) ++dashes;
    if (dashes > max_dashes)
        return rule_problem{{}, "windash before an encoding on a value with " + std::to_string(dashes) +
                                    " dashes (at most " + std::to_string(max_dashes) + " are expanded)"};
    std::vector<sigma_string> results{sigma_string{}};
    for (const pattern_part& part : value.parts) {
        if (part.what != pattern_part::kind::dash) {
            for (sigma_string& result : results) result.append(sigma_string{{part}});
            continue;
        }
        std::vector<sigma_string> next;
        next.reserve(results.size() * dash_characters.size());
        for (const sigma_string& result : results)
            for (std::string_view dash : dash_characters) {
                sigma_string variant = result;
                variant.append_text(dash);
                next.push_back(std::move(variant));
            }
        results = std::move(next);
    }
    return results;
}

sigma_result<std::vector<sigma_string>> expand_placeholders(const sigma_string& value,
                                                            const placeholder_values& placeholders) {
    std::vector<sigma_string> results{sigma_string{}};
    for (const pattern_part& part : value.parts) {
        if (part.what != pattern_part::kind::placeholder) {
            for (sigma_string& result : results) result.append(sigma_string{{part}});
            continue;
        }
        const auto found = placeholders.find(part.text);
        if (found == placeholders.end() || found->second.empty())
            return rule_problem{"%" + part.text + "%",
                                "placeholder has no value (define it in the placeholders file)"};
        std::vector<sigma_string> next;
        for (const sigma_string& result : results)
            for (const std::string& replacement : found->second) {
                sigma_string variant = result;
                variant.append(parse_sigma_string(replacement));
                next.push_back(std::move(variant));
            }
        if (next.size() > 4096)
            return rule_problem{"%" + part.text + "%", "placeholders expand to more than 4096 values"};
        results = std::move(next);
    }
    return results;
}

std::string base64_encode(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                                    (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                                    std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        out += alphabet[(group >> 18) & 63];
        out += alphabet[(group >> 12) & 63];
        out += alphabet[(group >> 6) & 63];
        out += alphabet[group & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t group = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
        if (rest == 2) group |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
        out += alphabet[(group >> 18) & 63];
        out += alphabet[(group >> 12) & 63];
        out += rest == 2 ? alphabet[(group >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::array<std::string, 3> base64_offset_forms(std::string_view bytes) {
    // The value starts `offset` bytes into a 3-byte group. Encode it behind
    // `offset` stand-in bytes and cut what the stand-ins touch: the first 2
    // characters for offset 1, the first 3 for offset 2. At the end, a last
    // group of 1 byte gives "XY==" and of 2 bytes "XYZ=": the final letter
    // before the padding also holds bits of the unknown next byte, so
    // "Y==" (3) or "Z=" (2) is cut.
    static constexpr std::array<std::size_t, 3> cut_front{0, 2, 3};
    static constexpr std::array<std::size_t, 3> cut_back{0, 3, 2};
    std::array<std::string, 3> forms;
    for (std::size_t offset = 0; offset < 3; ++offset) {
        std::string shifted(offset, ' ');
        shifted += bytes;
        std::string encoded = base64_encode(shifted);
        const std::size_t back = cut_back[shifted.size() % 3];
        const std::size_t front = cut_front[offset];
        forms[offset] = encoded.size() > front + back ? encoded.substr(front, encoded.size() - front - back) : "";
    }
    return forms;
}

std::string utf16_encode(std::string_view utf8, utf16_form form) {
    std::string out;
    auto put = [&](std::uint16_t unit) {
        const char low = static_cast<char>(unit & 0xff);
        const char high = static_cast<char>(unit >> 8);
        if (form == utf16_form::big_endian) {
            out += high;
            out += low;
        } else {
            out += low;
            out += high;
        }
    };
    if (form == utf16_form::little_endian_with_bom) put(0xFEFF);
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::uint32_t code = lead;
        std::size_t length = 1;
        if (lead >= 0xF0) length = 4, code = lead & 0x07u;
        else if (lead >= 0xE0) length = 3, code = lead & 0x0Fu;
        else if (lead >= 0xC0) length = 2, code = lead & 0x1Fu;
        if (i + length > utf8.size()) length = 1, code = lead;  // cut short: take the byte as it is
        for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += length;
        if (code >= 0x10000) {
            code -= 0x10000;
            put(static_cast<std::uint16_t>(0xD800 + (code >> 10)));
            put(static_cast<std::uint16_t>(0xDC00 + (code & 0x3FF)));
        } else {
            put(static_cast<std::uint16_t>(code));
        }
    }
    return out;
}

}  // namespace evtxcar::sigma
