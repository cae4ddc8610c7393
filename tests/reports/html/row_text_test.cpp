// How text is written into report.html's timeline rows (row_text.hpp).
#include "html/row_text.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("row text keeps text as it is but for what separates values and rows, or could end the element", "[report]") {
    auto written = [](std::string_view text) {
        std::string out;
        append_row_text(out, text);
        return out;
    };
    CHECK(written("C:\\Windows\\System32\\cmd.exe /c \"dir\" & echo >x") == "C:\\Windows\\System32\\cmd.exe /c \"dir\" & echo >x");
    CHECK(written("a\tb\nc\rd") == "a<tb<nc<rd");
    CHECK(written("</script>") == "<l/script>");
    CHECK(written("<!--") == "<l!--");
    CHECK(written(std::string_view("\0\x1b\x7f", 3)) == "<x00<x1b<x7f");
    CHECK(written("<12") == "<l12");  // text that looks like a reference does not start like one
    CHECK(written("Microsoft\xC2\xAE \xE2\x80\xAE") == "Microsoft\xC2\xAE \xE2\x80\xAE");  // UTF-8 as it is
    CHECK(written("") == "");
}

TEST_CASE("a reference to the string table is '<' and its number", "[report]") {
    std::string out;
    append_row_reference(out, 0);
    out += ',';
    append_row_reference(out, 262143);
    CHECK(out == "<0,<262143");
}
