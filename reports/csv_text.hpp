#pragma once
// CSV cells: RFC 4180 quoting plus spreadsheet-formula neutralization. The
// only place evtxcar escapes CSV.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
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

// The most digits of a 64-bit number in decimal.
inline constexpr std::size_t decimal_digits_max = 20;

// `value` in decimal at `at`, which has room for decimal_digits_max bytes;
// returns the end. Digits need no quoting: a cell as they are.
char* put_decimal(char* at, std::uint64_t value);

// The buffer a writer builds each row in: grown to the room a row may take
// (csv_cell_bound per cell), kept for the next row, never zero-filled.
class csv_row_buffer {
public:
    char* room(std::size_t size) {
        if (size > capacity_) {
            capacity_ = std::max(size, 2 * capacity_);
            bytes_ = std::make_unique_for_overwrite<char[]>(capacity_);
        }
        return bytes_.get();
    }

private:
    std::unique_ptr<char[]> bytes_;
    std::size_t capacity_ = 0;
};

// True when append_csv_cell would prefix the value with an apostrophe.
bool csv_needs_neutralizing(std::string_view value);

}  // namespace evtxcar
