#include "file_survey.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "binxml_format.hpp"

namespace evtxcar::binxml {

static_assert(chunk_file_offset(1) == file_header_size + chunk_size);

file_plan survey_file(const file_source& file, const file_header& header) {
    std::vector<std::string> notes;
    if (!header.checksum_ok()) notes.emplace_back("file header checksum mismatch");
    if (header.chunk_data_offset != file_header_size) {
        notes.push_back("file header gives chunks an unusual start (" + std::to_string(header.chunk_data_offset) +
                        "); chunks are read from offset 4096");
    }
    const std::uint64_t size = file.size();
    const std::uint64_t data = size > file_header_size ? size - file_header_size : 0;
    const std::uint64_t whole = data / chunk_size;
    const std::uint64_t partial = data % chunk_size;
    const std::uint64_t slots = whole + (partial > 0 ? 1 : 0);
    if (partial >= chunk_header_size) {
        notes.push_back("file ends " + std::to_string(partial) + " bytes into chunk " + std::to_string(whole) +
                        ": read as far as it goes");
    }
    if (header.chunk_count > slots && !header.checksum_ok()) {
        // A header whose checksum fails is not believed where it claims more than the file holds.
        notes.push_back("file header counts " + std::to_string(header.chunk_count) + " chunks, the file holds " +
                        std::to_string(slots) + " (the header's checksum fails: no loss is counted from it)");
    }
    std::vector<chunk_look> looks;
    looks.reserve(slots);
    const auto buffer = std::make_unique_for_overwrite<std::uint8_t[]>(chunk_header_size);
    for (std::uint64_t index = 0; index < slots; ++index) {
        const std::uint64_t offset = chunk_file_offset(index);
        const std::uint64_t in_file = std::min<std::uint64_t>(chunk_size, size - offset);
        auto start = file.read(offset, chunk_header_size, buffer.get());
        looks.push_back(look_at_chunk(start ? *start : byte_span(), in_file));
    }
    const file_witness witness{.checksum_ok = header.checksum_ok(),
                               .chunk_count = header.chunk_count,
                               .next_record_id = header.next_record_id,
                               .first_chunk_number = header.first_chunk_number,
                               .dirty = header.dirty()};
    file_plan plan = plan_file(witness, std::move(looks));
    plan.notes.insert(plan.notes.begin(), notes.begin(), notes.end());
    return plan;
}

}  // namespace evtxcar::binxml
