#pragma once
// decode_error: why binary XML could not be decoded, and where (a chunk
// offset). The reason is a static string; the chunk reader turns it into a
// read_error with the file, chunk and record.

#include <cstddef>
#include <string_view>

namespace evtxcar::binxml {

struct decode_error {
    std::size_t offset = 0;
    std::string_view reason;
};

}  // namespace evtxcar::binxml
