#pragma once
// Little-endian integers into byte buffers: EVTX stores every number this way.

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace evtxcar::evtx_writer {

using byte_buffer = std::vector<std::uint8_t>;

template <typename T>
requires std::is_unsigned_v<T>
void store_le(std::uint8_t* at, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        at[i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

template <typename T>
requires std::is_unsigned_v<T>
void append_le(byte_buffer& out, T value) {
    const std::size_t at = out.size();
    out.resize(at + sizeof(T));
    store_le(out.data() + at, value);
}

template <typename T>
requires std::is_unsigned_v<T> T load_le(const std::uint8_t* at) {
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        value = static_cast<T>(value | static_cast<T>(static_cast<T>(at[i]) << (8 * i)));
    }
    return value;
}

}  // namespace evtxcar::evtx_writer
