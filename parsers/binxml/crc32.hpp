#pragma once
// CRC-32 as EVTX uses it (RFC 1952: reflected polynomial 0xEDB88320, initial
// value 0, final complement), for the file header, chunk headers and chunk
// record data.

#include <cstddef>
#include <cstdint>

namespace evtxcar::binxml {

// CRC-32 of `size` bytes, continuing from `previous` (the CRC of the bytes
// before them; 0 to start).
std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t previous = 0);

}  // namespace evtxcar::binxml
