#include "chunk_header.hpp"

#include <algorithm>
#include <cstring>

#include "binxml_format.hpp"
#include "crc32.hpp"

namespace evtxcar::binxml {

std::uint64_t chunk_header::claimed_record_count() const {
    if (last_record_number < first_record_number) return 0;
    const std::uint64_t count = last_record_number - first_record_number + 1;
    return std::min(count, max_records_per_chunk);
}

chunk_state classify_chunk(byte_span chunk) {
    if (chunk.size() >= sizeof chunk_signature &&
        std::memcmp(chunk.data(), chunk_signature, sizeof chunk_signature) == 0) {
        return chunk_state::valid;
    }
    const std::size_t probe = std::min(chunk.size(), chunk_header_size);
    const std::uint8_t* begin = chunk.data();
    return std::all_of(begin, begin + probe, [](std::uint8_t b) { return b == 0; }) ? chunk_state::empty
                                                                                    : chunk_state::no_signature;
}

chunk_header read_chunk_header(byte_span chunk) {
    chunk_header header;
    header.first_record_number = chunk.u64(chunk_first_record_number_offset);
    header.last_record_number = chunk.u64(chunk_last_record_number_offset);
    header.first_record_id = chunk.u64(chunk_first_record_id_offset);
    header.last_record_id = chunk.u64(chunk_last_record_id_offset);
    header.last_record_offset = chunk.u32(chunk_last_record_offset_offset);
    header.free_space_offset = chunk.u32(chunk_free_space_offset_offset);
    header.stored_records_checksum = chunk.u32(chunk_records_checksum_offset);
    header.stored_header_checksum = chunk.u32(chunk_header_checksum_offset);
    const std::uint32_t first_part = crc32(chunk.data(), chunk_header_checksummed_bytes);
    header.computed_header_checksum = crc32(chunk.data() + 128, chunk_header_size - 128, first_part);  // bytes 128..511
    return header;
}

bool records_checksum_ok(byte_span chunk, const chunk_header& header) {
    if (header.free_space_offset < chunk_header_size || header.free_space_offset > chunk.size()) return false;
    return crc32(chunk.data() + chunk_header_size, header.free_space_offset - chunk_header_size) ==
           header.stored_records_checksum;
}

}  // namespace evtxcar::binxml
