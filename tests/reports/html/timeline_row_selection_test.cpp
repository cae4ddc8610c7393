// Which events become report.html's timeline rows, under and over the cap.
#include "html/timeline_row_selection.hpp"

#include <string>
#include <vector>

#include "catch.hpp"

using namespace evtxcar;

namespace {

// Records rows as record ids and gaps as "-N".
struct recorded_rows final : timeline_row_sink {
    void keep(const car_event& event) override { entries.push_back(std::to_string(event.record_id)); }
    void gap(std::uint64_t left_out) override {
        std::string entry = "-";  // not "-" + std::to_string(): GCC 12 at -O3 warns falsely (-Wrestrict)
        entry += std::to_string(left_out);
        entries.push_back(std::move(entry));
    }
    std::vector<std::string> entries;
};

// Events 1..count; those in `fired` have an analytic hit.
std::vector<std::string> select_rows(std::uint64_t count, std::uint64_t max_rows, std::size_t context,
                                     const std::vector<std::uint64_t>& fired) {
    timeline_row_selection selection(count, max_rows, context);
    recorded_rows rows;
    for (std::uint64_t id = 1; id <= count; ++id) {
        car_event event;
        event.record_id = id;
        for (std::uint64_t hit : fired) {
            if (hit == id) event.analytics = {"CAR-2020-11-010:car"};
        }
        selection.add(event, rows);
    }
    selection.finish(rows);
    return rows.entries;
}

using rows = std::vector<std::string>;

}  // namespace

TEST_CASE("every event is a row up to the cap", "[report]") {
    CHECK(select_rows(4, 4, 1, {}) == rows{"1", "2", "3", "4"});
    timeline_row_selection selection(4, 4, 1);
    CHECK_FALSE(selection.capped());
}

TEST_CASE("over the cap, hits are kept with their context and gaps say what is left out", "[report]") {
    // 20 events, cap 10, 2 before and after: hits at 5 and 15.
    CHECK(select_rows(20, 10, 2, {5, 15}) == rows{"-2", "3", "4", "5", "6", "7", "-5", "13", "14", "15", "16", "17", "-3"});
    // Overlapping context is kept once.
    CHECK(select_rows(12, 5, 2, {5, 7}) == rows{"-2", "3", "4", "5", "6", "7", "-5"});
    // Without hits, nothing but one gap.
    CHECK(select_rows(12, 5, 2, {}) == rows{"-12"});
    // Without context, the hits alone.
    CHECK(select_rows(6, 2, 0, {1, 4}) == rows{"1", "-2", "4", "-2"});
}

TEST_CASE("once the cap is reached, context stops but every hit is kept", "[report]") {
    // Cap 4: the first hit's context fills it; later hits come alone.
    CHECK(select_rows(20, 4, 2, {3, 10, 11, 18}) == rows{"1", "2", "3", "4", "-5", "10", "11", "-6", "18", "-2"});
}

TEST_CASE("rows kept and events left out add up to the events seen", "[report]") {
    timeline_row_selection selection(1000, 50, 5);
    struct counting final : timeline_row_sink {
        void keep(const car_event&) override { ++kept; }
        void gap(std::uint64_t left_out) override { gaps += left_out; }
        std::uint64_t kept = 0;
        std::uint64_t gaps = 0;
    } sink;
    for (std::uint64_t id = 0; id < 1000; ++id) {
        car_event event;
        if (id % 97 == 0) event.analytics = {"x:y"};
        selection.add(event, sink);
    }
    selection.finish(sink);
    CHECK(selection.capped());
    CHECK(sink.kept == selection.rows_kept());
    CHECK(sink.gaps == selection.events_left_out());
    CHECK(sink.kept + sink.gaps == 1000);
}

TEST_CASE("more events than announced still respect the cap", "[report]") {
    // Announced 3, cap 3, 6 arrive: the 4th on is over the cap.
    timeline_row_selection selection(3, 3, 1);
    recorded_rows sink;
    for (std::uint64_t id = 1; id <= 6; ++id) {
        car_event event;
        event.record_id = id;
        selection.add(event, sink);
    }
    selection.finish(sink);
    CHECK(sink.entries == rows{"1", "2", "3", "-3"});
}
