#include "chunk_builder.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "binxml_encoder.hpp"
#include "crc32.hpp"

namespace evtxcar::evtx_writer {

namespace {

constexpr std::uint32_t declared_header_size = 128;
// Windows sets 1 in the header's flags field (meaning undocumented).
constexpr std::uint32_t chunk_flags_as_windows_writes = 1;
constexpr std::size_t record_alignment = 8;

}  // namespace

std::uint32_t chunk_header_checksum(const std::uint8_t* chunk) {
    return crc32{}
        .update(chunk, binxml::chunk_header_checksummed_bytes)
        .update(chunk + chunk_header_field::name_buckets, binxml::chunk_header_size - chunk_header_field::name_buckets)
        .value();
}

chunk_builder::chunk_builder() { scratch_.reserve(binxml::chunk_size); }

std::uint32_t chunk_builder::append(std::uint64_t record_id, filetime written_time, const template_instance& event) {
    scratch_.clear();
    append_le(scratch_, load_le<std::uint32_t>(binxml::record_signature));
    append_le(scratch_, std::uint32_t{0});  // size, patched below
    append_le(scratch_, record_id);
    append_le(scratch_, written_time);
    binxml_encoder(tables_, scratch_, free_offset_).write_document(event);
    const std::size_t unpadded = scratch_.size() + 4;
    scratch_.resize(scratch_.size() + (record_alignment - unpadded % record_alignment) % record_alignment, 0);
    const auto size = static_cast<std::uint32_t>(scratch_.size() + 4);
    append_le(scratch_, size);
    store_le(scratch_.data() + 4, size);

    if (free_offset_ + scratch_.size() > binxml::chunk_size) {
        tables_.rollback();
        if (empty()) throw std::length_error("record does not fit in an empty chunk");
        return 0;
    }
    tables_.commit();
    const std::uint32_t record_offset = free_offset_;
    std::memcpy(bytes_.data() + record_offset, scratch_.data(), scratch_.size());
    free_offset_ += size;
    last_record_offset_ = record_offset;
    if (record_count_ == 0) first_record_id_ = record_id;
    last_record_id_ = record_id;
    ++record_count_;
    return record_offset;
}

const std::array<std::uint8_t, binxml::chunk_size>& chunk_builder::finish() {
    namespace field = chunk_header_field;
    std::uint8_t* header = bytes_.data();
    std::memcpy(header, binxml::chunk_signature, sizeof binxml::chunk_signature);
    // Record numbers count the log's records from 1, as Windows numbers them
    // since the log was created or cleared (its identifiers may go on from an
    // earlier log).
    store_le(header + field::first_record_number, first_number_);
    store_le(header + field::last_record_number, first_number_ + record_count_ - 1);
    store_le(header + field::first_record_id, first_record_id_);
    store_le(header + field::last_record_id, last_record_id_);
    store_le(header + field::header_size, declared_header_size);
    store_le(header + field::last_record_offset, last_record_offset_);
    store_le(header + field::free_space_offset, free_offset_);
    store_le(header + field::records_checksum,
             crc32_of(header + binxml::chunk_header_size, free_offset_ - binxml::chunk_header_size));
    store_le(header + field::flags, chunk_flags_as_windows_writes);
    for (std::size_t i = 0; i < binxml::chunk_string_buckets; ++i) {
        store_le(header + field::name_buckets + 4 * i, tables_.name_buckets()[i]);
    }
    for (std::size_t i = 0; i < binxml::chunk_template_buckets; ++i) {
        store_le(header + field::template_buckets + 4 * i, tables_.template_buckets()[i]);
    }
    store_le(header + field::header_checksum, chunk_header_checksum(header));
    return bytes_;
}

void chunk_builder::write_over(const std::uint8_t* older_chunk) {
    if (!empty()) throw std::logic_error("write_over on a chunk that holds records");
    std::copy(older_chunk + binxml::chunk_header_size, older_chunk + binxml::chunk_size,
              bytes_.begin() + binxml::chunk_header_size);
    slack_ = true;
}

void chunk_builder::reset() {
    // After write_over the bytes behind the records are not zero.
    std::fill(bytes_.begin(), slack_ ? bytes_.end() : bytes_.begin() + free_offset_, std::uint8_t{0});
    slack_ = false;
    tables_.clear();
    free_offset_ = binxml::chunk_header_size;
    last_record_offset_ = 0;
    first_record_id_ = last_record_id_ = 0;
    record_count_ = 0;
}

}  // namespace evtxcar::evtx_writer
