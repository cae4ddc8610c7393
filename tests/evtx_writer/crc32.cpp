#include "crc32.hpp"

#include <array>

namespace evtxcar::evtx_writer {

namespace {

// Slice-by-4 tables: table[0] is the classic byte table, table[k] advances a
// byte that is k positions further from the end of a 4-byte group.
using crc_tables = std::array<std::array<std::uint32_t, 256>, 4>;

constexpr crc_tables make_tables() {
    crc_tables tables{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int bit = 0; bit < 8; ++bit) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        tables[0][n] = c;
    }
    for (std::uint32_t n = 0; n < 256; ++n) {
        for (std::size_t k = 1; k < 4; ++k) {
            const std::uint32_t previous = tables[k - 1][n];
            tables[k][n] = tables[0][previous & 0xFFu] ^ (previous >> 8);
        }
    }
    return tables;
}

constexpr crc_tables tables = make_tables();

}  // namespace

crc32& crc32::update(const std::uint8_t* data, std::size_t size) {
    std::uint32_t c = state_;
    while (size >= 4) {
        c ^= static_cast<std::uint32_t>(data[0]) | static_cast<std::uint32_t>(data[1]) << 8 |
             static_cast<std::uint32_t>(data[2]) << 16 | static_cast<std::uint32_t>(data[3]) << 24;
        c = tables[3][c & 0xFFu] ^ tables[2][(c >> 8) & 0xFFu] ^ tables[1][(c >> 16) & 0xFFu] ^ tables[0][c >> 24];
        data += 4;
        size -= 4;
    }
    while (size-- > 0) c = tables[0][(c ^ *data++) & 0xFFu] ^ (c >> 8);
    state_ = c;
    return *this;
}

}  // namespace evtxcar::evtx_writer
