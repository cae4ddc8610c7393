#pragma once
// The 512-byte header of a 64 KiB chunk, and the two checksums that guard a
// chunk (its header, and its record data).

#include <cstdint>

#include "byte_span.hpp"

namespace evtxcar::binxml {

struct chunk_header {
    std::uint64_t first_record_number = 0;
    std::uint64_t last_record_number = 0;
    std::uint64_t first_record_id = 0;
    std::uint64_t last_record_id = 0;
    std::uint32_t last_record_offset = 0;  // chunk offset of the last record
    std::uint32_t free_space_offset = 0;   // chunk offset where the unused space begins
    std::uint32_t stored_records_checksum = 0;
    std::uint32_t stored_header_checksum = 0;
    std::uint32_t computed_header_checksum = 0;

    bool header_checksum_ok() const { return stored_header_checksum == computed_header_checksum; }
    // Records the header claims: last - first + 1, or 0 when that is not a sensible count.
    std::uint64_t claimed_record_count() const;
};

enum class chunk_state : std::uint8_t {
    valid,        // "ElfChnk" signature
    empty,        // all zero bytes: never written
    no_signature  // neither: overwritten or damaged
};

// What the bytes at a chunk position are (only the first 512 bytes are
// looked at for `empty`, which is what matters for an unused chunk).
chunk_state classify_chunk(byte_span chunk);

// Reads the header of a chunk whose state is `valid` (the span holds at
// least the 512 header bytes).
chunk_header read_chunk_header(byte_span chunk);

// True when the CRC-32 of the record data [512, free space offset) matches
// the stored one; false also when the free space offset lies outside the chunk.
bool records_checksum_ok(byte_span chunk, const chunk_header& header);

}  // namespace evtxcar::binxml
