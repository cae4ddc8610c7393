#pragma once
// CSV cells: RFC 4180 quoting plus spreadsheet-formula neutralization. The
// only place evtxcar escapes CSV.

#include <string>
#include <string_view>

namespace evtxcar {

// Appends one cell. A value beginning with '=', '+', '-', '@', TAB or CR
// gets a leading apostrophe so spreadsheet tools show it as text instead of
// evaluating it (except a lone "-", Sysmon's placeholder, which no tool
// evaluates); a value containing a comma, quote, CR or LF is quoted with
// inner quotes doubled.
void append_csv_cell(std::string& out, std::string_view value);

// True when append_csv_cell would prefix the value with an apostrophe.
bool csv_needs_neutralizing(std::string_view value);

}  // namespace evtxcar
