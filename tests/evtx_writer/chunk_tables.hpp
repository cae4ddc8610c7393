#pragma once
// The two lookup tables of a chunk: names (element, attribute and entity
// names) and template definitions, each stored once per chunk and referenced
// by chunk offset afterwards. Both live in the chunk header as bucket heads;
// entries of one bucket are chained through their "next" field.
//
// Additions are provisional until commit(): a record that does not fit in the
// chunk is rolled back, and its names and templates go to the next chunk.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "binxml/binxml_format.hpp"
#include "guid.hpp"

namespace evtxcar::evtx_writer {

// Hash of a name as Windows stores it beside the name (and uses to pick the
// name's bucket): h = h * 65599 + code unit, kept to the low 16 bits.
std::uint16_t name_hash(std::u16string_view name);

class chunk_tables {
public:
    std::optional<std::uint32_t> find_name(const std::u16string& name) const;
    // Records a name written at `offset`; returns the previous head of its
    // bucket, which the new entry's "next" field must hold.
    std::uint32_t add_name(const std::u16string& name, std::uint16_t hash, std::uint32_t offset);

    std::optional<std::uint32_t> find_template(const guid& id) const;
    std::uint32_t add_template(const guid& id, std::uint32_t offset);

    void commit();
    void rollback();
    void clear();

    const std::array<std::uint32_t, binxml::chunk_string_buckets>& name_buckets() const { return name_buckets_; }
    const std::array<std::uint32_t, binxml::chunk_template_buckets>& template_buckets() const {
        return template_buckets_;
    }

private:
    struct guid_hash {
        std::size_t operator()(const guid& id) const;
    };
    struct pending_entry {
        bool is_template;
        std::size_t bucket;
        std::uint32_t previous_head;
        std::u16string name;
        guid id;
    };

    std::array<std::uint32_t, binxml::chunk_string_buckets> name_buckets_{};
    std::array<std::uint32_t, binxml::chunk_template_buckets> template_buckets_{};
    std::unordered_map<std::u16string, std::uint32_t> names_;
    std::unordered_map<guid, std::uint32_t, guid_hash> templates_;
    std::vector<pending_entry> pending_;
};

}  // namespace evtxcar::evtx_writer
