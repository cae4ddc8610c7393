// The defects evtx_defects makes, as libevtx and python-evtx meet them.
// Expected counts come from where the writer put each record.
#include <algorithm>

#include "catch.hpp"
#include "evtx_defects.hpp"
#include "tool_readings.hpp"
#include "writer_test_support.hpp"

using namespace evtxcar::evtx_writer;
using namespace evtxcar::evtx_writer::testing;
namespace readers = evtxcar::independent_readers;

namespace {

// A log of several chunks, and how many records each chunk holds.
struct sample_log {
    written_file file;
    byte_buffer bytes;
    std::vector<std::size_t> records_per_chunk;
};

sample_log write_sample_log(const std::filesystem::path& path) {
    std::vector<windows_event> events;
    for (unsigned n = 0; n < 600; ++n) {
        events.push_back(
            event_with_fields({{"Sequence", uint32_value(n)}, {"Text", string_value(std::string(180, 'a'))}}, n));
    }
    sample_log log{write_events(path, events), {}, {}};
    log.bytes = read_file_bytes(path);
    log.records_per_chunk.resize(log.file.chunks);
    for (const record_location& location : log.file.locations) ++log.records_per_chunk[location.chunk_index];
    return log;
}

bool have_evtxinfo() {
    if (readers::evtxinfo_program() && readers::evtxexport_program()) return true;
    WARN("evtxinfo/evtxexport not installed (Debian package libevtx-utils): skipped");
    return false;
}

}  // namespace

TEST_CASE("libevtx reads the complete chunks of a truncated log", "[writer]") {
    if (!have_evtxinfo()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    REQUIRE(log.file.chunks >= 4);
    truncate_file(log.bytes, 4096 + 3 * 65536 + 30000);
    const auto path = directory.path() / "truncated.evtx";
    write_file_bytes(path, log.bytes);
    const readers::info_reading info = readers::read_with_evtxinfo(path);
    INFO(info.output);
    CHECK(info.records == log.records_per_chunk[0] + log.records_per_chunk[1] + log.records_per_chunk[2]);
    CHECK(info.corrupted);
}

TEST_CASE("libevtx flags a chunk whose records checksum is wrong and still reads it", "[writer]") {
    if (!have_evtxinfo()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    CHECK_FALSE(readers::read_with_evtxinfo(log.file.path).corrupted);
    break_records_checksum(log.bytes, 1);
    const auto path = directory.path() / "bad-checksum.evtx";
    write_file_bytes(path, log.bytes);
    const readers::info_reading info = readers::read_with_evtxinfo(path);
    INFO(info.output);
    CHECK(info.corrupted);
    CHECK(info.records == log.file.locations.size());
    const readers::xml_reading reading = readers::read_with_evtxexport(path);
    REQUIRE(reading.events.size() == log.file.expected.size());
    CHECK(describe(reading.events[log.records_per_chunk[0]]) == describe(log.file.expected[log.records_per_chunk[0]]));
}

TEST_CASE("libevtx loses a record whose size is broken and recovers the rest of its chunk", "[writer]") {
    if (!have_evtxinfo()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    const std::size_t broken = log.records_per_chunk[0] + 40;  // in the middle of the second chunk
    break_record_size(log.bytes, log.file.locations[broken].file_offset);
    const auto path = directory.path() / "broken-record.evtx";
    write_file_bytes(path, log.bytes);
    const std::size_t after_in_chunk = log.records_per_chunk[0] + log.records_per_chunk[1] - broken - 1;
    const readers::info_reading info = readers::read_with_evtxinfo(path);
    INFO(info.output);
    CHECK(info.records == log.file.locations.size() - 1 - after_in_chunk);
    CHECK(info.recovered_records == after_in_chunk);
    const readers::xml_reading all = readers::read_with_evtxexport(path, true);
    CHECK(all.events.size() == log.file.locations.size() - 1);
}

TEST_CASE("libevtx rejects a wrong file signature, garbage and an empty file", "[writer]") {
    if (!have_evtxinfo()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    break_file_signature(log.bytes);
    write_file_bytes(directory.path() / "signature.evtx", log.bytes);
    write_file_bytes(directory.path() / "garbage.evtx", garbage_bytes(5000, 7));
    write_file_bytes(directory.path() / "empty.evtx", {});
    for (const char* name : {"signature.evtx", "garbage.evtx", "empty.evtx"}) {
        INFO(name);
        const readers::info_reading info = readers::read_with_evtxinfo(directory.path() / name);
        CHECK(info.exit_status != 0);
        CHECK_FALSE(info.records.has_value());
    }
    CHECK(garbage_bytes(64, 7) == garbage_bytes(64, 7));
    CHECK(garbage_bytes(64, 7) != garbage_bytes(64, 8));
}

TEST_CASE("libevtx reads every chunk of a dirty log whose header counts too few", "[writer]") {
    if (!have_evtxinfo()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    lag_header_chunk_count(log.bytes, 2);
    const auto path = directory.path() / "dirty.evtx";
    write_file_bytes(path, log.bytes);
    const readers::info_reading info = readers::read_with_evtxinfo(path);
    INFO(info.output);
    CHECK(info.output.find("Is dirty") != std::string::npos);
    CHECK(info.records == log.file.locations.size());
    CHECK(info.recovered_records == 0u);
}

TEST_CASE("python-evtx rejects a log whose file signature is wrong", "[writer][!mayfail]") {
    // python-evtx 0.6.1 reads every record: it does not check the signature.
    if (!readers::python_evtx_program()) return;
    temporary_directory directory;
    sample_log log = write_sample_log(directory.path() / "whole.evtx");
    break_file_signature(log.bytes);
    write_file_bytes(directory.path() / "signature.evtx", log.bytes);
    const readers::xml_reading reading = readers::read_with_python_evtx(directory.path() / "signature.evtx");
    CHECK(reading.events.empty());
}
