// detection_store: detections beyond the memory budget go to a temporary
// file and come back, in order, exactly as they were added; the file is
// never seen in the folder; a folder it cannot write to is an error.
#include "pipeline/detection_store.hpp"

#include <fstream>
#include <stdexcept>
#include <thread>

#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

car_event event_of(std::uint64_t record_id, const std::string& text) {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.time = 133000000000000000ULL + record_id;
    event.file_index = static_cast<std::uint32_t>(record_id % 3);
    event.record_id = record_id;
    event.record_offset = 4096 + record_id * 512;
    event.channel = "Microsoft-Windows-Sysmon/Operational";
    event.provider = "Microsoft-Windows-Sysmon";
    event.event_id = 1;
    event.version = 5;
    event.level = 4;
    event.task = 1;
    event.opcode = 0;
    event.keywords = 0x8000000000000000ULL;
    event.user_sid = "S-1-5-18";
    event.payload = payload_kind::event_data;
    event.fields = {{"CommandLine", text}, {"Image", "C:\\Windows\\System32\\cmd.exe"}, {"Empty", ""}};
    event.values = {{car_field::command_line, text}, {car_field::exe, "cmd.exe"}};
    event.analytics = {"CAR-2013-02-003:pseudocode"};
    return event;
}

detection detection_of(std::uint64_t n) {
    detection found;
    found.analytic_id = "rule-" + std::to_string(n % 7);
    found.analytic_name = "Ünïcode title " + std::to_string(n);
    found.technique = "T1059.001, T1027";
    found.variant = n % 2 ? "sigma" : "pseudocode";
    found.reason = n % 5 ? "why " + std::string(n % 50, 'x') : "";
    found.level = "high";
    found.status = "test";
    found.tactics = "execution";
    found.rule_path = "/rules/r" + std::to_string(n) + ".yml";
    found.event = event_of(n, "cmd.exe /c echo " + std::to_string(n) + " ✓");
    if (n % 3 == 0) found.event.copies = {4, 9};
    if (n % 4 != 0) {
        found.process = event_of(n + 100000, "parent of " + std::to_string(n));
        found.process->copies = {7};
    }
    return found;
}

// Every member the codec carries, as text: what a detection holds.
std::string text_of(const detection& d) {
    std::string out = d.analytic_id + "|" + d.analytic_name + "|" + d.technique + "|" + d.variant + "|" + d.reason + "|" +
                      d.level + "|" + d.status + "|" + d.tactics + "|" + d.rule_path;
    auto add_event = [&](const car_event& e) {
        out += "|" + e.object + "/" + e.action + " " + std::to_string(e.time) + " " + std::to_string(e.file_index) + " " +
               std::to_string(e.record_id) + " " + std::to_string(e.record_offset) + " " + e.channel + " " + e.provider +
               " " + std::to_string(e.event_id) + " " + std::to_string(e.version) + " " + std::to_string(e.level) + " " +
               std::to_string(e.task) + " " + std::to_string(e.opcode) + " " + std::to_string(e.keywords) + " " +
               e.user_sid + " " + std::to_string(static_cast<int>(e.payload)) + " " + e.payload_name;
        for (const auto& f : e.fields) out += " [" + f.name + "=" + f.value + "]";
        for (const auto& v : e.values) out += " {" + std::to_string(static_cast<int>(v.field)) + "=" + v.text + "}";
        for (const auto& a : e.analytics) out += " <" + a + ">";
        for (std::uint32_t c : e.copies) out += " copy " + std::to_string(c);
    };
    add_event(d.event);
    if (d.process) {
        out += "|process";
        add_event(*d.process);
    }
    return out;
}

std::vector<std::string> visited(const detection_list& list) {
    std::vector<std::string> out;
    list.for_each([&](const detection& found) { out.push_back(text_of(found)); });
    return out;
}

std::size_t entries_in(const std::filesystem::path& folder) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
    return count;
}

}  // namespace

TEST_CASE("detection store: what goes to disk comes back as it was added", "[pipeline]") {
    temporary_folder folder;
    detection_store store(folder.path() / "spill", 64 << 10);  // a few dozen stay in memory
    std::vector<std::string> expected;
    constexpr std::uint64_t count = 3000;  // several write blocks
    for (std::uint64_t n = 0; n < count; ++n) {
        detection found = detection_of(n);
        expected.push_back(text_of(found));
        REQUIRE(store.add(std::move(found)).ok());
    }
    REQUIRE(store.flush().ok());
    CHECK(store.size() == count);
    CHECK(store.spilled() > 0);
    CHECK(store.spilled() < count);
    CHECK(store.spilled_bytes() > std::uint64_t{1} << 20);
    CHECK(entries_in(folder.path() / "spill") == 0);  // unlinked once open
    CHECK(visited(store) == expected);
    // Two visits at once (the detections writer beside the coverage).
    std::vector<std::string> first, second;
    std::thread other([&] { first = visited(store); });
    second = visited(store);
    other.join();
    CHECK(first == expected);
    CHECK(second == expected);
    // Moved, the store still reads back its file.
    detection_store moved = std::move(store);
    CHECK(visited(moved) == expected);
}

TEST_CASE("detection store: detections are counted by host, analytic, variant and level as they are added",
          "[pipeline]") {
    temporary_folder folder;
    detection_store store(folder.path() / "spill", 64 << 10);  // most of them on disk
    detection_tallies expected;
    constexpr std::uint64_t count = 3000;
    for (std::uint64_t n = 0; n < count; ++n) {
        detection found = detection_of(n);
        const std::string host = n % 3 == 0 ? "WS01.corp.example.com" : "DC01";
        if (n % 3 == 0) found.event.set(car_field::fqdn, host);
        found.event.set(car_field::hostname, n % 3 == 0 ? "WS01" : "DC01");
        ++expected[{host, "rule-" + std::to_string(n % 7), n % 2 ? "sigma" : "pseudocode", "high"}];
        REQUIRE(store.add(std::move(found)).ok());
    }
    REQUIRE(store.flush().ok());
    CHECK(store.spilled() > 0);
    CHECK(store.tallies() == expected);
    // n = 21 + 42k below 3000 (a multiple of 3 and of 7, odd): 71 of them.
    const detection_tally_key ws01_rule0{"WS01.corp.example.com", "rule-0", "sigma", "high"};
    REQUIRE(store.tallies().count(ws01_rule0) == 1);
    CHECK(store.tallies().at(ws01_rule0) == 71);
    CHECK(ws01_rule0.label() == "rule-0:sigma");
    std::uint64_t total = 0;
    for (const auto& [key, n] : store.tallies()) total += n;
    CHECK(total == count);
    detection_store moved = std::move(store);
    CHECK(moved.tallies() == expected);
}

TEST_CASE("detection store: without a folder everything stays in memory", "[pipeline]") {
    detection_store store({}, 0);
    for (std::uint64_t n = 0; n < 10; ++n) REQUIRE(store.add(detection_of(n)).ok());
    REQUIRE(store.flush().ok());
    CHECK(store.spilled() == 0);
    CHECK(store.size() == 10);
    CHECK(visited(store).size() == 10);
}

TEST_CASE("detection store: a store that keeps nothing counts and tallies, writes no file", "[pipeline]") {
    temporary_folder folder;
    detection_store store(folder.path() / "spill", 0, false);  // a budget of 0 would spill every one
    detection_tallies expected;
    for (std::uint64_t n = 0; n < 100; ++n) {
        ++expected[{"WS01", "rule-" + std::to_string(n % 7), n % 2 ? "sigma" : "pseudocode", "high"}];
        detection found = detection_of(n);
        found.event.set(car_field::hostname, "WS01");
        REQUIRE(store.add(std::move(found)).ok());
    }
    detection kept_by_caller = detection_of(100);
    kept_by_caller.event.set(car_field::hostname, "WS01");
    ++expected[{"WS01", "rule-2", "pseudocode", "high"}];
    REQUIRE(store.add(kept_by_caller).ok());
    REQUIRE(store.flush().ok());
    CHECK(store.size() == 101);
    CHECK(store.spilled() == 0);
    CHECK(store.spilled_bytes() == 0);
    CHECK(store.tallies() == expected);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "spill"));
    CHECK_THROWS_AS(store.for_each([](const detection&) {}), std::logic_error);
    const detection_store moved = std::move(store);
    CHECK(moved.size() == 101);
}

TEST_CASE("detection store: a folder it cannot write to is an error, every time", "[pipeline]") {
    temporary_folder folder;
    const std::filesystem::path file = folder.path() / "a-file";
    { std::ofstream(file) << "x"; }
    detection_store store(file / "spill", 0);  // below a regular file: no folder can be made
    auto added = store.add(detection_of(1));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().reason.find("cannot create a temporary detections file") != std::string::npos);
    CHECK_FALSE(store.add(detection_of(2)).ok());
    CHECK_FALSE(store.flush().ok());
    CHECK(store.size() == 0);
}
