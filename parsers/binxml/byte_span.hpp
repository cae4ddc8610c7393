#pragma once
// byte_span: a read-only view of bytes with bounds-checked little-endian
// loads. Every read of file data in parsers/binxml goes through it, so a
// truncated or hostile file can only produce a failed read, never a read
// outside the buffer.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace evtxcar::binxml {

static_assert(std::endian::native == std::endian::little, "the EVTX reader loads little-endian values directly");

class byte_span {
public:
    constexpr byte_span() = default;
    constexpr byte_span(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    constexpr const std::uint8_t* data() const { return data_; }
    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }

    // True when [offset, offset + count) lies inside the span.
    constexpr bool contains(std::size_t offset, std::size_t count) const {
        return offset <= size_ && count <= size_ - offset;
    }

    // The bytes [offset, offset + count), or an empty span when out of bounds.
    constexpr byte_span sub(std::size_t offset, std::size_t count) const {
        return contains(offset, count) ? byte_span(data_ + offset, count) : byte_span();
    }

    // Loads: false (and `value` untouched) when the bytes are out of bounds.
    template <typename T>
    bool load(std::size_t offset, T& value) const {
        if (!contains(offset, sizeof(T))) return false;
        std::memcpy(&value, data_ + offset, sizeof(T));
        return true;
    }

    // Unchecked loads for callers that checked `contains` already.
    std::uint8_t u8(std::size_t offset) const { return data_[offset]; }
    std::uint16_t u16(std::size_t offset) const { return unchecked<std::uint16_t>(offset); }
    std::uint32_t u32(std::size_t offset) const { return unchecked<std::uint32_t>(offset); }
    std::uint64_t u64(std::size_t offset) const { return unchecked<std::uint64_t>(offset); }

private:
    template <typename T>
    T unchecked(std::size_t offset) const {
        T value;
        std::memcpy(&value, data_ + offset, sizeof(T));
        return value;
    }

    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

// Little-endian loads from raw pointers, for value data already bounds-checked.
inline std::uint16_t load_u16(const std::uint8_t* p) {
    std::uint16_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint32_t load_u32(const std::uint8_t* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint64_t load_u64(const std::uint8_t* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

}  // namespace evtxcar::binxml
