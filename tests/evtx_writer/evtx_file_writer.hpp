#pragma once
// Writes an EVTX file to a seekable stream, chunk by chunk: only the chunk
// being filled is held in memory, so logs of any size can be written. The
// file header is written last (it counts chunks and records).
//
//     std::ofstream out(path, std::ios::binary);
//     evtx_file_writer writer(out);
//     writer.write_record(writer.next_record_id(), time, event);
//     writer.finish();

#include <cstdint>
#include <ostream>

#include "chunk_builder.hpp"
#include "utc_time.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

// Where a record went, for tests and for making defects on purpose.
struct record_location {
    std::uint64_t chunk_index = 0;
    std::uint64_t file_offset = 0;  // of the record's signature
};

struct file_header_fields {
    std::uint64_t first_chunk_number = 0;
    std::uint64_t last_chunk_number = 0;
    std::uint64_t next_record_id = 1;
    std::uint16_t minor_version = 1;
    std::uint16_t major_version = 3;
    std::uint16_t chunk_count = 0;
    std::uint32_t flags = 0;  // binxml::file_flag_dirty, file_flag_full
};

// The 4096-byte file header with its CRC-32 (over bytes 0..119).
void encode_file_header(const file_header_fields& fields, std::uint8_t* header);

// Byte offsets of file header fields.
namespace file_header_field {
inline constexpr std::size_t first_chunk_number = 8;
inline constexpr std::size_t last_chunk_number = 16;
inline constexpr std::size_t next_record_id = 24;
inline constexpr std::size_t header_size = 32;
inline constexpr std::size_t minor_version = 36;
inline constexpr std::size_t major_version = 38;
inline constexpr std::size_t header_block_size = 40;
inline constexpr std::size_t chunk_count = 42;
inline constexpr std::size_t flags = 120;
inline constexpr std::size_t checksum = 124;
}  // namespace file_header_field

class evtx_file_writer {
public:
    explicit evtx_file_writer(std::ostream& out, std::uint64_t first_record_id = 1);
    // Writes the log over an older file's chunks (evtx_file_writer output):
    // each chunk starts from the older chunk at its position, whose bytes
    // the records do not reach stay as slack. `older` must outlive the writer.
    evtx_file_writer(std::ostream& out, std::uint64_t first_record_id, const byte_buffer& older);
    evtx_file_writer(const evtx_file_writer&) = delete;
    evtx_file_writer& operator=(const evtx_file_writer&) = delete;

    std::uint64_t next_record_id() const { return next_record_id_; }
    std::uint64_t chunks_written() const { return chunks_written_; }

    // `record_id` must be at least next_record_id() (Windows' are consecutive).
    record_location write_record(std::uint64_t record_id, filetime written_time, const template_instance& event);

    // Writes the last chunk and the file header; the stream ends after the
    // last chunk. Call once; a writer that was not finished leaves an
    // incomplete file behind.
    void finish();

private:
    void flush_chunk();
    void start_chunk();

    std::ostream& out_;
    chunk_builder chunk_;
    std::uint64_t next_record_id_;
    std::uint64_t chunks_written_ = 0;
    bool finished_ = false;
    const byte_buffer* older_ = nullptr;
    std::uint64_t records_in_written_chunks_ = 0;
};

}  // namespace evtxcar::evtx_writer
