#include "broken_scenario.hpp"

#include <string>

#include "binxml/binxml_format.hpp"
#include "bulk_events.hpp"
#include "evtx_defects.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

const sysmon_host ws03 = {"WS03.corp.example.com", "10.20.1.63", sysmon_schema::v4_50, 2716, 0x4F1A9C35};

filetime at(unsigned hour) { return to_filetime({2026, 7, 14, hour, 0, 0, 0}); }

scenario_file damaged(const std::string& name, const std::string& exercises, unsigned records, unsigned hour,
                      file_damage damage) {
    scenario_file file = log_file("broken/" + name, exercises,
                                  bulk_sysmon_records(ws03, at(hour), records, 0x42524B00u + hour, name), 7001);
    file.damage = std::move(damage);
    return file;
}

scenario_file raw(const std::string& name, const std::string& exercises, byte_buffer content, file_verdict verdict) {
    scenario_file file;
    file.path = "broken/" + name;
    file.exercises = exercises;
    file.raw_content = std::move(content);
    file.raw_verdict = std::move(verdict);
    return file;
}

std::size_t records_in_chunks_before(const std::vector<record_location>& records, std::uint64_t chunk) {
    std::size_t count = 0;
    for (const record_location& r : records) count += r.chunk_index < chunk ? 1u : 0u;
    return count;
}

std::string text(std::uint64_t n) { return std::to_string(n); }

}  // namespace

std::vector<scenario_file> broken_files() {
    std::vector<scenario_file> files;

    files.push_back(damaged("truncated.evtx", "a log cut off in the middle of its fourth chunk", 380, 8,
                            [](byte_buffer& file, const std::vector<record_location>& records) {
                                const std::uint64_t cut_chunk = 3;
                                truncate_file(file, binxml::file_header_size + cut_chunk * binxml::chunk_size + 30000);
                                file_verdict verdict;
                                verdict.records_readable = records_in_chunks_before(records, cut_chunk);
                                verdict.outcome = file_outcome::partial;
                                for (const record_location& r : records)
                                    verdict.record_readable.push_back(r.chunk_index < cut_chunk);
                                verdict.reason = "the file ends 30000 bytes into chunk 3 of " +
                                                 text(records.back().chunk_index + 1) + "; chunks 0-2 (" +
                                                 text(verdict.records_readable) + " records) are whole, the " +
                                                 text(records.size() - verdict.records_readable) +
                                                 " records of chunk 3 and after are lost";
                                return verdict;
                            }));

    files.push_back(damaged(
        "bad_chunk_checksum.evtx", "one chunk whose records checksum is wrong, the others fine", 230, 10,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            break_records_checksum(file, 1);
            file_verdict verdict;
            verdict.records_readable = records.size();
            verdict.outcome = file_outcome::partial;
            const std::size_t in_chunk = records_in_chunks_before(records, 2) - records_in_chunks_before(records, 1);
            verdict.reason = "chunk 1's stored records checksum is wrong, its records are intact: all " +
                             text(records.size()) + " records read with a warning (a strict reader skips chunk 1's " +
                             text(in_chunk) + ")";
            return verdict;
        }));

    files.push_back(damaged(
        "broken_record.evtx", "a record whose size is broken in the middle of a chunk", 130, 12,
        [](byte_buffer& file, const std::vector<record_location>& records) {
            const std::size_t broken = 40;
            break_record_size(file, records[broken].file_offset);
            std::size_t after = 0;
            for (std::size_t i = broken + 1; i < records.size(); ++i) {
                after += records[i].chunk_index == records[broken].chunk_index ? 1u : 0u;
            }
            file_verdict verdict;
            verdict.records_readable = records.size() - 1 - after;
            verdict.outcome = file_outcome::partial;
            for (std::size_t i = 0; i < records.size(); ++i) {
                verdict.record_readable.push_back(i < broken || records[i].chunk_index != records[broken].chunk_index);
            }
            verdict.reason = "record " + text(7001 + broken) +
                             " (chunk 0) claims 16 bytes more than it has and is lost; the " + text(after) +
                             " records after it in chunk 0 are found only by scanning (libevtx "
                             "reports them as recovered); the other chunks are intact";
            return verdict;
        }));

    files.push_back(damaged("wrong_signature.evtx", "a whole log whose file signature is wrong", 30, 14,
                            [](byte_buffer& file, const std::vector<record_location>& records) {
                                break_file_signature(file);
                                file_verdict verdict;
                                verdict.records_readable = 0;
                                verdict.outcome = file_outcome::unreadable;
                                verdict.record_readable.assign(records.size(), false);
                                verdict.reason =
                                    "the signature reads ElfFilx, not ElfFile: not an EVTX file "
                                    "(python-evtx 0.6.1 reads it anyway)";
                                return verdict;
                            }));

    files.push_back(damaged("dirty_header.evtx", "a dirty log whose header counts fewer chunks than it has", 160, 16,
                            [](byte_buffer& file, const std::vector<record_location>& records) {
                                lag_header_chunk_count(file, 1);
                                file_verdict verdict;
                                verdict.records_readable = records.size();
                                verdict.outcome = file_outcome::ok;
                                verdict.reason = "the header is flagged dirty and counts 1 chunk of " +
                                                 text(records.back().chunk_index + 1) +
                                                 "; every chunk is intact and must be read (libevtx does)";
                                return verdict;
                            }));

    files.push_back(raw("garbage.evtx", "bytes that are not EVTX, named .evtx", garbage_bytes(6000, 0x6A726B),
                        {0, file_outcome::unreadable, "no EVTX signature: not an EVTX file", {}}));
    files.push_back(
        raw("empty.evtx", "an empty file named .evtx", {}, {0, file_outcome::unreadable, "empty file", {}}));
    const std::string notes =
        "Collection notes for WS03.corp.example.com\n"
        "Copied from C:\\Windows\\System32\\winevt\\Logs on 2026-07-14.\n"
        "This file is not a log: a directory scan must skip it and count it.\n";
    files.push_back(raw("notes.txt", "a file that is not a log, beside the logs",
                        byte_buffer(notes.begin(), notes.end()),
                        {0, file_outcome::skipped, "not a .evtx file: a directory scan skips it and counts it", {}}));
    return files;
}

}  // namespace evtxcar::testdata
