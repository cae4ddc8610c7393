// FILETIME <-> ISO 8601. Expected tick counts were computed independently
// with Python's datetime (datetime(...) - datetime(1601, 1, 1)).
#include "filetime.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("filetime formats the epoch and the Unix epoch", "[parsers][filetime]") {
    CHECK(format_iso8601_utc(0) == "1601-01-01T00:00:00.0000000Z");
    CHECK(format_iso8601_utc(unix_epoch_ticks, 0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("filetime formats dates across leap years and centuries", "[parsers][filetime]") {
    CHECK(format_iso8601_utc(131587674291368792ULL) == "2017-12-26T13:10:29.1368792Z");
    CHECK(format_iso8601_utc(125963423990000000ULL, 3) == "2000-02-29T23:59:59.000Z");
    CHECK(format_iso8601_utc(133536816000000000ULL, 6) == "2024-02-29T12:00:00.000000Z");
    CHECK(format_iso8601_utc(2650467743999999999ULL) == "9999-12-31T23:59:59.9999999Z");
}

TEST_CASE("filetime formats the largest FILETIME Windows converts, past year 9999", "[parsers][filetime]") {
    // 0x7FFFFFFFFFFFFFFF: FileTimeToSystemTime's documented upper limit, 30828-09-14 02:48:05.4775807.
    CHECK(format_iso8601_utc(0x7FFFFFFFFFFFFFFFULL) == "30828-09-14T02:48:05.4775807Z");
}

TEST_CASE("filetime parses what libevtx and users write", "[parsers][filetime]") {
    // libevtx prints nine fraction digits; the last two are always zero.
    CHECK(parse_iso8601("2017-12-26T13:10:29.136879200Z") == 131587674291368792ULL);
    CHECK(parse_iso8601("2017-12-26 13:10:29.136879") == 131587674291368790ULL);
    CHECK(parse_iso8601("1970-01-01") == unix_epoch_ticks);
    CHECK(parse_iso8601("1970-01-01T00:00") == unix_epoch_ticks);
    CHECK(parse_iso8601("2000-02-29T23:59:59") == 125963423990000000ULL);
}

TEST_CASE("filetime applies UTC offsets", "[parsers][filetime]") {
    // 01:00 at +01:00 is midnight UTC; 19:00 at -05:00 on the day before too.
    CHECK(parse_iso8601("1970-01-01T01:00:00+01:00") == unix_epoch_ticks);
    CHECK(parse_iso8601("1969-12-31T19:00:00-0500") == unix_epoch_ticks);
    CHECK(parse_iso8601("1970-01-01T00:00:00z") == unix_epoch_ticks);
}

TEST_CASE("filetime rejects malformed and impossible times", "[parsers][filetime]") {
    CHECK_FALSE(parse_iso8601(""));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(parse_iso8601("2023-02-29"));
    CHECK_FALSE(parse_iso8601("2024-13-01"));
    CHECK_FALSE(parse_iso8601("2024-01-01T24:00:00"));
    CHECK_FALSE(parse_iso8601("2024-01-01T10:00:00."));
    CHECK_FALSE(parse_iso8601("2024-01-01T10:00:00Zjunk"));
    CHECK_FALSE(parse_iso8601("1600-12-31"));
}

TEST_CASE("filetime round-trips at full precision", "[parsers][filetime]") {
    for (filetime_ticks ticks : {0ULL, 1ULL, 131587674291368792ULL, 2650467743999999999ULL}) {
        CAPTURE(ticks);
        CHECK(parse_iso8601(format_iso8601_utc(ticks)) == ticks);
    }
}
