// Events per host and time bucket for report.html's activity chart.
#include "html/activity_histogram.hpp"

#include "catch.hpp"
#include "filetime.hpp"
#include "html/embedded_json.hpp"

using namespace evtxcar;

namespace {
// 2024-03-05T08:00:00Z, a whole minute.
constexpr filetime_ticks eight_o_clock = 133540992000000000ULL;
constexpr filetime_ticks second = ticks_per_second;
}  // namespace

TEST_CASE("the bucket width is the smallest round duration that fits the range", "[report]") {
    // One hour: 30 s would need 121 buckets, 1 minute needs 61.
    activity_histogram hour(eight_o_clock, eight_o_clock + 3600 * second, 120);
    CHECK(hour.bucket_width() == 60 * second);
    CHECK(hour.bucket_count() == 61);
    CHECK(hour.start() == eight_o_clock);
    // 90 s starting at 08:00:45: 1 s is too fine, 2 s fits (46 buckets).
    activity_histogram short_range(eight_o_clock + 45 * second, eight_o_clock + 135 * second, 50);
    CHECK(short_range.bucket_width() == 2 * second);
    CHECK(short_range.start() == eight_o_clock + 44 * second);
    CHECK(short_range.bucket_count() == 46);
    // No time at all: one bucket.
    activity_histogram empty(0, 0, 120);
    CHECK(empty.bucket_count() == 1);
    // Four centuries: whole years.
    activity_histogram centuries(1, second * 3600 * 24 * 365 * 400, 120);
    CHECK(centuries.bucket_width() % (second * 3600 * 24 * 365) == 0);
    CHECK(centuries.bucket_count() <= 120);
}

TEST_CASE("events and hits are counted per host and bucket", "[report]") {
    activity_histogram histogram(eight_o_clock, eight_o_clock + 3600 * second, 120);
    histogram.add("WS01", eight_o_clock + 5 * second, false);
    histogram.add("WS01", eight_o_clock + 59 * second, true);
    histogram.add("WS01", eight_o_clock + 60 * second, false);
    histogram.add("DC01", eight_o_clock + 3600 * second, true);
    const auto& ws01 = histogram.hosts().at("WS01");
    CHECK(ws01.events[0] == 2);
    CHECK(ws01.hits[0] == 1);
    CHECK(ws01.events[1] == 1);
    const auto& dc01 = histogram.hosts().at("DC01");
    CHECK(dc01.events[60] == 1);
    CHECK(dc01.hits[60] == 1);
}

TEST_CASE("hosts beyond the limit are counted together", "[report]") {
    // 10 s in at most 10 buckets: 1 s would need 11, so 2 s, 6 buckets.
    activity_histogram histogram(eight_o_clock, eight_o_clock + 10 * second, 10, 2);
    histogram.add("A", eight_o_clock, false);
    histogram.add("B", eight_o_clock, false);
    histogram.add("C", eight_o_clock, true);
    histogram.add("D", eight_o_clock + 10 * second, false);
    CHECK(histogram.hosts().size() == 2);
    CHECK(histogram.other_hosts().events[0] == 1);
    CHECK(histogram.other_hosts().hits[0] == 1);
    CHECK(histogram.other_hosts().events.back() == 1);
    std::string text;
    embedded_json json(text);
    histogram.append_json(json);
    CHECK(text.find(R"({"host":"","other":true,"events":[1,0,0,0,0,1],"hits":[1,0,0,0,0,0]})") !=
          std::string::npos);
}
