#pragma once
// name_table: the names of one chunk (elements, attributes, entities),
// decoded once to UTF-8 and looked up by their chunk offset. Names that the
// record assembler cares about carry a known_name code, so that matching
// them later is an integer comparison.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "byte_span.hpp"
#include "offset_map.hpp"

namespace evtxcar::binxml {

enum class known_name : std::uint8_t {
    other,
    // elements
    event,
    system,
    provider,
    event_id,
    version,
    level,
    task,
    opcode,
    keywords,
    time_created,
    event_record_id,
    execution,
    channel,
    computer,
    security,
    event_data,
    user_data,
    data,
    // attributes
    name,
    guid,
    qualifiers,
    system_time,
    process_id,
    thread_id,
    user_id,
    xmlns,  // any name starting with "xmlns": namespace declarations
};

struct name_entry {
    std::string_view text;  // UTF-8
    known_name known = known_name::other;
    bool hash_ok = true;  // the hash stored with the name matches its characters
};

using name_index = std::uint32_t;

class name_table {
public:
    static constexpr name_index invalid = ~name_index{0};
    static constexpr std::size_t text_capacity = std::size_t{1} << 20;

    name_table() { text_.reserve(text_capacity); }

    // Forgets the names of the previous chunk and reads names from `chunk`.
    void reset(byte_span chunk);

    // The name stored at `offset` in the chunk, decoded on first use;
    // `invalid` when the name does not fit in the chunk, or when the chunk's
    // names exceed text_capacity (only hostile data gets there: names may
    // overlap, so their total is not bounded by the chunk size).
    name_index lookup(std::uint32_t offset);

    // Bytes the name at `offset` occupies (for names stored inline, which
    // the binary XML steps over); 0 when it does not fit.
    std::size_t stored_size(std::uint32_t offset) const;

    // The view stays valid until reset(): the text store never reallocates.
    name_entry get(name_index index) const {
        const entry& e = entries_[index];
        return {std::string_view(text_).substr(e.text_offset, e.text_size), e.known, e.hash_ok};
    }

private:
    struct entry {
        std::uint32_t text_offset;
        std::uint32_t text_size;
        known_name known;
        bool hash_ok;
    };

    byte_span chunk_;
    std::string text_;  // every decoded name, back to back
    std::vector<entry> entries_;
    offset_map by_offset_;
};

known_name classify_name(std::string_view text);

// The 16-bit hash stored with a name: the low 16 bits of h = h * 65599 + u
// over its UTF-16 code units u. A name whose bytes were overwritten fails it.
std::uint16_t name_hash(const std::uint8_t* utf16, std::size_t code_units);

}  // namespace evtxcar::binxml
