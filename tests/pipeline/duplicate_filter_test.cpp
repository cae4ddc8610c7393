// Copies of one event: the same host, channel, provider, event id, record id,
// TimeCreated and payload (issue rule, docs/architecture.md).
#include "pipeline/duplicate_filter.hpp"

#include <memory>
#include <string>
#include <vector>

#include "catch.hpp"

using namespace evtxcar;

namespace {

car_event logon(std::uint32_t file, std::uint64_t record_id, const std::string& user) {
    car_event event;
    event.time = 133500000000000000ULL;
    event.file_index = file;
    event.record_id = record_id;
    event.channel = "Security";
    event.provider = "Microsoft-Windows-Security-Auditing";
    event.event_id = 4624;
    event.object = generic_object;
    event.set(car_field::hostname, "WS01");
    event.set(car_field::fqdn, "WS01.corp.example.com");
    event.payload = payload_kind::event_data;
    event.fields = {{"TargetUserName", user}, {"LogonType", "3"}};
    return event;
}

struct emitted {
    std::uint32_t file;
    std::uint64_t record_id;
    bool is_copy;
    std::vector<std::uint32_t> copies;
    friend bool operator==(const emitted&, const emitted&) = default;
};

std::vector<emitted> run(std::vector<car_event> events, bool keep_duplicates = false) {
    duplicate_filter filter(keep_duplicates);
    std::vector<emitted> out;
    auto take = [&out](std::unique_ptr<car_event>& event, bool is_copy) {
        out.push_back({event->file_index, event->record_id, is_copy, event->copies});
    };
    for (car_event& event : events) {
        auto handle = std::make_unique<car_event>(std::move(event));
        filter.add(handle, take);
    }
    filter.finish(take);
    return out;
}

}  // namespace

TEST_CASE("duplicate filter: the same record in two files is one event naming both", "[pipeline][duplicates]") {
    const auto out = run({logon(0, 7, "alice"), logon(2, 7, "alice"), logon(0, 8, "bob")});
    REQUIRE(out.size() == 3);
    CHECK(out[0] == emitted{0, 7, false, {2}});
    CHECK(out[1] == emitted{2, 7, true, {}});
    CHECK(out[2] == emitted{0, 8, false, {}});
}

TEST_CASE("duplicate filter: the same record id with other content is not a copy", "[pipeline][duplicates]") {
    const auto out = run({logon(0, 7, "alice"), logon(1, 7, "mallory")});
    REQUIRE(out.size() == 2);
    CHECK_FALSE(out[0].is_copy);
    CHECK_FALSE(out[1].is_copy);
    CHECK(out[0].copies.empty());
}

TEST_CASE("duplicate filter: another host, channel, event id or time is not a copy", "[pipeline][duplicates]") {
    car_event other_host = logon(1, 7, "alice");
    other_host.set(car_field::hostname, "WS02");
    other_host.set(car_field::fqdn, "WS02.corp.example.com");
    CHECK_FALSE(same_event(logon(0, 7, "alice"), other_host));
    car_event other_channel = logon(1, 7, "alice");
    other_channel.channel = "ForwardedEvents";
    CHECK_FALSE(same_event(logon(0, 7, "alice"), other_channel));
    car_event other_id = logon(1, 7, "alice");
    other_id.event_id = 4625;
    CHECK_FALSE(same_event(logon(0, 7, "alice"), other_id));
    car_event later = logon(1, 7, "alice");
    later.time += 1;
    CHECK_FALSE(same_event(logon(0, 7, "alice"), later));
    CHECK(same_event(logon(0, 7, "alice"), logon(5, 7, "alice")));
}

TEST_CASE("duplicate filter: with keep_duplicates every copy is an event", "[pipeline][duplicates]") {
    const auto out = run({logon(0, 7, "alice"), logon(1, 7, "alice")}, true);
    REQUIRE(out.size() == 2);
    CHECK(out[0] == emitted{0, 7, false, {}});
    CHECK(out[1] == emitted{1, 7, false, {}});
}

TEST_CASE("duplicate filter: three copies and a reused buffer", "[pipeline][duplicates]") {
    // The filter exchanges events with its caller, and `take` with the
    // filter, as the timeline pass does: an old event's copies must not stick.
    duplicate_filter filter(false);
    std::vector<emitted> out;
    auto spare = std::make_unique<car_event>();
    auto take = [&out, &spare](std::unique_ptr<car_event>& event, bool is_copy) {
        out.push_back({event->file_index, event->record_id, is_copy, event->copies});
        event.swap(spare);  // the filter keeps the one `take` had
    };
    auto buffer = std::make_unique<car_event>();
    for (std::uint32_t file : {0u, 1u, 3u}) {
        *buffer = logon(file, 9, "alice");
        filter.add(buffer, take);
        REQUIRE(buffer != nullptr);
    }
    *buffer = logon(0, 10, "carol");
    filter.add(buffer, take);
    filter.finish(take);
    REQUIRE(out.size() == 4);
    CHECK(out[0] == emitted{0, 9, false, {1, 3}});
    CHECK(out[1].is_copy);
    CHECK(out[2].is_copy);
    CHECK(out[3] == emitted{0, 10, false, {}});
}
