#include "base64_text.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {
std::string base64(std::string_view bytes) {
    std::string out;
    append_base64(out, bytes);
    return out;
}
}  // namespace

TEST_CASE("base64 follows RFC 4648", "[report][base64]") {
    // The test vectors of RFC 4648, section 10.
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foob") == "Zm9vYg==");
    CHECK(base64("fooba") == "Zm9vYmE=");
    CHECK(base64("foobar") == "Zm9vYmFy");
    // Bytes above 0x7F, as in a file name that is not UTF-8 (checked with `printf 'a\xff\xfe' | base64`).
    CHECK(base64("a\xff\xfe") == "Yf/+");
}
