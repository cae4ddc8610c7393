// Payload layouts: the sort runs store an event's payload names as the
// number of their layout; whatever the events' kinds and the order they
// come back in, every event leaves the runs with its own names, and the
// host profiles still see every name a kind carried.
#include "pipeline/payload_layouts.hpp"

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

// Events of three layouts (process creation, logon, a payload of none),
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
            event.event_id = 4624;
            event.fields = {{"TargetUserName", "user" + std::to_string(i)}, {"LogonType", "3"}};
            break;
        default:
            event.event_id = 1102;
            break;
    }
    return event;
}

}  // namespace

TEST_CASE("payload layouts: one number per distinct list of names, in order", "[pipeline][sorter][layouts]") {
    payload_layouts layouts;
    payload_layout_cache first(layouts);
    payload_layout_cache second(layouts);
    const std::uint32_t process = first.number_of(named({"SubjectUserSid", "NewProcessName", "CommandLine"}));
    CHECK(process == 1);  // numbers from 1: 0 means "not known"
    // The same names, values aside, from the same cache and from another.
    std::vector<payload_field> again = named({"SubjectUserSid", "NewProcessName", "CommandLine"});
    again[2].value = "other";
    CHECK(first.number_of(again) == process);
    CHECK(second.number_of(again) == process);
    // Other order, one name fewer or more, and names that only concatenate alike.
    std::set<std::uint32_t> numbers{process};
    for (const auto& fields : {named({"NewProcessName", "SubjectUserSid", "CommandLine"}),
                               named({"SubjectUserSid", "NewProcessName"}),
                               named({"SubjectUserSid", "NewProcessName", "CommandLine", "Extra"}),
                               named({"SubjectUserSidNewProcessName", "", "CommandLine"}), named({}), named({""}),
                               named({"a", "bc"}), named({"ab", "c"})}) {
        const std::uint32_t number = second.number_of(fields);
        CHECK(numbers.insert(number).second);  // not met before
        CHECK(first.number_of(fields) == number);
        const std::vector<std::string>* names = layouts.names(number);
        REQUIRE(names != nullptr);
        CHECK(same_payload_names(*names, fields));
    }
    CHECK(layouts.names(0) == nullptr);
    CHECK(layouts.names(numbers.size() + 1) == nullptr);
}

TEST_CASE("payload layouts: workers adding at once agree on the numbers", "[pipeline][sorter][layouts]") {
    payload_layouts layouts;
    std::vector<std::vector<std::uint32_t>> seen(4);
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        workers.emplace_back([&, t] {
            payload_layout_cache cache(layouts);
            for (std::size_t i = 0; i < 2000; ++i) {
                const std::size_t kind = (i * 7 + t) % 50;
                std::vector<payload_field> fields;
                for (std::size_t f = 0; f <= kind % 7; ++f) fields.push_back({"Field" + std::to_string(kind) + "_" + std::to_string(f), "v"});
                const std::uint32_t number = cache.number_of(fields);
                if (seen[t].size() <= kind) seen[t].resize(kind + 1);
                seen[t][kind] = number;
            }
        });
    }
    for (auto& worker : workers) worker.join();
    std::set<std::uint32_t> distinct(seen[0].begin(), seen[0].end());
    CHECK(distinct.size() == 50);
    for (std::size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
    CHECK(layouts.names(50) != nullptr);
    CHECK(layouts.names(51) == nullptr);
}

TEST_CASE("events decoded by layout into each other's buffers keep their own names", "[pipeline][sorter][layouts]") {
    payload_layouts layouts;
    payload_layout_cache cache(layouts);
    // Kinds in an order that reuses an event of the same kind and of others.
    const std::uint64_t order[] = {0, 3, 1, 2, 5, 4, 6, 9, 12, 7, 8};
    car_event_spares spares;
    car_event decoded;
    for (const std::uint64_t i : order) {
        CAPTURE(i);
        const car_event event = layout_event(i, 1000 + i);
        const std::uint32_t number = cache.number_of(event.fields);
        std::string bytes;
        encode_car_event(event, number, bytes);
        const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
        decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares, layouts);
        CHECK(decoded == event);
        REQUIRE(decoded.fields.size() == event.fields.size());
        for (std::size_t f = 0; f < event.fields.size(); ++f) CHECK(decoded.fields[f].name == event.fields[f].name);
        CHECK(decoded.payload_layout.number == number);
    }
    // Decoded with names written out, an event says no layout.
    std::string bytes;
    encode_car_event(layout_event(0, 1), bytes);
    const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
    decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares);
    CHECK(decoded.payload_layout.number == 0);
}

TEST_CASE("a run naming a layout that was never handed out is damaged", "[pipeline][sorter][layouts]") {
    payload_layouts layouts;
    payload_layout_cache cache(layouts);
    const car_event event = layout_event(0, 1);
    CHECK(cache.number_of(event.fields) == 1);
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
                    run_builder runs(sorter, 4 << 10);
                    for (std::size_t i = t; i < events.size(); i += threads) runs.add(events[i]);
                    runs.close();
                });
            }
            for (auto& worker : workers) worker.join();
            spilled = sorter.spilled_runs();
            // The merge hands out one event whose buffers it reuses; a copy
            // of each is kept, and the visitor hands back an event of
            // another kind, as the timeline pass does with its batches.
            car_event other = layout_event(1, 0);
            auto merged = sorter.merge([&](car_event& event) {
                out.push_back(event);
                swap(event, other);
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
            CHECK(out[i].payload_layout.number != 0);
        }
    }
}

TEST_CASE("host profiles see every payload name of a kind whose events change layout", "[pipeline][layouts]") {
    payload_layouts layouts;
    payload_layout_cache cache(layouts);
    host_profiles profiles;
    // One kind (4688) whose events carry two layouts in turn; an event with
    // no layout number (as the detection store decodes them) in between.
    auto event_with = [&](std::vector<payload_field> fields, bool numbered) {
        car_event event = layout_event(0, 1);
        event.fields = std::move(fields);
        if (numbered) event.payload_layout.number = cache.number_of(event.fields);
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
