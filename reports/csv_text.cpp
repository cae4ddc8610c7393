#include "csv_text.hpp"

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
    // One pass over the bytes (find_first_of would search the four
    // characters for every byte of the value).
    bool quote = false;
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (neutralize) out.push_back('\'');
        out.append(value);
        return;
    }
    out.push_back('"');
    if (neutralize) out.push_back('\'');
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace evtxcar
