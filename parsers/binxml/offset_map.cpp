#include "offset_map.hpp"

#include <algorithm>

namespace evtxcar::binxml {

std::size_t offset_map::home(std::uint64_t key) const {
    // Fibonacci hashing: the high bits of the product are the well-mixed ones.
    const std::uint64_t mixed = key * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(mixed >> 32) & (slots_.size() - 1);
}

void offset_map::clear() {
    if (used_ != 0) std::fill(slots_.begin(), slots_.end(), slot{});
    used_ = 0;
}

std::optional<std::uint32_t> offset_map::find(std::uint32_t offset) const {
    const std::uint64_t key = std::uint64_t{offset} + 1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
        if (slots_[i].key == key) return slots_[i].index;
        if (slots_[i].key == 0) return std::nullopt;
    }
}

void offset_map::insert(std::uint32_t offset, std::uint32_t index) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t key = std::uint64_t{offset} + 1;
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = home(key);
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = {key, index};
    ++used_;
}

void offset_map::grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const slot& s : old) {
        if (s.key != 0) insert(static_cast<std::uint32_t>(s.key - 1), s.index);
    }
}

}  // namespace evtxcar::binxml
