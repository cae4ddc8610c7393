#include "sigma/case_folding.hpp"

#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace evtxcar::sigma {

namespace {

// The lower-case partner of a code point below U+0800, or itself.
std::uint32_t fold_code_point(std::uint32_t c) {
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // Latin-1: À..Þ but ×
    if (c == 0x178) return 0xFF;                               // Ÿ
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return (c % 2 == 0) ? c + 1 : c;  // Latin Extended-A pairs: upper case even
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c % 2 == 1) ? c + 1 : c;  // the pairs with upper case odd
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek Α..Ω
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Cyrillic Ѐ..Џ
    return c;
}

}  // namespace

bool is_ascii(std::string_view text) {
    const char* data = text.data();
    const std::size_t size = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    __m128i any_block = _mm_setzero_si128();
    for (; i + 16 <= size; i += 16) {
        any_block = _mm_or_si128(any_block, _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
    }
    if (_mm_movemask_epi8(any_block) != 0) return false;
#endif
    unsigned char any = 0;
    for (; i < size; ++i) any |= static_cast<unsigned char>(data[i]);
    return any < 0x80;
}

void fold_text(std::string_view text, std::string& out) {
    out.clear();
    append_folded_text(text, out);
}

void append_folded_text(std::string_view text, std::string& out) {
    const std::size_t start = out.size();
    out.append(text);
    char* const folded = out.data() + start;
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
#if defined(__SSE2__)
        // ASCII sixteen bytes at a time: A-Z (as signed bytes shifted to
        // start at -128, the 26 smallest) get the 0x20 of their lower case.
        for (; i + 16 <= size; i += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(folded + i));
            if (_mm_movemask_epi8(block) != 0) break;  // a byte beyond ASCII: one character at a time
            const __m128i from_a = _mm_sub_epi8(block, _mm_set1_epi8(static_cast<char>('A' + 128)));
            const __m128i upper = _mm_cmplt_epi8(from_a, _mm_set1_epi8(static_cast<char>(-128 + 26)));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(folded + i),
                             _mm_or_si128(block, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
        }
        if (i >= size) break;
#endif
        const auto byte = static_cast<unsigned char>(folded[i]);
        if (byte < 0x80) {
            folded[i] = fold_ascii(folded[i]);
            ++i;
            continue;
        }
        // Two-byte sequences only (U+0080..U+07FF): folds stay in that range.
        if ((byte & 0xE0) != 0xC0 || i + 1 >= size) {
            ++i;
            continue;
        }
        const auto next = static_cast<unsigned char>(folded[i + 1]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            continue;
        }
        const std::uint32_t code = (std::uint32_t{byte & 0x1Fu} << 6) | (next & 0x3Fu);
        const std::uint32_t folded_code = fold_code_point(code);
        if (folded_code != code) {
            folded[i] = static_cast<char>(0xC0 | (folded_code >> 6));
            folded[i + 1] = static_cast<char>(0x80 | (folded_code & 0x3F));
        }
        i += 2;
    }
}

std::string folded_text(std::string_view text) {
    std::string out;
    fold_text(text, out);
    return out;
}

}  // namespace evtxcar::sigma
