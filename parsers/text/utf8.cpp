#include "utf8.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Writes the UTF-8 bytes of `cp` (a Unicode scalar value) at `out`, which
// has room for 4; returns how many.
std::size_t encode_utf8(char* out, std::uint32_t cp) {
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}
}  // namespace

void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
    char bytes[4];
    out.append(bytes, encode_utf8(bytes, cp));
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
    // Room for one byte per code unit (ASCII, the common case); more is made
    // when a character needs it, so that little is zero-filled for nothing.
    std::size_t written = out.size();
    out.resize(written + code_units);
    auto room_for = [&out, &written](std::size_t bytes, std::size_t units_left) {
        if (out.size() - written < bytes) out.resize(written + std::max(bytes, units_left * 3));
    };
    auto unit_at = [data](std::size_t i) {
        return static_cast<std::uint32_t>(data[2 * i]) | (static_cast<std::uint32_t>(data[2 * i + 1]) << 8);
    };
    std::size_t i = 0;
    while (i < code_units) {
#if defined(__SSE2__)
        // Eight ASCII characters at a time, none of them NUL.
        if (code_units - i >= 8) {
            const __m128i eight = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 2 * i));
            const __m128i above_ascii = _mm_and_si128(eight, _mm_set1_epi16(static_cast<short>(0xFF80)));
            const __m128i nul = _mm_cmpeq_epi16(eight, _mm_setzero_si128());
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(above_ascii, _mm_setzero_si128())) == 0xFFFF &&
                _mm_movemask_epi8(nul) == 0) {
                room_for(8, code_units - i);
                _mm_storel_epi64(reinterpret_cast<__m128i*>(out.data() + written), _mm_packus_epi16(eight, eight));
                written += 8;
                i += 8;
                continue;
            }
        }
        // Four at a time (most values are short: user and host names).
        if (code_units - i >= 4) {
            const __m128i four = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(data + 2 * i));  // upper half zero
            const __m128i above_ascii = _mm_and_si128(four, _mm_set1_epi16(static_cast<short>(0xFF80)));
            const __m128i nul = _mm_cmpeq_epi16(four, _mm_setzero_si128());
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(above_ascii, _mm_setzero_si128())) == 0xFFFF &&
                (_mm_movemask_epi8(nul) & 0xFF) == 0) {
                room_for(4, code_units - i);
                const int packed = _mm_cvtsi128_si32(_mm_packus_epi16(four, four));
                std::memcpy(out.data() + written, &packed, 4);
                written += 4;
                i += 4;
                continue;
            }
        }
#endif
        std::uint32_t cp = unit_at(i);
        if (cp == 0) break;
        ++i;
        if (cp < 0x80) {
            room_for(1, code_units - i + 1);
            out[written++] = static_cast<char>(cp);
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
        room_for(4, code_units - i + 1);
        written += encode_utf8(out.data() + written, cp);
    }
    out.resize(written);
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
