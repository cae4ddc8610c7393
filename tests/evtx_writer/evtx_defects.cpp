#include "evtx_defects.hpp"

#include <stdexcept>

#include "binxml/binxml_format.hpp"
#include "chunk_builder.hpp"
#include "crc32.hpp"
#include "evtx_file_writer.hpp"

namespace evtxcar::evtx_writer {

namespace {

std::uint8_t* chunk_at(byte_buffer& file, std::size_t chunk_index) {
    const std::size_t offset = binxml::file_header_size + chunk_index * binxml::chunk_size;
    if (offset + binxml::chunk_size > file.size()) throw std::out_of_range("no such chunk");
    return file.data() + offset;
}

}  // namespace

void truncate_file(byte_buffer& file, std::size_t size) {
    if (size > file.size()) throw std::out_of_range("cannot truncate beyond the end");
    file.resize(size);
}

void update_chunk_checksums(byte_buffer& file, std::size_t chunk_index) {
    std::uint8_t* chunk = chunk_at(file, chunk_index);
    const auto free_offset = load_le<std::uint32_t>(chunk + chunk_header_field::free_space_offset);
    store_le(chunk + chunk_header_field::records_checksum,
             crc32_of(chunk + binxml::chunk_header_size, free_offset - binxml::chunk_header_size));
    store_le(chunk + chunk_header_field::header_checksum, chunk_header_checksum(chunk));
}

void update_file_header_checksum(byte_buffer& file) {
    store_le(file.data() + file_header_field::checksum, crc32_of(file.data(), binxml::file_header_checksummed_bytes));
}

void break_records_checksum(byte_buffer& file, std::size_t chunk_index) {
    std::uint8_t* chunk = chunk_at(file, chunk_index);
    const auto stored = load_le<std::uint32_t>(chunk + chunk_header_field::records_checksum);
    store_le(chunk + chunk_header_field::records_checksum, stored ^ 0x00010000u);
    store_le(chunk + chunk_header_field::header_checksum, chunk_header_checksum(chunk));
}

void break_record_size(byte_buffer& file, std::uint64_t record_offset) {
    if (record_offset < binxml::file_header_size || record_offset + binxml::record_header_size > file.size()) {
        throw std::out_of_range("no record there");
    }
    std::uint8_t* record = file.data() + record_offset;
    store_le(record + 4, load_le<std::uint32_t>(record + 4) + 16);
    update_chunk_checksums(file, (record_offset - binxml::file_header_size) / binxml::chunk_size);
}

void break_file_signature(byte_buffer& file) {
    file.at(6) = 'x';
    update_file_header_checksum(file);
}

void lag_header_chunk_count(byte_buffer& file, std::uint16_t chunk_count) {
    if (chunk_count == 0) throw std::invalid_argument("a dirty header still counts its first chunk");
    std::uint8_t* header = file.data();
    store_le(header + file_header_field::chunk_count, chunk_count);
    store_le(header + file_header_field::last_chunk_number, std::uint64_t{chunk_count} - 1);
    // The next record identifier lags with the count: the first record of the first uncounted chunk.
    const std::uint8_t* first_uncounted = chunk_at(file, chunk_count);
    store_le(header + file_header_field::next_record_id,
             load_le<std::uint64_t>(first_uncounted + chunk_header_field::first_record_id));
    store_le(header + file_header_field::flags,
             load_le<std::uint32_t>(header + file_header_field::flags) | binxml::file_flag_dirty);
    update_file_header_checksum(file);
}

byte_buffer garbage_bytes(std::size_t size, std::uint64_t seed) {
    byte_buffer bytes(size);
    std::uint64_t state = seed;
    for (std::uint8_t& b : bytes) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;  // 64-bit LCG, high byte out
        b = static_cast<std::uint8_t>(state >> 56);
    }
    return bytes;
}

}  // namespace evtxcar::evtx_writer
