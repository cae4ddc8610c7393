#pragma once
// template_cache: the templates of a file's chunks, compiled on first use.
//
// Within a chunk, templates are kept by definition offset until the next
// chunk. A template that does not compile is cached too, with its error, so
// it is not read again.
//
// Across the chunks of one file (one cache per chunk_reader, so per reader
// and thread), a template compiled in one chunk serves another chunk when
// the other chunk's definition would compile to the same result: the same
// template GUID, the same bytes from the definition's data to the end of
// what the compiler read (the offsets of its names moved with the
// definition, and the names' hash-chain links aside), and the same answers
// where the compiler's reading depended on the definition's place in the
// chunk (compiled_xml.hpp, template_layout). A definition that only shares
// the GUID (a damaged or crafted file) is compiled afresh. Windows writes a
// template's definition again in every chunk that uses it, so logs with few
// records per chunk compile far fewer templates this way.
//
// The chunk's name table sees the same lookups as if the template had been
// compiled there, so everything read afterwards is as before. Compiled
// templates keep their addresses while the cache grows (records are
// evaluated while nested values compile further templates), and their
// storage is reused from chunk to chunk.

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "byte_span.hpp"
#include "compiled_xml.hpp"
#include "name_table.hpp"
#include "offset_map.hpp"
#include "token_compiler.hpp"

namespace evtxcar::binxml {

class template_cache {
public:
    // Operations all templates of one chunk may hold. Real chunks stay far
    // below it; hostile ones (overlapping definitions) are cut off there.
    static constexpr std::size_t op_budget = std::size_t{1} << 20;
    // Templates kept for the whole file, and their operations: beyond them
    // further templates are compiled per chunk, as before.
    static constexpr std::size_t shared_limit = 4096;
    static constexpr std::size_t shared_op_limit = std::size_t{1} << 20;

    explicit template_cache(name_table& names) : names_(names) {}

    // Starts on a new chunk (after the name table has).
    void reset(byte_span chunk);
    // Whether templates compiled from now on are kept for later chunks: not
    // worth their copy when the file has no other chunk to read.
    void keep_for_later_chunks(bool keep) { keep_ = keep; }
    // The template defined at chunk offset `definition`.
    const compiled_xml& get(std::uint32_t definition, token_compiler& compiler);

    // Templates compiled, and templates taken from an earlier chunk, since
    // the cache was made.
    std::uint64_t compiled() const { return compiled_; }
    std::uint64_t reused() const { return reused_; }

private:
    struct shared_template {
        std::array<std::uint8_t, 16> guid{};
        std::size_t chunk_size = 0;
        // Bytes [template_definition_header_size, layout.extent) of the
        // definition, with the excluded ranges zeroed.
        std::vector<std::uint8_t> bytes;
        // Sorted [first, first + 4) ranges (definition offsets) compared not
        // byte for byte: name offset fields (compared moved) and the first
        // four bytes of inline names (never read).
        std::vector<std::uint32_t> excluded;
        compiled_xml xml;
    };

    const compiled_xml* from_earlier_chunk(std::uint32_t definition);
    bool same_template(const shared_template& shared, std::uint32_t definition) const;
    void share(std::uint32_t definition, const compiled_xml& compiled);
    const compiled_xml& keep(std::uint32_t definition, const compiled_xml& compiled);
    std::uint64_t key_at(std::uint32_t definition) const;

    name_table& names_;
    byte_span chunk_;
    std::vector<std::unique_ptr<compiled_xml>> templates_;  // [0, used_) hold this chunk's compiled templates
    std::size_t used_ = 0;
    std::vector<const compiled_xml*> chunk_templates_;  // this chunk's templates, by by_definition_'s index
    std::size_t ops_ = 0;                               // operations held by this chunk's templates
    offset_map by_definition_;

    std::vector<std::unique_ptr<shared_template>> shared_;
    std::unordered_multimap<std::uint64_t, std::uint32_t> shared_by_key_;  // GUID and data size -> shared_
    std::size_t shared_ops_ = 0;
    bool keep_ = true;
    std::uint64_t compiled_ = 0;
    std::uint64_t reused_ = 0;
};

}  // namespace evtxcar::binxml
