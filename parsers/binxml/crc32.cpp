#include "crc32.hpp"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace evtxcar::binxml {

namespace {

constexpr std::uint32_t polynomial = 0xEDB88320u;

// Eight tables for slicing-by-8: table[k][b] is the CRC contribution of
// byte b followed by k zero bytes. Computed at compile time.
using crc_tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr crc_tables make_tables() {
    crc_tables tables{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ polynomial : crc >> 1;
        tables[0][b] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k) {
        for (std::size_t b = 0; b < 256; ++b) {
            const std::uint32_t prev = tables[k - 1][b];
            tables[k][b] = (prev >> 8) ^ tables[0][prev & 0xFFu];
        }
    }
    return tables;
}

constexpr crc_tables tables = make_tables();

// `crc` is the running register (already complemented).
std::uint32_t crc32_tables(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
    while (size >= 8) {
        std::uint32_t low;
        std::uint32_t high;
        std::memcpy(&low, data, 4);
        std::memcpy(&high, data + 4, 4);
        low ^= crc;
        crc = tables[7][low & 0xFFu] ^ tables[6][(low >> 8) & 0xFFu] ^ tables[5][(low >> 16) & 0xFFu] ^
              tables[4][low >> 24] ^ tables[3][high & 0xFFu] ^ tables[2][(high >> 8) & 0xFFu] ^
              tables[1][(high >> 16) & 0xFFu] ^ tables[0][high >> 24];
        data += 8;
        size -= 8;
    }
    while (size-- > 0) crc = (crc >> 8) ^ tables[0][(crc ^ *data++) & 0xFFu];
    return crc;
}

#if defined(__x86_64__)

// Carry-less multiplication folding (Intel, "Fast CRC Computation for
// Generic Polynomials Using PCLMULQDQ Instruction"), for the bit-reflected
// polynomial. Four 128-bit lanes are folded 64 bytes ahead at a time, then
// into one lane, which is reduced to 64 and to 32 bits (Barrett). The
// constants are x^n mod P, bit-reflected and shifted left by one, for the
// distances the folds cover; each was recomputed from P when written.
constexpr long long fold_512_low = 0x154442bd4;   // x^(4*128+32) mod P
constexpr long long fold_512_high = 0x1c6e41596;  // x^(4*128-32) mod P
constexpr long long fold_128_low = 0x1751997d0;   // x^(128+32) mod P
constexpr long long fold_128_high = 0x0ccaa009e;  // x^(128-32) mod P
constexpr long long fold_64 = 0x163cd6124;        // x^64 mod P
constexpr long long reflected_p = 0x1db710641;    // P
constexpr long long barrett_mu = 0x1f7011641;     // floor(x^64 / P)

__attribute__((target("pclmul,sse4.1"))) __m128i fold(__m128i lane, __m128i constants, __m128i next) {
    const __m128i low = _mm_clmulepi64_si128(lane, constants, 0x00);
    const __m128i high = _mm_clmulepi64_si128(lane, constants, 0x11);
    return _mm_xor_si128(_mm_xor_si128(low, high), next);
}

__attribute__((target("pclmul,sse4.1"))) __m128i load(const std::uint8_t* data) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
}

// Needs size >= 64; returns the register for the whole multiple of 16 bytes
// it consumed, and leaves the rest in `data`/`size`.
__attribute__((target("pclmul,sse4.1"))) std::uint32_t crc32_folding(const std::uint8_t*& data, std::size_t& size,
                                                                     std::uint32_t crc) {
    __m128i lane0 = _mm_xor_si128(load(data), _mm_cvtsi32_si128(static_cast<int>(crc)));
    __m128i lane1 = load(data + 16);
    __m128i lane2 = load(data + 32);
    __m128i lane3 = load(data + 48);
    data += 64;
    size -= 64;
    const __m128i by_512 = _mm_set_epi64x(fold_512_high, fold_512_low);
    while (size >= 64) {
        lane0 = fold(lane0, by_512, load(data));
        lane1 = fold(lane1, by_512, load(data + 16));
        lane2 = fold(lane2, by_512, load(data + 32));
        lane3 = fold(lane3, by_512, load(data + 48));
        data += 64;
        size -= 64;
    }
    const __m128i by_128 = _mm_set_epi64x(fold_128_high, fold_128_low);
    __m128i lane = fold(lane0, by_128, lane1);
    lane = fold(lane, by_128, lane2);
    lane = fold(lane, by_128, lane3);
    while (size >= 16) {
        lane = fold(lane, by_128, load(data));
        data += 16;
        size -= 16;
    }
    const __m128i low_32 = _mm_setr_epi32(-1, 0, -1, 0);
    // 128 -> 64 bits.
    __m128i product = _mm_clmulepi64_si128(lane, by_128, 0x10);
    lane = _mm_xor_si128(_mm_srli_si128(lane, 8), product);
    // 64 -> 32 bits (plus the part above, kept in the upper half).
    const __m128i upper = _mm_srli_si128(lane, 4);
    product = _mm_clmulepi64_si128(_mm_and_si128(lane, low_32), _mm_set_epi64x(0, fold_64), 0x00);
    lane = _mm_xor_si128(product, upper);
    // Barrett reduction to the 32-bit remainder.
    const __m128i p_mu = _mm_set_epi64x(barrett_mu, reflected_p);
    __m128i quotient = _mm_clmulepi64_si128(_mm_and_si128(lane, low_32), p_mu, 0x10);
    quotient = _mm_clmulepi64_si128(_mm_and_si128(quotient, low_32), p_mu, 0x00);
    lane = _mm_xor_si128(lane, quotient);
    return static_cast<std::uint32_t>(_mm_extract_epi32(lane, 1));
}

#endif

}  // namespace

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t previous) {
    std::uint32_t crc = ~previous;
#if defined(__x86_64__)
    if (size >= 64 && __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1")) {
        crc = crc32_folding(data, size, crc);
    }
#endif
    return ~crc32_tables(data, size, crc);
}

}  // namespace evtxcar::binxml
