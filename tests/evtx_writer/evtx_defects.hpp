#pragma once
// Damage on purpose: each function changes a complete EVTX file image (as
// evtx_file_writer wrote it) to carry exactly one defect. Checksums the
// defect is not about are recomputed, so a reader meets only that defect.

#include <cstddef>
#include <cstdint>

#include "little_endian.hpp"

namespace evtxcar::evtx_writer {

// The file ends after `size` bytes (e.g. in the middle of a chunk).
void truncate_file(byte_buffer& file, std::size_t size);

// Chunk `chunk_index`'s stored CRC-32 of its records no longer matches them;
// the records themselves are intact.
void break_records_checksum(byte_buffer& file, std::size_t chunk_index);

// The record at `record_offset` (file offset of its signature) says it is 16
// bytes longer than it is, so its size no longer matches the copy at its end
// and points into the next record. The chunk's checksums match the damage.
void break_record_size(byte_buffer& file, std::uint64_t record_offset);

// The file signature reads "ElfFilx\0" instead of "ElfFile\0".
void break_file_signature(byte_buffer& file);

// The file header counts `chunk_count` chunks (fewer than the file holds)
// and is flagged dirty, as when Windows did not close the log.
void lag_header_chunk_count(byte_buffer& file, std::uint16_t chunk_count);

// `size` bytes that are not EVTX, the same for the same seed.
byte_buffer garbage_bytes(std::size_t size, std::uint64_t seed);

// Recomputes both CRC-32s of chunk `chunk_index`, resp. the file header's.
void update_chunk_checksums(byte_buffer& file, std::size_t chunk_index);
void update_file_header_checksum(byte_buffer& file);

}  // namespace evtxcar::evtx_writer
