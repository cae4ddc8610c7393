// The fast engine against what the scenario generator wrote into testdata/
// (testdata/expected/*.jsonl: from the scenario definitions, not from
// evtxcar's code), and against the damaged and foreign files of
// testdata/broken/ (outcomes from testdata/MANIFEST.tsv).
#include "binxml/binxml_engine.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "catch.hpp"
#include "libevtx/libevtx_engine.hpp"
#include "engine_output.hpp"
#include "filetime.hpp"
#include "support/expected_records.hpp"

using namespace evtxcar;

namespace {

std::string path_of(const std::string& relative) { return (test::testdata_root() / relative).string(); }

testing::engine_output read_fast(const std::string& relative, read_options options = {}) {
    return testing::read_all(binxml_engine(), path_of(relative), options);
}

// The fields of a delivered record in the expected data's shape.
nlohmann::json fields_of(const event_record& record) {
    nlohmann::json fields = nlohmann::json::array();
    for (const payload_field& field : record.fields) fields.push_back({field.name, field.value});
    return fields;
}

}  // namespace

TEST_CASE("fast engine delivers every testdata record as the scenario wrote it", "[binxml][engine]") {
    const auto expected = test::expected_records("", "testdata");
    REQUIRE_FALSE(expected.empty());
    std::map<std::string, std::vector<const test::expected_record*>> by_file;
    for (const auto& record : expected) by_file[record.source_file].push_back(&record);

    for (const auto& [file, records] : by_file) {
        const std::string relative = file.substr(std::string("testdata/").size());
        const testing::engine_output output = read_fast(relative);
        std::map<std::uint64_t, const event_record*> delivered;
        for (const event_record& record : output.records) delivered[record.record_id] = &record;
        for (const test::expected_record* want : records) {
            CAPTURE(file, want->record_id(), want->data["case"].get<std::string>());
            auto found = delivered.find(want->record_id());
            if (found == delivered.end()) {
                CHECK_FALSE(want->data["readable"].get<bool>());
                continue;
            }
            const event_record& got = *found->second;
            CHECK(format_iso8601_utc(got.time_created) == want->data["time"].get<std::string>());
            CHECK(got.provider_name == want->data["provider"].get<std::string>());
            CHECK(got.channel == want->data["channel"].get<std::string>());
            CHECK(got.event_id == want->data["event_id"].get<std::uint32_t>());
            CHECK(got.computer == want->computer());
            CHECK(got.user_sid == want->data["user_sid"].get<std::string>());
            CHECK(fields_of(got) == want->data["fields"]);
            CHECK_FALSE(got.recovered);
            delivered.erase(found);
        }
        CAPTURE(file);
        CHECK(delivered.empty());  // nothing the scenario did not write
    }
}

TEST_CASE("fast engine refuses files that are not EVTX, with the reason", "[binxml][engine]") {
    const auto wrong_signature = read_fast("broken/wrong_signature.evtx");
    REQUIRE(wrong_signature.open_error.has_value());
    CHECK(wrong_signature.open_error->reason == "not an EVTX file (no \"ElfFile\" signature)");
    const auto garbage = read_fast("broken/garbage.evtx");
    REQUIRE(garbage.open_error.has_value());
    CHECK(garbage.open_error->reason == "not an EVTX file (no \"ElfFile\" signature)");
    const auto empty = read_fast("broken/empty.evtx");
    REQUIRE(empty.open_error.has_value());
    CHECK(empty.open_error->reason == "empty file");
    const auto missing = read_fast("broken/no_such_file.evtx");
    REQUIRE(missing.open_error.has_value());
    CHECK(missing.open_error->reason.rfind("cannot open the file for reading", 0) == 0);
}

TEST_CASE("fast engine flags a chunk with a wrong checksum and skips it when strict", "[binxml][engine]") {
    // MANIFEST: chunk 1's stored records checksum is wrong, its 107 records intact.
    const auto flagged = read_fast("broken/bad_chunk_checksum.evtx");
    CHECK(flagged.records.size() == 230);
    CHECK(flagged.errors.empty());
    REQUIRE(flagged.warnings.size() == 1);
    CHECK(flagged.warnings[0].chunk == 1);
    CHECK(flagged.warnings[0].reason == "chunk record data checksum mismatch");

    read_options strict;
    strict.strict = true;
    const auto skipped = read_fast("broken/bad_chunk_checksum.evtx", strict);
    CHECK(skipped.records.size() == 230 - 107);
    REQUIRE(skipped.errors.size() == 1);
    CHECK(skipped.errors[0].chunk == 1);
    CHECK(skipped.records_lost == 107);
}

TEST_CASE("fast engine reports a broken record and reads on after it", "[binxml][engine]") {
    // MANIFEST: record 7041 (chunk 0) claims 16 bytes more than it has.
    const auto output = read_fast("broken/broken_record.evtx");
    REQUIRE(output.errors.size() == 1);
    CHECK(output.errors[0].chunk == 0);
    CHECK(output.errors[0].reason.rfind("record size and its trailing copy differ", 0) == 0);
    CHECK(output.records.size() == 129);
    CHECK(std::none_of(output.records.begin(), output.records.end(),
                       [](const event_record& r) { return r.record_id == 7041; }));
}

TEST_CASE("fast engine reads every chunk of a dirty file whose header lags", "[binxml][engine]") {
    const auto output = read_fast("broken/dirty_header.evtx");  // MANIFEST: counts 1 chunk of 2
    CHECK(output.records.size() == 160);
    CHECK(output.errors.empty());
}

TEST_CASE("fast engine reads a truncated file as far as it goes", "[binxml][engine]") {
    // MANIFEST: the file ends 30000 bytes into chunk 3; chunks 0-2 hold 321 records.
    const auto output = read_fast("broken/truncated.evtx");
    CHECK(output.records.size() >= 321);
    REQUIRE_FALSE(output.warnings.empty());
    CHECK(output.warnings[0].reason == "file ends 30000 bytes into chunk 3: read as far as it goes");
}

TEST_CASE("fast engine leaves out the payload of providers not asked for", "[binxml][engine]") {
    read_options options;
    options.payloads = {{"Microsoft-Windows-Sysmon", {}}};
    const auto output = read_fast("demo/WS02/Security.evtx", options);
    REQUIRE_FALSE(output.records.empty());
    for (const event_record& record : output.records) {
        CHECK(record.kind == payload_kind::none);
        CHECK(record.fields.empty());
        CHECK(record.payload_name.empty());
        CHECK(record.event_id != 0);  // the System part is still read
    }
    const auto sysmon = read_fast("demo/WS02/Microsoft-Windows-Sysmon%4Operational.evtx", options);
    REQUIRE_FALSE(sysmon.records.empty());
    CHECK(sysmon.records[0].kind == payload_kind::event_data);
    CHECK_FALSE(sysmon.records[0].fields.empty());
}

TEST_CASE("both engines leave out the payloads of event ids not asked for", "[binxml][engine]") {
    // The demo's Security logs hold 4688s among logons and other events.
    read_options options;
    options.payloads = {{"Microsoft-Windows-Security-Auditing", {4688}}};
    for (const bool fast : {true, false}) {
        CAPTURE(fast);
        const auto output = fast ? read_fast("demo/WS02/Security.evtx", options)
                                 : testing::read_all(libevtx_engine(), path_of("demo/WS02/Security.evtx"), options);
        std::size_t with_payload = 0, without = 0;
        for (const event_record& record : output.records) {
            CAPTURE(record.record_id, record.event_id);
            if (record.event_id == 4688) {
                CHECK(record.kind == payload_kind::event_data);
                CHECK(record.fields.size() >= 8);  // 4688 has at least its 8 version-0 fields
                ++with_payload;
            } else {
                CHECK(record.kind == payload_kind::none);
                CHECK(record.fields.empty());
                ++without;
            }
        }
        CHECK(with_payload > 0);
        CHECK(without > 0);
    }
    CHECK(options.wants_payload("Microsoft-Windows-Security-Auditing", 4688));
    CHECK_FALSE(options.wants_payload("Microsoft-Windows-Security-Auditing", 4624));
    CHECK_FALSE(options.wants_payload("Microsoft-Windows-Sysmon", 1));
    options.payloads.push_back({"Microsoft-Windows-Sysmon", {}});
    CHECK(options.wants_payload("Microsoft-Windows-Sysmon", 1));
    CHECK(read_options{}.wants_payload("Anything", 7));
}

TEST_CASE("fast engine reads EVTX bytes held in memory", "[binxml][engine]") {
    std::ifstream in(path_of("structure/value_types.evtx"), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto reader = open_evtx_bytes("in-memory.evtx", bytes, read_options{});
    REQUIRE(reader.ok());
    CHECK((*reader)->segment_count() >= 1);
    auto not_evtx = open_evtx_bytes("in-memory.evtx", {'M', 'Z'}, read_options{});
    REQUIRE_FALSE(not_evtx.ok());
    CHECK(not_evtx.error().file == "in-memory.evtx");
}
