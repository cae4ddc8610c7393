#pragma once
// The EVTX file header: the first 4096 bytes of the file.

#include <cstdint>
#include <optional>
#include <string>

#include "../result.hpp"
#include "byte_span.hpp"

namespace evtxcar::binxml {

struct file_header {
    std::uint16_t minor_version = 0;
    std::uint16_t major_version = 0;
    std::uint16_t chunk_data_offset = 0;  // "header block size", normally 4096
    std::uint16_t chunk_count = 0;        // chunks in use according to the header
    std::uint64_t next_record_id = 0;     // id the next record written would get
    std::uint64_t first_chunk_number = 0; // the oldest chunk (0 until the log wraps around)
    std::uint32_t flags = 0;
    std::uint32_t stored_checksum = 0;
    std::uint32_t computed_checksum = 0;

    bool checksum_ok() const { return stored_checksum == computed_checksum; }
    bool dirty() const;
    bool full() const;
};

// Reads the header at the start of `file`. Fails only when the bytes are not
// an EVTX file header at all (too short, wrong signature); a wrong checksum
// or odd field values are left for the caller to judge.
result<file_header> read_file_header(byte_span file, const std::string& path);

// A file that ends right after a header (its checksum holding) that counts
// chunks holds none of its records: why, in words; nothing otherwise.
std::optional<std::string> chunks_missing_after_header(const file_header& header, std::uint64_t file_size);

}  // namespace evtxcar::binxml
