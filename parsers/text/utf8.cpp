#include "utf8.hpp"

#include <cstring>

namespace evtxcar {

namespace {
constexpr std::uint32_t replacement_character = 0xFFFD;

// Length of the valid UTF-8 sequence starting at text[i], or 0 when invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    std::uint32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, minimum = 0x80, cp = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, minimum = 0x800, cp = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, minimum = 0x10000, cp = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}
}  // namespace

void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void append_utf16le_as_utf8(std::string& out, const std::uint8_t* data, std::size_t code_units) {
    out.reserve(out.size() + code_units);
    for (std::size_t i = 0; i < code_units; ++i) {
        const std::uint32_t unit =
            static_cast<std::uint32_t>(data[2 * i]) | (static_cast<std::uint32_t>(data[2 * i + 1]) << 8);
        if (unit < 0x80) {
            out.push_back(static_cast<char>(unit));
            continue;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < code_units) {
            const std::uint32_t low =
                static_cast<std::uint32_t>(data[2 * i + 2]) | (static_cast<std::uint32_t>(data[2 * i + 3]) << 8);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_code_point(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                ++i;
                continue;
            }
        }
        append_code_point(out, unit);  // lone surrogates become U+FFFD there
    }
}

std::size_t append_utf16le_until_nul_as_utf8(std::string& out, const std::uint8_t* data, std::size_t code_units) {
    const std::size_t start = out.size();
    out.resize(start + code_units * 3);  // the most UTF-8 one code unit can need
    char* write = out.data() + start;
    auto put = [&write](std::uint32_t byte) { *write++ = static_cast<char>(byte); };
    auto unit_at = [data](std::size_t i) {
        return static_cast<std::uint32_t>(data[2 * i]) | (static_cast<std::uint32_t>(data[2 * i + 1]) << 8);
    };
    std::size_t i = 0;
    while (i < code_units) {
        // Four ASCII characters at a time, none of them NUL.
        if (code_units - i >= 4) {
            std::uint64_t four;
            std::memcpy(&four, data + 2 * i, sizeof four);
            const bool ascii = (four & 0xFF80FF80FF80FF80ULL) == 0;
            const bool has_nul = ((four - 0x0001000100010001ULL) & ~four & 0x8000800080008000ULL) != 0;
            if (ascii && !has_nul) {
                const std::uint32_t packed =
                    static_cast<std::uint32_t>((four & 0xFFu) | ((four >> 8) & 0xFF00u) | ((four >> 16) & 0xFF0000u) |
                                               ((four >> 24) & 0xFF000000u));
                std::memcpy(write, &packed, sizeof packed);
                write += 4;
                i += 4;
                continue;
            }
        }
        std::uint32_t cp = unit_at(i);
        if (cp == 0) break;
        ++i;
        if (cp < 0x80) {
            put(cp);
            continue;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            const std::uint32_t low = i < code_units ? unit_at(i) : 0;
            if (cp <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                ++i;
            } else {
                cp = replacement_character;  // unpaired surrogate
            }
        }
        if (cp < 0x800) {
            put(0xC0 | (cp >> 6));
            put(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put(0xE0 | (cp >> 12));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        } else {
            put(0xF0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        }
    }
    out.resize(static_cast<std::size_t>(write - out.data()));
    return i;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = valid_sequence_length(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = valid_sequence_length(text, i);
        if (length == 0) {
            append_code_point(out, replacement_character);
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

}  // namespace evtxcar
