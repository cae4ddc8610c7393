#include "file_header.hpp"

#include <cstring>

#include "binxml_format.hpp"
#include "crc32.hpp"

namespace evtxcar::binxml {

bool file_header::dirty() const { return (flags & file_flag_dirty) != 0; }
bool file_header::full() const { return (flags & file_flag_full) != 0; }

result<file_header> read_file_header(byte_span file, const std::string& path) {
    if (file.empty()) return read_error{.file = path, .offset = 0, .reason = "empty file"};
    if (file.size() < sizeof file_signature || std::memcmp(file.data(), file_signature, sizeof file_signature) != 0) {
        return read_error{.file = path, .offset = 0, .reason = "not an EVTX file (no \"ElfFile\" signature)"};
    }
    if (!file.contains(0, file_header_checksummed_bytes + 8)) {
        return read_error{.file = path, .offset = 0, .reason = "file header truncated"};
    }
    file_header header;
    header.minor_version = file.u16(file_header_minor_offset);
    header.major_version = file.u16(file_header_major_offset);
    header.chunk_data_offset = file.u16(file_header_block_size_offset);
    header.chunk_count = file.u16(file_header_chunk_count_offset);
    header.next_record_id = file.u64(file_header_next_record_offset);
    header.first_chunk_number = file.u64(file_header_first_chunk_offset);
    header.flags = file.u32(file_header_flags_offset);
    header.stored_checksum = file.u32(file_header_checksum_offset);
    header.computed_checksum = crc32(file.data(), file_header_checksummed_bytes);
    return header;
}

std::optional<std::string> chunks_missing_after_header(const file_header& header, std::uint64_t file_size) {
    if (file_size != file_header_size || !header.checksum_ok() || header.chunk_count == 0) return std::nullopt;
    std::string reason = "file ends after its header: the " + std::to_string(header.chunk_count) + " chunks it counts";
    if (header.next_record_id > 1) reason += " (records up to id " + std::to_string(header.next_record_id - 1) + ")";
    return reason + " are missing";
}

}  // namespace evtxcar::binxml
