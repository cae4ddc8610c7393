#include "record_header.hpp"

#include <cstring>

#include "binxml_format.hpp"

namespace evtxcar::binxml {

std::string_view describe(record_header_status status) {
    switch (status) {
        case record_header_status::ok:
            return "record header is valid";
        case record_header_status::zero_fill:
            return "zero bytes where a record header was expected";
        case record_header_status::no_signature:
            return "no record signature where a record was expected";
        case record_header_status::size_too_small:
            return "record size is smaller than a record header";
        case record_header_status::size_beyond_chunk:
            return "record size runs past the end of the chunk";
        case record_header_status::size_copy_mismatch:
            return "record size and its trailing copy differ";
    }
    return "unknown record header problem";
}

record_header_status read_record_header(byte_span chunk, std::size_t offset, record_header& header) {
    if (!chunk.contains(offset, record_header_size + record_trailer_size)) {
        return record_header_status::size_beyond_chunk;
    }
    const std::uint8_t* p = chunk.data() + offset;
    if (std::memcmp(p, record_signature, sizeof record_signature) != 0) {
        bool all_zero = true;
        for (std::size_t i = 0; i < record_header_size && all_zero; ++i) all_zero = p[i] == 0;
        return all_zero ? record_header_status::zero_fill : record_header_status::no_signature;
    }
    header.size = chunk.u32(offset + record_size_offset);
    header.record_id = chunk.u64(offset + record_id_offset);
    if (header.size < record_header_size + record_trailer_size) return record_header_status::size_too_small;
    if (!chunk.contains(offset, header.size)) return record_header_status::size_beyond_chunk;
    if (chunk.u32(offset + header.size - record_trailer_size) != header.size) {
        return record_header_status::size_copy_mismatch;
    }
    return record_header_status::ok;
}

std::size_t find_next_record(byte_span chunk, std::size_t from) {
    constexpr std::size_t step = 4;
    std::size_t offset = (from + step - 1) / step * step;
    record_header header;
    for (; offset + record_header_size + record_trailer_size <= chunk.size(); offset += step) {
        if (chunk.u8(offset) != record_signature[0]) continue;  // cheap first test
        if (read_record_header(chunk, offset, header) == record_header_status::ok) return offset;
    }
    return chunk.size();
}

}  // namespace evtxcar::binxml
