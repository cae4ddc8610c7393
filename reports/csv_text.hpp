#pragma once
// CSV cells: RFC 4180 quoting plus spreadsheet-formula neutralization. The
// only place evtxcar escapes CSV.

#include <string>
#include <string_view>

namespace evtxcar {

// How evtxcar's CSV files begin. With a byte-order mark, spreadsheet tools
// that otherwise guess a legacy code page (Excel on double-click,
// LibreOffice's default import) read the file as UTF-8; some tools that
// read CSV as bytes (older Python csv code without utf-8-sig, awk, cut)
// see the mark as part of the first header (--csv-bom no).
struct csv_format {
    bool byte_order_mark = true;
};
inline constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";

// What a CSV file begins with, before its header row.
inline std::string_view csv_file_start(const csv_format& format) {
    return format.byte_order_mark ? utf8_byte_order_mark : std::string_view();
}

// Appends one cell. A value beginning with '=', '+', '-', '@', TAB or CR
// gets a leading apostrophe so spreadsheet tools show it as text instead of
// evaluating it (except a lone "-", Sysmon's placeholder, which no tool
// evaluates); a value containing a comma, quote, CR or LF is quoted with
// inner quotes doubled.
void append_csv_cell(std::string& out, std::string_view value);

// The most bytes put_csv_cell writes for `value`: every byte a doubled
// quote, the apostrophe, two quotes and the comma.
inline std::size_t csv_cell_bound(std::string_view value) { return 2 * value.size() + 4; }

// Writes the cell of `value` as append_csv_cell does, then a comma, at
// `at`, which has room for csv_cell_bound(value) bytes; returns the end.
// For a row built in a buffer of its own, without a check per cell.
char* put_csv_cell(char* at, std::string_view value);

// True when append_csv_cell would prefix the value with an apostrophe.
bool csv_needs_neutralizing(std::string_view value);

}  // namespace evtxcar
