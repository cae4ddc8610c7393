// Host profiles: per host and kind of event, the events counted and every
// CAR field and payload name they carried, however many kinds a log mixes
// (more than the profiles keep at hand) and in whatever order.
#include "pipeline/host_profiles.hpp"

#include <map>
#include <set>
#include <tuple>

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("host profiles count every kind of a log that mixes more kinds than they keep at hand",
          "[pipeline][host_profiles]") {
    host_profiles profiles;
    // What the events carry, tallied here as they are made.
    std::map<std::tuple<std::string, std::uint32_t>, std::uint64_t> events;
    std::map<std::tuple<std::string, std::uint32_t>, std::set<std::string, std::less<>>> names;
    std::map<std::tuple<std::string, std::uint32_t>, std::set<std::size_t>> fields;
    for (std::uint64_t i = 0; i < 20000; ++i) {
        const std::string host = (i / 7) % 3 == 0 ? "WS01" : (i % 5 == 0 ? "DC01" : "WS02");
        const auto id = static_cast<std::uint32_t>((i * 13) % 45);  // 45 kinds per host, in a scattered order
        car_event event;
        event.object = id % 2 == 0 ? "process" : "file";
        event.action = "create";
        event.channel = "Microsoft-Windows-Sysmon/Operational";
        event.provider = "Microsoft-Windows-Sysmon";
        event.event_id = id;
        // A kind's events carry one of two layouts in turn.
        const std::size_t count = 1 + id % 4 + (i / 45) % 2;
        for (std::size_t f = 0; f < count; ++f) event.fields.push_back({"Field" + std::to_string(id) + "_" + std::to_string(f), "v"});
        event.set(car_field::hostname, host);
        if ((i / 45) % 2 == 1) event.set(car_field::pid, std::to_string(i));
        profiles.count(host, event);
        const auto key = std::make_tuple(host, id);
        ++events[key];
        for (const payload_field& field : event.fields) names[key].insert(field.name);
        for (const car_value& value : event.values) fields[key].insert(static_cast<std::size_t>(value.field));
    }
    std::size_t kinds_seen = 0;
    for (const auto& [host, kinds] : profiles.by_host()) {
        for (const auto& [key, profile] : kinds) {
            CAPTURE(host, key.event_id);
            const auto tally = std::make_tuple(host, key.event_id);
            REQUIRE(events.count(tally) == 1);
            CHECK(profile.events == events.at(tally));
            CHECK(profile.payload_names == names.at(tally));
            std::set<std::size_t> set;
            for (std::size_t f = 0; f < profile.car_fields.size(); ++f) {
                if (profile.car_fields.test(f)) set.insert(f);
            }
            CHECK(set == fields.at(tally));
            ++kinds_seen;
        }
    }
    CHECK(kinds_seen == events.size());
    CHECK(kinds_seen > 64);  // twice the 32 kept at hand
}

TEST_CASE("host profiles give every host the names of a kind that many hosts log alike", "[pipeline][host_profiles]") {
    host_profiles profiles;
    for (std::uint64_t i = 0; i < 400; ++i) {
        const std::string host = "HOST" + std::to_string(i % 40);  // more hosts than kinds kept at hand
        car_event event;
        event.object = "process";
        event.action = "create";
        event.channel = "Security";
        event.provider = "Microsoft-Windows-Security-Auditing";
        event.event_id = 4688;
        event.fields = {{"NewProcessName", "C:\\x.exe"}, {"CommandLine", "x " + std::to_string(i)}};
        profiles.count(host, event);
    }
    REQUIRE(profiles.by_host().size() == 40);
    for (const auto& [host, kinds] : profiles.by_host()) {
        CAPTURE(host);
        REQUIRE(kinds.size() == 1);
        CHECK(kinds.begin()->second.events == 10);
        CHECK(kinds.begin()->second.payload_names == std::set<std::string, std::less<>>{"NewProcessName", "CommandLine"});
    }
}
