#include "html/row_text.hpp"

#include <charconv>

namespace evtxcar {

void append_row_text(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    // Most values need no escape: append them whole.
    std::size_t clean = 0;
    while (clean < text.size()) {
        const auto c = static_cast<unsigned char>(text[clean]);
        if (c < 0x20 || c == 0x7f || c == '<') break;
        ++clean;
    }
    out.append(text.substr(0, clean));
    for (std::size_t i = clean; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != 0x7f && c != '<') {
            out.push_back(static_cast<char>(c));
            continue;
        }
        out.push_back('<');
        switch (c) {
            case '\t': out.push_back('t'); break;
            case '\n': out.push_back('n'); break;
            case '\r': out.push_back('r'); break;
            case '<': out.push_back('l'); break;
            default:
                out.push_back('x');
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
                break;
        }
    }
}

void append_row_reference(std::string& out, std::size_t index) {
    char digits[24];
    digits[0] = '<';
    const auto written = std::to_chars(digits + 1, digits + sizeof digits, index);
    out.append(digits, written.ptr);
}

}  // namespace evtxcar
