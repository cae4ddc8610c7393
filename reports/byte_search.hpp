#pragma once
// first_of<...>: where the first of a few given bytes is in a text (npos
// when none of them is), sixteen bytes at a time where the machine has
// SSE2. The writers use it to find what a CSV cell, a details value or a
// message line must treat specially, and copy what comes before in one
// piece instead of byte by byte.

#include <array>
#include <bit>
#include <cstddef>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace evtxcar {

template <char... Wanted>
std::size_t first_of(std::string_view text) {
    static_assert(sizeof...(Wanted) > 0);
    const char* data = text.data();
    const std::size_t size = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    if (size >= 16) {
        auto hits_in = [](const char* at) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
            __m128i hits = _mm_setzero_si128();
            ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(Wanted)))), ...);
            return static_cast<unsigned>(_mm_movemask_epi8(hits));
        };
        for (; i + 16 <= size; i += 16) {
            if (const unsigned mask = hits_in(data + i); mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
        }
        if (i == size) return std::string_view::npos;
        // The last 16 bytes, overlapping what was searched: the bytes
        // before `i` hold none of the wanted ones, so a hit is at `i` or after.
        const unsigned mask = hits_in(data + size - 16);
        return mask != 0 ? size - 16 + static_cast<std::size_t>(std::countr_zero(mask)) : std::string_view::npos;
    }
#endif
    static constexpr auto wanted = [] {
        std::array<bool, 256> is{};
        ((is[static_cast<unsigned char>(Wanted)] = true), ...);
        return is;
    }();
    for (; i < size; ++i) {
        if (wanted[static_cast<unsigned char>(data[i])]) return i;
    }
    return std::string_view::npos;
}

}  // namespace evtxcar
