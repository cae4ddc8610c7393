#pragma once
// The header of an event record (signature, size, record id, written time)
// and the trailing copy of the size; finding the next record in damaged data.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "byte_span.hpp"

namespace evtxcar::binxml {

struct record_header {
    std::uint32_t size = 0;          // whole record: header, binary XML, size copy
    std::uint64_t record_id = 0;     // EventRecordID as the header has it
};

enum class record_header_status : std::uint8_t {
    ok,
    zero_fill,           // the header bytes are all zero: unused space
    no_signature,        // not "**\0\0"
    size_too_small,      // smaller than the header plus the size copy
    size_beyond_chunk,   // runs past the end of the chunk
    size_copy_mismatch,  // the trailing copy of the size differs
};

std::string_view describe(record_header_status status);

// Reads and checks the record header at `offset` in `chunk`.
record_header_status read_record_header(byte_span chunk, std::size_t offset, record_header& header);

// Chunk offset of the first position at or after `from` (in steps of 4
// bytes) that holds a record header whose size and size copy agree, or
// `chunk.size()` when there is none.
std::size_t find_next_record(byte_span chunk, std::size_t from);

}  // namespace evtxcar::binxml
