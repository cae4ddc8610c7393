#pragma once
// CRC-32 as EVTX uses it (RFC 1952: reflected polynomial 0xEDB88320, initial
// value 0, final complement), computed incrementally.

#include <cstddef>
#include <cstdint>

namespace evtxcar::evtx_writer {

class crc32 {
public:
    crc32& update(const std::uint8_t* data, std::size_t size);
    std::uint32_t value() const { return ~state_; }

private:
    std::uint32_t state_ = 0xFFFFFFFFu;
};

// CRC-32 of one contiguous range.
inline std::uint32_t crc32_of(const std::uint8_t* data, std::size_t size) { return crc32{}.update(data, size).value(); }

}  // namespace evtxcar::evtx_writer
