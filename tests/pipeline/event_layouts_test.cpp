// Event layouts: the sort runs store an event's layout (object, action,
// channel, provider, event id, payload kind and name, the payload's field
// names) as its number; whatever the events' kinds and the order they come
// back in, every event leaves the runs as it went in, and the host profiles
// still see every name a kind carried.
#include "pipeline/event_layouts.hpp"

#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

#include "catch.hpp"
#include "pipeline/car_event_codec.hpp"
#include "pipeline/host_profiles.hpp"
#include "pipeline/timeline_sorter.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

std::vector<payload_field> named(std::initializer_list<const char*> names) {
    std::vector<payload_field> fields;
    for (const char* name : names) fields.push_back({name, std::string("value of ") + name});
    return fields;
}

// Events of three layouts (process creation, logon, a log cleared with no
// payload fields),
// in no particular order, values unique to each event.
car_event layout_event(std::uint64_t i, std::uint64_t time) {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.time = time;
    event.record_id = i + 1;
    event.record_offset = (i + 1) * 512;
    event.channel = "Security";
    event.provider = "Microsoft-Windows-Security-Auditing";
    event.set(car_field::hostname, "WS01");
    switch (i % 3) {
        case 0:
            event.event_id = 4688;
            event.fields = {{"SubjectUserSid", "S-1-5-18"},
                            {"NewProcessName", "C:\\Windows\\System32\\cmd.exe"},
                            {"CommandLine", "cmd.exe /c echo " + std::to_string(i)}};
            event.set(car_field::command_line, event.fields[2].value);
            break;
        case 1:
            event.object = "user_session";
            event.action = "login";
            event.event_id = 4624;
            event.fields = {{"TargetUserName", "user" + std::to_string(i)}, {"LogonType", "3"}};
            break;
        default:
            event.object = "log";
            event.action = "clear";
            event.provider = "Microsoft-Windows-Eventlog";
            event.event_id = 1102;
            event.payload = payload_kind::user_data;
            event.payload_name = "LogFileCleared";
            break;
    }
    return event;
}

}  // namespace

TEST_CASE("event layouts: one number per distinct layout, whatever the values", "[pipeline][sorter][layouts]") {
    event_layouts layouts;
    event_layout_cache first(layouts);
    event_layout_cache second(layouts);
    const car_event process = layout_event(0, 1);
    const std::uint32_t number = first.number_of(process);
    CHECK(number == 1);  // numbers from 1: 0 means "not known"
    // Other values, the same layout, from the same cache and from another.
    car_event again = layout_event(3, 99);
    again.user_sid = "S-1-5-21-1";
    again.fields[0].value = "other";
    again.set(car_field::user, "CORP\\someone");
    CHECK(first.number_of(again) == number);
    CHECK(second.number_of(again) == number);
    // Each part of the layout changed alone, and names that only concatenate alike.
    std::vector<car_event> others(12, process);
    others[0].object = "file";
    others[1].action = "terminate";
    others[2].channel = "Microsoft-Windows-Sysmon/Operational";
    others[3].provider = "Microsoft-Windows-Sysmon";
    others[4].event_id = 4689;
    others[5].payload = payload_kind::user_data;
    others[6].payload_name = "LogFileCleared";
    others[7].fields = named({"NewProcessName", "SubjectUserSid", "CommandLine"});
    others[8].fields = named({"SubjectUserSid", "NewProcessName"});
    others[9].fields = named({"SubjectUserSid", "NewProcessName", "CommandLine", "Extra"});
    others[10].fields = named({"SubjectUserSidNewProcessName", "", "CommandLine"});
    others[11].fields.clear();
    std::set<std::uint32_t> numbers{number};
    for (const car_event& other : others) {
        const std::uint32_t its = second.number_of(other);
        CHECK(numbers.insert(its).second);  // not met before
        CHECK(first.number_of(other) == its);
        const event_layout* layout = layouts.find(its);
        REQUIRE(layout != nullptr);
        CHECK(layout->fits(other));
        CHECK_FALSE(layout->fits(process));
    }
    CHECK(layouts.find(0) == nullptr);
    CHECK(layouts.find(numbers.size() + 1) == nullptr);
}

TEST_CASE("event layouts: workers adding at once agree on the numbers", "[pipeline][sorter][layouts]") {
    event_layouts layouts;
    std::vector<std::vector<std::uint32_t>> seen(4);
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        workers.emplace_back([&, t] {
            event_layout_cache cache(layouts);
            for (std::size_t i = 0; i < 2000; ++i) {
                const std::size_t kind = (i * 7 + t) % 50;
                car_event event = layout_event(0, i);
                event.event_id = static_cast<std::uint32_t>(kind % 5);
                event.fields.clear();
                for (std::size_t f = 0; f <= kind / 5; ++f) event.fields.push_back({"Field" + std::to_string(f), "v"});
                const std::uint32_t number = cache.number_of(event);
                if (seen[t].size() <= kind) seen[t].resize(kind + 1);
                seen[t][kind] = number;
            }
        });
    }
    for (auto& worker : workers) worker.join();
    std::set<std::uint32_t> distinct(seen[0].begin(), seen[0].end());
    CHECK(distinct.size() == 50);
    for (std::size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
    CHECK(layouts.find(50) != nullptr);
    CHECK(layouts.find(51) == nullptr);
}

TEST_CASE("events decoded by layout into each other's buffers keep their own names", "[pipeline][sorter][layouts]") {
    event_layouts layouts;
    event_layout_cache cache(layouts);
    // Kinds in an order that reuses an event of the same kind and of others.
    const std::uint64_t order[] = {0, 3, 1, 2, 5, 4, 6, 9, 12, 7, 8};
    car_event_spares spares;
    car_event decoded;
    for (const std::uint64_t i : order) {
        CAPTURE(i);
        const car_event event = layout_event(i, 1000 + i);
        const std::uint32_t number = cache.number_of(event);
        std::string bytes;
        encode_car_event(event, number, bytes);
        const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
        decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares, layouts);
        CHECK(decoded == event);
        REQUIRE(decoded.fields.size() == event.fields.size());
        for (std::size_t f = 0; f < event.fields.size(); ++f) CHECK(decoded.fields[f].name == event.fields[f].name);
        CHECK(decoded.layout.number == number);
    }
    // An event moved from has lost its texts, so it has lost its layout:
    // decoded into again, it gets all of them back.
    {
        const car_event cleared = layout_event(2, 50);  // no payload fields
        const std::uint32_t number = cache.number_of(cleared);
        std::string bytes;
        encode_car_event(cleared, number, bytes);
        const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
        decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares, layouts);
        const car_event taken = std::move(decoded);
        CHECK(taken == cleared);
        CHECK(decoded.layout.number == 0);
        decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares, layouts);
        CHECK(decoded == cleared);
        CHECK(decoded.object == "log");
        CHECK(decoded.channel == "Security");
    }
    // Decoded with names written out, an event says no layout.
    std::string bytes;
    encode_car_event(layout_event(0, 1), bytes);
    const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
    decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares);
    CHECK(decoded.layout.number == 0);
}

TEST_CASE("a run naming a layout that was never handed out is damaged", "[pipeline][sorter][layouts]") {
    event_layouts layouts;
    event_layout_cache cache(layouts);
    const car_event event = layout_event(0, 1);
    CHECK(cache.number_of(event) == 1);
    std::string bytes;
    encode_car_event(event, 2, bytes);  // layout 2 does not exist
    const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
    car_event_spares spares;
    car_event decoded;
    CHECK_THROWS_AS(decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares, layouts),
                    std::runtime_error);
}

TEST_CASE("events of several layouts come out of spilled runs and the multi-pass merge as they went in",
          "[pipeline][sorter][layouts]") {
    std::mt19937_64 random(777);
    std::vector<car_event> events;
    for (std::uint64_t i = 0; i < 6000; ++i) events.push_back(layout_event(i, random() % 2000));
    for (unsigned threads : {1u, 2u, 3u}) {
        CAPTURE(threads);
        temporary_folder folder;
        std::vector<car_event> out;
        std::size_t spilled = 0;
        {
            timeline_sorter sorter(folder.path() / "sort");
            std::vector<std::thread> workers;
            for (unsigned t = 0; t < threads; ++t) {
                workers.emplace_back([&, t] {
                    run_builder runs(sorter, 3 << 10);
                    for (std::size_t i = t; i < events.size(); i += threads) runs.add(events[i]);
                    runs.close();
                });
            }
            for (auto& worker : workers) worker.join();
            spilled = sorter.spilled_runs();
            // The merge hands out events whose buffers it reuses; a copy of
            // each is kept, and the visitor hands back another event (at
            // first one of another kind, then the one before), as the
            // timeline pass does with its batches.
            auto other = std::make_unique<car_event>(layout_event(1, 0));
            auto merged = sorter.merge_handing_over([&](std::unique_ptr<car_event>& event) {
                out.push_back(*event);
                event.swap(other);
                return true;
            });
            REQUIRE(merged.ok());
        }
        CHECK(spilled > 200);  // more runs than one merge pass takes
        std::vector<car_event> expected = events;
        std::stable_sort(expected.begin(), expected.end(), timeline_before);
        REQUIRE(out.size() == expected.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            REQUIRE(out[i] == expected[i]);
            REQUIRE(out[i].fields.size() == expected[i].fields.size());
            for (std::size_t f = 0; f < out[i].fields.size(); ++f) REQUIRE(out[i].fields[f].name == expected[i].fields[f].name);
            CHECK(out[i].layout.number != 0);
        }
    }
}

TEST_CASE("host profiles see every payload name of a kind whose events change layout", "[pipeline][layouts]") {
    event_layouts layouts;
    event_layout_cache cache(layouts);
    host_profiles profiles;
    // One kind (4688) whose events carry two layouts in turn; an event with
    // no layout number (as the detection store decodes them) in between.
    auto event_with = [&](std::vector<payload_field> fields, bool numbered) {
        car_event event = layout_event(0, 1);
        event.fields = std::move(fields);
        if (numbered) event.layout.number = cache.number_of(event);
        return event;
    };
    const car_event plain = event_with(named({"SubjectUserSid", "CommandLine"}), true);
    const car_event longer = event_with(named({"SubjectUserSid", "CommandLine", "ParentProcessName"}), true);
    const car_event unnumbered = event_with(named({"SubjectUserSid", "MandatoryLabel"}), false);
    for (const car_event* event : {&plain, &plain, &longer, &plain, &unnumbered, &plain, &longer}) profiles.count("WS01", *event);
    const auto& kinds = profiles.by_host().at("WS01");
    REQUIRE(kinds.size() == 1);
    const event_kind_profile& profile = kinds.begin()->second;
    CHECK(profile.events == 7);
    CHECK(profile.payload_names ==
          std::set<std::string, std::less<>>{"SubjectUserSid", "CommandLine", "ParentProcessName", "MandatoryLabel"});
}
