// first_of: the first of a few bytes, found sixteen bytes at a time; the
// answers must not depend on where a block of sixteen begins or ends.
#include "byte_search.hpp"

#include <string>

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("first_of finds the first wanted byte wherever it falls in the blocks", "[report][byte_search]") {
    CHECK(first_of<','>("") == std::string_view::npos);
    CHECK(first_of<',', '"'>("no such byte here, or is there") == 17);
    for (std::size_t size : {1u, 2u, 15u, 16u, 17u, 18u, 31u, 32u, 33u, 47u, 48u, 49u, 100u}) {
        for (std::size_t at = 0; at < size; ++at) {
            std::string text(size, 'x');
            text[at] = '\n';
            if (at + 1 < size) text[size - 1] = '"';  // a later wanted byte is not the first
            INFO("size " << size << ", at " << at);
            CHECK(first_of<'"', '\r', '\n'>(text) == at);
            CHECK(first_of<'\r'>(text) == std::string_view::npos);
        }
    }
}

TEST_CASE("first_of reads only the bytes of its view", "[report][byte_search]") {
    const std::string text = "abcdefghijklmnopqrstuvwxyz,0123456789,";
    CHECK(first_of<','>(std::string_view(text).substr(0, 26)) == std::string_view::npos);
    CHECK(first_of<','>(std::string_view(text).substr(27)) == 10);
    CHECK(first_of<'\0'>(std::string_view("ab\0cd", 5)) == 2);
}
