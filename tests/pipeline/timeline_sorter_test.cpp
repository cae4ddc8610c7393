// The external sort: whatever the memory budget, the merge yields every
// event exactly once in timeline order.
#include "pipeline/timeline_sorter.hpp"

#include <random>
#include <thread>

#include "catch.hpp"
#include "pipeline/car_event_codec.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

car_event make_event(std::uint64_t time, std::uint32_t file, std::uint64_t record) {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.time = time;
    event.file_index = file;
    event.record_id = record;
    event.record_offset = record * 512;
    event.channel = "Microsoft-Windows-Sysmon/Operational";
    event.provider = "Microsoft-Windows-Sysmon";
    event.event_id = 1;
    event.set(car_field::command_line, "cmd.exe /c echo " + std::to_string(record) + std::string(100, 'x'));
    event.set(car_field::hostname, "WS01");
    return event;
}

std::vector<car_event> sort_with_budget(std::vector<car_event> events, std::size_t budget, unsigned threads,
                                        std::size_t& spilled_runs) {
    temporary_folder folder;
    std::vector<car_event> out;
    {
        timeline_sorter sorter(folder.path() / "sort");
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                run_builder runs(sorter, budget);
                for (std::size_t i = t; i < events.size(); i += threads) runs.add(car_event(events[i]));
                runs.close();
            });
        }
        for (auto& worker : workers) worker.join();
        spilled_runs = sorter.spilled_runs();
        auto merged = sorter.merge([&out](car_event& event) {
            out.push_back(event);
            return true;
        });
        REQUIRE(merged.ok());
        CHECK(merged.value() == events.size());
    }
    CHECK_FALSE(std::filesystem::exists(folder.path() / "sort"));  // temporary runs removed
    return out;
}

}  // namespace

TEST_CASE("timeline sorter orders by time, then host, channel and record id, then file", "[pipeline][sorter]") {
    std::vector<car_event> events = {make_event(30, 0, 1), make_event(10, 1, 7), make_event(10, 0, 9),
                                     make_event(10, 0, 8), make_event(20, 2, 1), make_event(10, 0, 7),
                                     make_event(10, 0, 2), make_event(10, 0, 1)};
    events[6].set(car_field::hostname, "WS00");                // an earlier host name comes first
    events[7].channel = "Microsoft-Windows-Sysmon/Zzz";          // a later channel comes after
    std::size_t runs = 0;
    const auto sorted = sort_with_budget(events, 1 << 20, 1, runs);
    REQUIRE(sorted.size() == 8);
    CHECK(runs == 0);
    CHECK(sorted[0] == events[6]);  // time 10, WS00
    CHECK(sorted[1] == events[5]);  // time 10, WS01, record 7 of file 0
    CHECK(sorted[2] == events[1]);  //                record 7 of file 1: beside its copy
    CHECK(sorted[3] == events[3]);  //                record 8
    CHECK(sorted[4] == events[2]);  //                record 9
    CHECK(sorted[5] == events[7]);  //   later channel
    CHECK(sorted[6] == events[4]);  // time 20
    CHECK(sorted[7] == events[0]);  // time 30
}

TEST_CASE("timeline sorter spills to disk under a small budget and still merges in order", "[pipeline][sorter]") {
    std::mt19937_64 random(12345);
    std::vector<car_event> events;
    for (std::uint64_t i = 0; i < 5000; ++i) events.push_back(make_event(random() % 1000, static_cast<std::uint32_t>(i % 3), i));
    for (unsigned threads : {1u, 2u, 3u}) {
        CAPTURE(threads);
        std::size_t runs = 0;
        const auto sorted = sort_with_budget(events, 4 << 10, threads, runs);  // about 20 encoded events per run
        CHECK(runs > 200);  // more runs than one merge pass takes: exercises the multi-pass merge
        REQUIRE(sorted.size() == events.size());
        for (std::size_t i = 1; i < sorted.size(); ++i) REQUIRE_FALSE(timeline_before(sorted[i], sorted[i - 1]));
        std::vector<car_event> expected = events;
        std::stable_sort(expected.begin(), expected.end(), timeline_before);
        CHECK(sorted == expected);  // every event, every field, exactly once
    }
}

TEST_CASE("a run builder that spilled spills its last run too; one that never did keeps it", "[pipeline][sorter]") {
    // A builder that spilled has touched its whole budget; keeping its last
    // run would hold that budget through the merge.
    temporary_folder folder;
    std::vector<car_event> events;
    {
        timeline_sorter sorter(folder.path() / "sort");
        run_builder spilling(sorter, 4 << 10);
        std::uint64_t record = 0;
        while (sorter.spilled_runs() == 0) {
            events.push_back(make_event(1000 - record, 0, record));
            spilling.add(events.back());
            ++record;
            REQUIRE(record < 1000);
        }
        events.push_back(make_event(5, 0, record));  // the start of a last run
        spilling.add(events.back());
        CHECK(sorter.spilled_runs() == 1);
        spilling.close();
        CHECK(sorter.spilled_runs() == 2);

        run_builder keeping(sorter, 1 << 20);  // never fills its budget
        events.push_back(make_event(7, 1, 1));
        keeping.add(events.back());
        keeping.close();
        CHECK(sorter.spilled_runs() == 2);

        std::vector<car_event> out;
        auto merged = sorter.merge([&out](car_event& event) {
            out.push_back(event);
            return true;
        });
        REQUIRE(merged.ok());
        std::vector<car_event> expected = events;
        std::stable_sort(expected.begin(), expected.end(), timeline_before);
        CHECK(out == expected);
    }
}

TEST_CASE("timeline sorter orders the events of many hosts and channels by name", "[pipeline][sorter]") {
    // A collector's log: one run holds events of hundreds of hosts, interleaved.
    std::mt19937_64 random(777);
    std::vector<car_event> events;
    for (std::uint64_t i = 0; i < 3000; ++i) {
        car_event event = make_event(random() % 20, 0, i);
        event.set(car_field::hostname, "HOST" + std::to_string(random() % 400));
        if (i % 7 == 0) event.channel = "Security";
        events.push_back(std::move(event));
    }
    for (std::size_t budget : {std::size_t{1} << 24, std::size_t{32} << 10}) {  // one run in memory; spilled runs
        CAPTURE(budget);
        std::size_t runs = 0;
        const auto sorted = sort_with_budget(events, budget, 2, runs);
        std::vector<car_event> expected = events;
        std::stable_sort(expected.begin(), expected.end(), timeline_before);
        CHECK(sorted == expected);
    }
}

TEST_CASE("many car events read back in blocks smaller than several of them", "[pipeline][sorter]") {
    temporary_folder folder;
    std::vector<car_event> events;
    std::string bytes;
    for (std::uint64_t i = 0; i < 500; ++i) {
        car_event event = make_event(133800000000000000ULL + i, 1, i);
        event.fields = {{"CommandLine", std::string(i % 300, 'y')}, {"Id", std::to_string(i)}};
        event.set(car_field::pid, std::to_string(i));
        encode_car_event(event, bytes);
        events.push_back(std::move(event));
    }
    const auto path = folder.path() / "many.bin";
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
    file = std::fopen(path.c_str(), "rb");
    {
        car_event_reader reader(file, 1000);
        car_event decoded;
        for (const car_event& event : events) {
            REQUIRE(reader.next(decoded));
            CHECK(decoded == event);
        }
        CHECK_FALSE(reader.next(decoded));
    }
    std::fclose(file);
}

TEST_CASE("car events survive the run file encoding", "[pipeline][sorter]") {
    temporary_folder folder;
    car_event event = make_event(133800000000000000ULL, 7, 99);
    event.set(car_field::user, "CORP\\b\xC3\xB6" "b");
    event.set(car_field::data, std::string("with\0nul", 8));
    event.analytics = {"CAR-2020-11-010:remote"};
    // A CAR value equal to a payload value is written as its position: it still reads back whole.
    event.payload = payload_kind::event_data;
    event.fields = {{"Image", "C:\\Windows\\cmd.exe"}, {"", ""}, {"CommandLine", "cmd.exe /c echo 99"}};
    event.set(car_field::image_path, "C:\\Windows\\cmd.exe");
    event.level = 4;
    event.keywords = 0x8000000000000000ULL;
    event.user_sid = "S-1-5-18";
    std::string bytes;
    encode_car_event(event, bytes);
    const auto path = folder.path() / "one.bin";
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
    file = std::fopen(path.c_str(), "rb");
    car_event decoded;
    {
        car_event_reader reader(file, 16);  // a block smaller than the event: it grows to hold it
        CHECK(reader.next(decoded));
        CHECK(decoded == event);
        CHECK_FALSE(reader.next(decoded));
    }
    std::fclose(file);

    // A damaged run is an error, not garbage.
    file = std::fopen(path.c_str(), "wb");
    std::fwrite(bytes.data(), 1, bytes.size() / 2, file);
    std::fclose(file);
    file = std::fopen(path.c_str(), "rb");
    {
        car_event_reader reader(file);
        CHECK_THROWS_AS(reader.next(decoded), std::runtime_error);
    }
    std::fclose(file);
}

TEST_CASE("an event decoded into reused buffers, through spares, is the event encoded", "[pipeline][sorter]") {
    // Events of three kinds in turn, with many, few and no payload fields
    // and CAR values: each decoded into the buffers the one before left.
    std::vector<car_event> events;
    for (std::uint64_t i = 0; i < 12; ++i) {
        car_event event = make_event(133800000000000000ULL + i, 1, i + 1);
        const std::size_t fields = (i % 3 == 0) ? 30 : (i % 3 == 1) ? 2 : 0;
        for (std::size_t f = 0; f < fields; ++f) {
            event.fields.push_back({"Name" + std::to_string(f), "value " + std::to_string(i) + std::string(40, 'v')});
        }
        if (i % 3 == 2) event.values.clear();
        if (i % 3 == 0) event.set(car_field::user, "CORP\\user" + std::to_string(i) + std::string(30, 'u'));
        events.push_back(event);
    }
    car_event_spares spares;
    car_event decoded;
    for (const car_event& event : events) {
        std::string bytes;
        encode_car_event(event, bytes);
        const auto [size, length_bytes] = read_length_prefix(bytes.data(), bytes.data() + bytes.size());
        decode_car_event_body(bytes.data() + length_bytes, static_cast<std::size_t>(size), decoded, spares);
        CHECK(decoded == event);
        CHECK(spares.fields.size() <= car_event_spares::most);
    }
    // After an event of no fields, the 30 fields of the first kind wait as spares.
    CHECK(spares.fields.size() == 30);
    CHECK(decoded.fields.empty());
}
