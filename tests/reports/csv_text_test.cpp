// CSV cells: RFC 4180 quoting, and neutralizing of the characters that make
// spreadsheet tools evaluate a cell (OWASP's CSV injection list).
#include "csv_text.hpp"

#include <memory>

#include "catch.hpp"

using namespace evtxcar;

namespace {
// The cell as append_csv_cell writes it; put_csv_cell, in a buffer of
// exactly csv_cell_bound bytes (on the heap, where the sanitizer build sees
// a write past it), must write the same and a comma.
std::string cell(std::string_view value) {
    std::string out;
    append_csv_cell(out, value);
    const auto buffer = std::make_unique<char[]>(csv_cell_bound(value));
    const char* end = put_csv_cell(buffer.get(), value);
    CHECK(std::string_view(buffer.get(), static_cast<std::size_t>(end - buffer.get())) == out + ",");
    return out;
}
}  // namespace

TEST_CASE("csv cells stay plain when nothing needs quoting", "[report][csv]") {
    CHECK(cell("") == "");
    CHECK(cell("C:\\Windows\\System32\\cmstp.exe") == "C:\\Windows\\System32\\cmstp.exe");
    CHECK(cell("it's") == "it's");
    CHECK(cell("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("csv cells quote commas, quotes and line breaks", "[report][csv]") {
    CHECK(cell("a,b") == "\"a,b\"");
    CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(cell("line1\nline2") == "\"line1\nline2\"");
    CHECK(cell("a\r\nb") == "\"a\r\nb\"");
    // Quotes and commas past the first sixteen bytes, several in a row, at the end.
    CHECK(cell("C:\\Program Files\\x.exe \"a\"\"b\" c,d\"") ==
          "\"C:\\Program Files\\x.exe \"\"a\"\"\"\"b\"\" c,d\"\"\"");
    CHECK(cell(std::string(40, 'y') + ",") == "\"" + std::string(40, 'y') + ",\"");
    CHECK(cell("\"\"\"") == "\"\"\"\"\"\"\"\"");  // the most a cell can take: all quotes
}

TEST_CASE("csv cells that a spreadsheet would evaluate get a leading apostrophe", "[report][csv]") {
    CHECK(cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(cell("+1+1") == "'+1+1");
    CHECK(cell("-enc AAAA") == "'-enc AAAA");
    CHECK(cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(cell("\tx") == "'\tx");
    CHECK(cell("\rx") == "\"'\rx\"");  // CR also forces quoting; the apostrophe goes inside
    CHECK(cell("=\"") == "\"'=\"\"\"");  // quotes, the apostrophe and a doubled quote together
    CHECK(cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(cell("a=b") == "a=b");  // only the first character matters
    CHECK(cell("-") == "-");      // Sysmon's placeholder alone is text everywhere
    CHECK(cell("--") == "'--");
    CHECK(csv_needs_neutralizing("=1"));
    CHECK_FALSE(csv_needs_neutralizing("1=1"));
    CHECK_FALSE(csv_needs_neutralizing(""));
}

TEST_CASE("decimal cells fit decimal_digits_max, the largest 64-bit number too", "[report][csv]") {
    auto decimal = [](std::uint64_t value) {
        const auto buffer = std::make_unique<char[]>(decimal_digits_max);  // on the heap: ASan sees a write past it
        return std::string(buffer.get(), put_decimal(buffer.get(), value));
    };
    CHECK(decimal(0) == "0");
    CHECK(decimal(4688) == "4688");
    CHECK(decimal(18446744073709551615ULL) == "18446744073709551615");
}
