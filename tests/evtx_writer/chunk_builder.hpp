#pragma once
// One 64 KiB chunk being filled with event records: records are appended
// until the next one would not fit; finish() writes the chunk header with its
// tables and both CRC-32s.

#include <array>
#include <cstdint>

#include "binxml/binxml_format.hpp"
#include "chunk_tables.hpp"
#include "little_endian.hpp"
#include "utc_time.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

class chunk_builder {
public:
    chunk_builder();

    // Appends one record (header, binary XML, padding to 8 bytes, copy of
    // the size). Returns the record's offset in the chunk, or 0 when it does
    // not fit (the chunk is left as it was). Throws std::length_error for a
    // record that could not fit even in an empty chunk.
    std::uint32_t append(std::uint64_t record_id, filetime written_time, const template_instance& event);

    bool empty() const { return record_count_ == 0; }
    std::uint64_t record_count() const { return record_count_; }
    // The number of the chunk's first record in its log (counted from 1).
    void number_from(std::uint64_t first_number) { first_number_ = first_number; }

    // Completes the header; the returned bytes stay valid until reset().
    const std::array<std::uint8_t, binxml::chunk_size>& finish();
    void reset();
    // Starts the (empty) chunk over the bytes of an older chunk, as when a
    // log is written again into the same file: what its records do not
    // overwrite stays behind them as slack. The header is written anew.
    void write_over(const std::uint8_t* older_chunk);

private:
    std::array<std::uint8_t, binxml::chunk_size> bytes_{};
    chunk_tables tables_;
    byte_buffer scratch_;
    std::uint32_t free_offset_ = binxml::chunk_header_size;
    std::uint32_t last_record_offset_ = 0;
    std::uint64_t first_record_id_ = 0;
    std::uint64_t last_record_id_ = 0;
    std::uint64_t record_count_ = 0;
    std::uint64_t first_number_ = 1;
    bool slack_ = false;  // bytes past free_offset_ hold an older chunk's
};

// Byte offsets of chunk header fields.
namespace chunk_header_field {
inline constexpr std::size_t first_record_number = 8;
inline constexpr std::size_t last_record_number = 16;
inline constexpr std::size_t first_record_id = 24;
inline constexpr std::size_t last_record_id = 32;
inline constexpr std::size_t header_size = 40;
inline constexpr std::size_t last_record_offset = 44;
inline constexpr std::size_t free_space_offset = 48;
inline constexpr std::size_t records_checksum = 52;
inline constexpr std::size_t flags = 120;
inline constexpr std::size_t header_checksum = 124;
inline constexpr std::size_t name_buckets = 128;
inline constexpr std::size_t template_buckets = 384;
}  // namespace chunk_header_field

// CRC-32 of a chunk header: bytes 0..119 and 128..511.
std::uint32_t chunk_header_checksum(const std::uint8_t* chunk);

}  // namespace evtxcar::evtx_writer
