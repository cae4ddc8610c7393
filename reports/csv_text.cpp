#include "csv_text.hpp"

#include <charconv>
#include <cstring>

#include "byte_search.hpp"

namespace evtxcar {

bool csv_needs_neutralizing(std::string_view value) {
    // A lone "-" (Sysmon's "nothing here") is text to every spreadsheet tool.
    if (value.empty() || value == "-") return false;
    switch (value.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return true;
        default:
            return false;
    }
}

void append_csv_cell(std::string& out, std::string_view value) {
    const bool neutralize = csv_needs_neutralizing(value);
    if (first_of<',', '"', '\r', '\n'>(value) == std::string_view::npos) {
        if (neutralize) out.push_back('\'');
        out.append(value);
        return;
    }
    out.push_back('"');
    if (neutralize) out.push_back('\'');
    for (std::size_t quote = value.find('"'); quote != std::string_view::npos; quote = value.find('"')) {
        out.append(value.substr(0, quote + 1));
        out.push_back('"');
        value.remove_prefix(quote + 1);
    }
    out.append(value);
    out.push_back('"');
}

char* put_decimal(char* at, std::uint64_t value) { return std::to_chars(at, at + decimal_digits_max, value).ptr; }

char* put_csv_cell(char* at, std::string_view value) {
    if (value.empty()) {
        *at = ',';
        return at + 1;
    }
    const bool neutralize = csv_needs_neutralizing(value);
    if (first_of<',', '"', '\r', '\n'>(value) == std::string_view::npos) {
        if (neutralize) *at++ = '\'';
        std::memcpy(at, value.data(), value.size());
        at += value.size();
        *at = ',';
        return at + 1;
    }
    *at++ = '"';
    if (neutralize) *at++ = '\'';
    for (std::size_t quote = value.find('"'); quote != std::string_view::npos; quote = value.find('"')) {
        std::memcpy(at, value.data(), quote + 1);
        at += quote + 1;
        *at++ = '"';
        value.remove_prefix(quote + 1);
    }
    std::memcpy(at, value.data(), value.size());
    at += value.size();
    *at++ = '"';
    *at = ',';
    return at + 1;
}

}  // namespace evtxcar
