#include "json_text.hpp"

namespace evtxcar {

void append_json_string(std::string& out, std::string_view text, json_context context) {
    static constexpr char hex[] = "0123456789abcdef";
    const bool for_html = context == json_context::html_script;
    out.push_back('"');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            default: break;
        }
        const bool html_special = for_html && (c == '<' || c == '>' || c == '&');
        if (c < 0x20 || c == 0x7f || html_special) {
            out += "\\u00";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xf]);
            continue;
        }
        // U+2028 / U+2029 (E2 80 A8 / E2 80 A9) end lines in JavaScript.
        if (for_html && c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        out.push_back(static_cast<char>(c));
    }
    out.push_back('"');
}

}  // namespace evtxcar
