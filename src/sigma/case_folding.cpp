#include "sigma/case_folding.hpp"

#include <cstdint>

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
    unsigned char any = 0;
    for (char c : text) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

void fold_text(std::string_view text, std::string& out) {
    out.clear();
    append_folded_text(text, out);
}

void append_folded_text(std::string_view text, std::string& out) {
    const std::size_t start = out.size();
    out.append(text);
    for (std::size_t i = start; i < out.size(); ++i) {
        const auto byte = static_cast<unsigned char>(out[i]);
        if (byte < 0x80) {
            out[i] = fold_ascii(out[i]);
            continue;
        }
        // Two-byte sequences only (U+0080..U+07FF): folds stay in that range.
        if ((byte & 0xE0) != 0xC0 || i + 1 >= out.size()) continue;
        const auto next = static_cast<unsigned char>(out[i + 1]);
        if ((next & 0xC0) != 0x80) continue;
        const std::uint32_t code = (std::uint32_t{byte & 0x1Fu} << 6) | (next & 0x3Fu);
        const std::uint32_t folded = fold_code_point(code);
        if (folded != code) {
            out[i] = static_cast<char>(0xC0 | (folded >> 6));
            out[i + 1] = static_cast<char>(0x80 | (folded & 0x3F));
        }
        ++i;
    }
}

std::string folded_text(std::string_view text) {
    std::string out;
    fold_text(text, out);
    return out;
}

}  // namespace evtxcar::sigma
