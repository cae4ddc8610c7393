#pragma once
// evtx_mutator: damages an intact EVTX file the ways real damage and a
// hostile tester do, one mutation at a time, deterministically: the same
// file and seed give the same mutant on every machine.
//
// Kinds: bit flips; runs of 0x00 or 0xFF; truncation; file header and
// chunk header fields set to other values; string and template table
// entries pointing out of the chunk or at themselves; one character of an
// element name changed (`System` -> `Systeo`); a chunk copied over another,
// two chunks swapped. Each lands in the file header, a chunk header or a
// chunk's records, and, where a checksum covers it, with the checksum left
// wrong or recomputed to match (a mutant a checksum cannot catch).
//
// Used by the mutation test (tests/mutation/mutation_test.cpp) and by the
// test data generator for the regression files of testdata/mutations/.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evtxcar::mutation {

using bytes = std::vector<std::uint8_t>;

enum class mutation_kind : std::uint8_t {
    bit_flip,            // offset: byte, length: bit (0-7)
    zero_run,            // offset, length
    ff_run,              // offset, length
    truncate,            // offset: the new size
    file_header_field,   // field: offset in the file header, value (width from the field)
    chunk_header_field,  // chunk, field: offset in the chunk header, value
    table_entry,         // chunk, field: entry (0-63 strings, 64-95 templates), value: the chunk offset it points at
    name_character,      // chunk, offset: chunk offset of the name entry, length: character index, value: new character
    copy_chunk,          // chunk: copied over chunk `value`
    swap_chunks,         // chunk and chunk `value` exchanged
};

struct mutation {
    mutation_kind kind = mutation_kind::bit_flip;
    std::uint64_t chunk = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t field = 0;
    std::uint64_t value = 0;
    bool fix_checksums = false;  // recompute the checksums that cover the change

    std::string describe() const;
};

// `file` with `change` applied (a mutation that does not fit the file, such
// as a chunk it does not have, leaves it as it is).
bytes apply(bytes file, const mutation& change);

// A mutation of `file` chosen by `seed`.
mutation random_mutation(const bytes& file, std::uint64_t seed);

// Chunks the file holds whole.
std::uint64_t whole_chunks(const bytes& file);

// Chunk offset of the name entry (in the chunk's name table) whose text is
// `name`, when chunk `chunk` has one.
std::optional<std::uint64_t> find_name(const bytes& file, std::uint64_t chunk, const std::string& name);

}  // namespace evtxcar::mutation
