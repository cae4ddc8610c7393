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
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
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
