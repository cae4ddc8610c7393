// JSON for report.html's script elements.
#include "html/embedded_json.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("embedded JSON places commas and escapes text for a script element", "[report]") {
    std::string text;
    embedded_json json(text);
    json.begin_object();
    json.key("a").number(std::uint64_t{1});
    json.key("b").begin_array().string("</script>").boolean(true).null().number(std::int64_t{-2}).end_array();
    json.key("<c>").begin_object().end_object();
    json.key("d").number(0.5);
    json.end_object();
    CHECK(text == R"({"a":1,"b":["\u003c/script\u003e",true,null,-2],"\u003cc\u003e":{},"d":0.5})");
}
