#include "mutation_scenario.hpp"

#include <stdexcept>
#include <string>

#include "binxml/binxml_format.hpp"
#include "bulk_events.hpp"
#include "chunk_builder.hpp"
#include "evtx_defects.hpp"
#include "evtx_file_writer.hpp"
#include "evtx_mutator.hpp"
#include "structure_scenario.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;
using mutation::mutation_kind;

const sysmon_host ws06 = {"WS06.corp.example.com", "10.20.1.66", sysmon_schema::v4_50, 3120, 0x6D2B0E17};

constexpr std::uint64_t log_records = 420;  // about four chunks of these events

filetime at(unsigned hour) { return to_filetime({2026, 8, 3, hour, 0, 0, 0}); }

std::uint64_t chunk_start(std::uint64_t chunk) { return binxml::file_header_size + chunk * binxml::chunk_size; }

std::string text(std::uint64_t n) { return std::to_string(n); }

// Every record readable but those `lost` says; the count lost given.
file_verdict verdict_by(const std::vector<record_location>& records, const auto& lost, const std::string& reason) {
    file_verdict verdict;
    std::uint64_t gone = 0;
    for (const record_location& r : records) {
        const bool readable = !lost(r);
        verdict.record_readable.push_back(readable);
        gone += readable ? 0u : 1u;
    }
    verdict.records_readable = records.size() - gone;
    verdict.records_lost = gone;
    verdict.outcome = gone == 0 ? file_outcome::ok : file_outcome::partial;
    verdict.reason = reason;
    return verdict;
}

std::uint64_t records_in_chunk(const std::vector<record_location>& records, std::uint64_t chunk) {
    std::uint64_t count = 0;
    for (const record_location& r : records) count += r.chunk_index == chunk ? 1u : 0u;
    return count;
}

void apply(byte_buffer& file, const mutation::mutation& change) { file = mutation::apply(std::move(file), change); }

// A Sysmon log of about four chunks, damaged by `damage`.
scenario_file mutated(const std::string& name, const std::string& exercises, unsigned hour, file_damage damage) {
    scenario_file file = log_file("mutations/" + name, exercises,
                                  bulk_sysmon_records(ws06, at(hour), log_records, 0x4D555400u + hour, name), 1);
    file.damage = std::move(damage);
    return file;
}

}  // namespace

std::vector<scenario_file> mutation_files() {
    std::vector<scenario_file> files;

    files.push_back(mutated(
        "chunk_count_zero.evtx", "the file header counts 0 chunks (checksum recomputed); every chunk is whole", 1,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::file_header_field, .field = file_header_field::chunk_count, .value = 0,
                         .fix_checksums = true});
            return verdict_by(records, [](const record_location&) { return false; },
                              "the header's chunk count is 0, its next record id says " + text(records.size() + 1) +
                                  ": all " + text(records.size()) + " records are live");
        }));

    files.push_back(mutated(
        "dirty_flag_cleared.evtx",
        "a dirty log whose header counts 1 chunk of several, with the dirty flag cleared (checksum recomputed)", 2,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            lag_header_chunk_count(file, 1);
            const std::uint64_t flags = load_le<std::uint32_t>(file.data() + file_header_field::flags);
            apply(file, {.kind = mutation_kind::file_header_field, .field = file_header_field::flags,
                         .value = flags & ~std::uint64_t{binxml::file_flag_dirty}, .fix_checksums = true});
            return verdict_by(records, [](const record_location&) { return false; },
                              "the chunks past the 1 the header counts follow on by their record ids: all " +
                                  text(records.size()) + " records are live");
        }));

    files.push_back(mutated(
        "cut_at_chunk_boundary.evtx", "the file ends where chunk 2 would begin; the header counts every chunk", 3,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::truncate, .offset = chunk_start(2)});
            return verdict_by(records, [](const record_location& r) { return r.chunk_index >= 2; },
                              "chunks 2 and after are gone; the header's next record id says how many records they held");
        }));

    files.push_back(mutated("cut_in_file_header.evtx", "the file ends 2000 bytes into its header", 4,
                            [](byte_buffer& file, const std::vector<record_location>& records) {
                                apply(file, {.kind = mutation_kind::truncate, .offset = 2000});
                                file_verdict verdict = verdict_by(records, [](const record_location&) { return true; },
                                                                  "no chunk is left: the file cannot be read");
                                verdict.outcome = file_outcome::unreadable;
                                verdict.records_lost = 0;  // nothing of the file is read: it is refused
                                return verdict;
                            }));

    files.push_back(mutated(
        "cut_in_chunk_header.evtx", "the file ends 323 bytes into chunk 2's header", 5,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::truncate, .offset = chunk_start(2) + 323});
            return verdict_by(records, [](const record_location& r) { return r.chunk_index >= 2; },
                              "chunk 2's header is cut short; its records and those after it are lost");
        }));

    files.push_back(mutated(
        "chunk_start_zeroed.evtx", "chunk 1's first 256 bytes zeroed (signature, ids, offsets); its records intact", 6,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::zero_run, .offset = chunk_start(1), .length = 256});
            return verdict_by(records, [](const record_location&) { return false; },
                              "the ids of chunks 0 and 2 bracket chunk 1's records, which are found by their ids");
        }));

    files.push_back(mutated(
        "last_record_offset_bad_checksum.evtx",
        "chunk 1's last record offset points at its first record; its header checksum is left wrong", 7,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::chunk_header_field, .chunk = 1,
                         .field = chunk_header_field::last_record_offset, .value = binxml::chunk_header_size});
            return verdict_by(records, [](const record_location&) { return false; },
                              "a header whose checksum fails is not believed: chunk 1's records are read by their ids");
        }));

    files.push_back(mutated(
        "chunk_header_zeroed.evtx", "chunk 1's whole 512-byte header zeroed, inside the header's chunk count", 8,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::zero_run, .offset = chunk_start(1), .length = binxml::chunk_header_size});
            return verdict_by(records, [](const record_location&) { return false; },
                              "chunk 1's records are intact and found by their ids");
        }));

    files.push_back(mutated(
        "chunk_zeroed.evtx", "all of chunk 1 zeroed, inside the header's chunk count", 9,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::zero_run, .offset = chunk_start(1), .length = binxml::chunk_size});
            return verdict_by(records, [](const record_location& r) { return r.chunk_index == 1; },
                              "chunk 1 is gone; the ids of chunks 0 and 2 say how many records it held (" +
                                  text(records_in_chunk(records, 1)) + ")");
        }));

    files.push_back(mutated(
        "records_zeroed.evtx", "chunk 1's records zeroed behind an intact header", 10,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            apply(file, {.kind = mutation_kind::zero_run, .offset = chunk_start(1) + binxml::chunk_header_size,
                         .length = binxml::chunk_size - binxml::chunk_header_size});
            return verdict_by(records, [](const record_location& r) { return r.chunk_index == 1; },
                              "the whole range of chunk 1's records is lost, counted as " +
                                  text(records_in_chunk(records, 1)) + ", not as 1");
        }));

    files.push_back(mutated(
        "record_id_flipped.evtx",
        "one record header's id gains 4096 (a flipped bit, chunk checksums recomputed)", 11,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            std::size_t victim = 0;
            while (records[victim].chunk_index < 1) ++victim;
            victim += 10;
            const std::uint64_t id_byte = records[victim].file_offset + binxml::record_id_offset + 1;
            apply(file, {.kind = mutation_kind::bit_flip, .offset = id_byte, .length = 4, .fix_checksums = true});
            return verdict_by(records, [&](const record_location& r) { return &r == &records[victim]; },
                              "the record whose header id no longer follows is not a live record: 1 record lost, "
                              "not the 4096 its id jumps");
        }));

    files.push_back(mutated(
        "system_name_damaged.evtx",
        "the element name System in chunk 0 becomes Systeo (chunk checksums recomputed)", 12,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            const auto entry = mutation::find_name(file, 0, "System");
            if (!entry) throw std::logic_error("mutations: chunk 0 has no System name");
            apply(file, {.kind = mutation_kind::name_character, .chunk = 0, .offset = *entry, .length = 5,
                         .value = 'o', .fix_checksums = true});
            return verdict_by(records, [](const record_location& r) { return r.chunk_index == 0; },
                              "every record of chunk 0 has no <System> element: a read error with its id and time, "
                              "none read with empty fields");
        }));

    {
        // libevtx 20181227 multiplies a template's value count by 4 in 32 bits: a
        // count of 0x40000004 passes its bounds check as 16 bytes, and it then
        // allocates and fills an array for a billion values (22 GB before the
        // kernel stopped evtxexport). The first template definition says it is 2
        // bytes shorter, so the count is read from its last 2 bytes and the first
        // 2 of the real count, which become 0x4000.
        scenario_file file = log_file("mutations/libevtx_runaway_allocation.evtx",
                                      "the first template definition 2 bytes short, so that its value count reads "
                                      "0x40000004 (libevtx allocates without bound on it)",
                                      value_type_records(), 1);
        file.damage = [](byte_buffer& bytes, const std::vector<record_location>& records) {
            const std::uint64_t chunk = chunk_start(0);
            const std::uint64_t instance = records[0].file_offset + binxml::record_header_size +
                                           binxml::fragment_header_size;  // the template instance token
            const std::uint64_t definition =
                chunk + load_le<std::uint32_t>(bytes.data() + instance + binxml::template_instance_definition_offset);
            const std::uint64_t size_field = definition + binxml::template_definition_data_size_offset;
            const std::uint32_t size = load_le<std::uint32_t>(bytes.data() + size_field);
            const std::uint64_t count = definition + binxml::template_definition_header_size + size;
            if (load_le<std::uint32_t>(bytes.data() + count - 2) != 0x00120004u) {
                throw std::logic_error("mutations: value_types' first template no longer ends as expected");
            }
            // size - 2 (0x4a4 -> 0x4a2: bits 1 and 2 of its low byte), then the real count's low half 0x0012 -> 0x4000.
            const std::uint32_t changed = size ^ (size - 2);
            for (unsigned bit = 0; bit < 8; ++bit) {
                if ((changed >> bit) & 1u) {
                    apply(bytes, {.kind = mutation_kind::bit_flip, .offset = size_field, .length = bit});
                }
            }
            apply(bytes, {.kind = mutation_kind::zero_run, .offset = count, .length = 1});
            apply(bytes, {.kind = mutation_kind::bit_flip, .offset = count + 1, .length = 6});
            return verdict_by(records, [&](const record_location& r) { return &r == &records[0]; },
                              "the first record's template values cannot be read: 1 record lost, the other 3 "
                              "read (libevtx, given room, allocates a billion values for it)");
        };
        files.push_back(std::move(file));
    }
    {
        // The slack of an older log whose record ids go on where the live ones stop.
        scenario_file file = log_file("mutations/free_space_offset_zeroed.evtx",
                                      "a log written over an older one, its chunk's last record and free space "
                                      "offsets zeroed (checksum left wrong)",
                                      bulk_sysmon_records(ws06, at(13), 4, 0x4D55540Du, "new log"), 1);
        file.written_over = bulk_sysmon_records(ws06, at(9), 35, 0x4D55540Cu, "older log");
        file.damage = [](byte_buffer& bytes, const std::vector<record_location>& records) {
            apply(bytes, {.kind = mutation_kind::zero_run,
                          .offset = chunk_start(0) + chunk_header_field::header_size,
                          .length = 16});
            return verdict_by(records, [](const record_location&) { return false; },
                              "the 4 live records are read; the older log's records behind them are slack, "
                              "recovered only, although their ids go on from 5");
        };
        files.push_back(std::move(file));
    }
    return files;
}

}  // namespace evtxcar::testdata
