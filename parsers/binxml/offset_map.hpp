#pragma once
// offset_map: chunk offset -> index, for the per-chunk caches (names,
// templates). Open addressing in a power-of-two table that is cleared, not
// freed, between chunks.

#include <cstdint>
#include <optional>
#include <vector>

namespace evtxcar::binxml {

class offset_map {
public:
    void clear();
    std::optional<std::uint32_t> find(std::uint32_t offset) const;
    // Adds an offset that find() does not know yet.
    void insert(std::uint32_t offset, std::uint32_t index);

private:
    struct slot {
        std::uint64_t key = 0;  // offset + 1 (no offset maps to 0, even 0xFFFFFFFF); 0 marks a free slot
        std::uint32_t index = 0;
    };
    std::size_t home(std::uint64_t key) const;
    void grow();

    std::vector<slot> slots_ = std::vector<slot>(128);
    std::size_t used_ = 0;
};

}  // namespace evtxcar::binxml
