#include "evtx_file_writer.hpp"

#include <array>
#include <cstring>
#include <stdexcept>

#include "crc32.hpp"

namespace evtxcar::evtx_writer {

void encode_file_header(const file_header_fields& fields, std::uint8_t* header) {
    namespace field = file_header_field;
    std::memset(header, 0, binxml::file_header_size);
    std::memcpy(header, binxml::file_signature, sizeof binxml::file_signature);
    store_le(header + field::first_chunk_number, fields.first_chunk_number);
    store_le(header + field::last_chunk_number, fields.last_chunk_number);
    store_le(header + field::next_record_id, fields.next_record_id);
    store_le(header + field::header_size, static_cast<std::uint32_t>(binxml::file_header_declared_size));
    store_le(header + field::minor_version, fields.minor_version);
    store_le(header + field::major_version, fields.major_version);
    store_le(header + field::header_block_size, static_cast<std::uint16_t>(binxml::file_header_size));
    store_le(header + field::chunk_count, fields.chunk_count);
    store_le(header + field::flags, fields.flags);
    store_le(header + field::checksum, crc32_of(header, binxml::file_header_checksummed_bytes));
}

evtx_file_writer::evtx_file_writer(std::ostream& out, std::uint64_t first_record_id)
    : out_(out), next_record_id_(first_record_id) {
    const std::array<char, binxml::file_header_size> placeholder{};
    out_.write(placeholder.data(), placeholder.size());
}

evtx_file_writer::evtx_file_writer(std::ostream& out, std::uint64_t first_record_id, const byte_buffer& older)
    : evtx_file_writer(out, first_record_id) {
    older_ = &older;
    start_chunk();
}

void evtx_file_writer::start_chunk() {
    if (older_ == nullptr) return;
    const std::size_t offset = binxml::file_header_size + chunks_written_ * binxml::chunk_size;
    if (offset + binxml::chunk_size <= older_->size()) chunk_.write_over(older_->data() + offset);
}

record_location evtx_file_writer::write_record(std::uint64_t record_id, filetime written_time,
                                               const template_instance& event) {
    if (finished_) throw std::logic_error("write_record after finish");
    if (record_id < next_record_id_) throw std::invalid_argument("record identifiers must increase");
    std::uint32_t offset = chunk_.append(record_id, written_time, event);
    if (offset == 0) {
        flush_chunk();
        offset = chunk_.append(record_id, written_time, event);
    }
    next_record_id_ = record_id + 1;
    return {chunks_written_, binxml::file_header_size + chunks_written_ * binxml::chunk_size + offset};
}

void evtx_file_writer::flush_chunk() {
    const auto& bytes = chunk_.finish();
    out_.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ++chunks_written_;
    records_in_written_chunks_ += chunk_.record_count();
    chunk_.reset();
    chunk_.number_from(records_in_written_chunks_ + 1);
    start_chunk();
}

void evtx_file_writer::finish() {
    if (finished_) throw std::logic_error("finish called twice");
    finished_ = true;
    if (!chunk_.empty()) flush_chunk();
    if (chunks_written_ > 0xFFFF) throw std::length_error("more chunks than the file header can count");
    file_header_fields fields;
    fields.last_chunk_number = chunks_written_ == 0 ? 0 : chunks_written_ - 1;
    fields.next_record_id = next_record_id_;
    fields.chunk_count = static_cast<std::uint16_t>(chunks_written_);
    std::array<std::uint8_t, binxml::file_header_size> header{};
    encode_file_header(fields, header.data());
    const std::ostream::pos_type end = out_.tellp();
    out_.seekp(0);
    out_.write(reinterpret_cast<const char*>(header.data()), static_cast<std::streamsize>(header.size()));
    out_.seekp(end);
    out_.flush();
    if (!out_) throw std::runtime_error("writing the EVTX file failed");
}

}  // namespace evtxcar::evtx_writer
