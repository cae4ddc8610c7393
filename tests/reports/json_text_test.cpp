// JSON strings (RFC 8259), and the extra escaping that keeps embedded JSON
// from closing its <script> element (HTML spec: script data state).
#include "json_text.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {
std::string json(std::string_view text, json_context context = json_context::plain) {
    std::string out;
    append_json_string(out, text, context);
    return out;
}
}  // namespace

TEST_CASE("json strings escape quotes, backslashes and control characters", "[report][json]") {
    CHECK(json("plain") == "\"plain\"");
    CHECK(json("C:\\Windows") == "\"C:\\\\Windows\"");
    CHECK(json("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json("a\nb\r\tc") == "\"a\\nb\\r\\tc\"");
    CHECK(json(std::string_view("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(json(std::string_view("a\0b", 3)) == "\"a\\u0000b\"");
    CHECK(json("\xE2\x80\xAE") == "\"\xE2\x80\xAE\"");  // valid UTF-8 passes through
}

TEST_CASE("json for an HTML script cannot close the element", "[report][json]") {
    CHECK(json("</script><script>alert(1)</script>", json_context::html_script) ==
          "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"");
    CHECK(json("a&b", json_context::html_script) == "\"a\\u0026b\"");
    CHECK(json("<!--", json_context::html_script) == "\"\\u003c!--\"");
    CHECK(json("\xE2\x80\xA8|\xE2\x80\xA9", json_context::html_script) == "\"\\u2028|\\u2029\"");
    CHECK(json("</script>") == "\"</script>\"");  // plain JSON leaves it alone
}
