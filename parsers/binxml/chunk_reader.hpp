#pragma once
// chunk_reader: delivers the records of one 64 KiB chunk to a visitor.
//
// Live records are read in order from the end of the chunk header up to the
// header's last record offset. A record that cannot be read is reported and
// reading goes on: after a bad record header, at the next position that
// holds a consistent record header (signature, size, size copy); after bad
// binary XML, at the record's end. With read_options::include_recovered the
// chunk's slack space (behind the live records) is carved for further
// records, which arrive flagged `recovered`.
//
// When the chunk header's checksum holds, the records it counts (first to
// last record number) that were neither delivered nor reported are reported
// lost at the end: a chunk cut short by the end of the file loses its tail.
//
// Checksum mismatches are warnings; with read_options::strict the chunk is
// then skipped and reported as lost.

#include <cstdint>
#include <string>

#include "../event_record.hpp"
#include "../record_source.hpp"
#include "byte_span.hpp"
#include "name_table.hpp"
#include "record_assembler.hpp"
#include "template_cache.hpp"
#include "xml_evaluator.hpp"

namespace evtxcar::binxml {

struct chunk_location {
    const std::string* path = nullptr;  // file, for messages
    std::uint64_t index = 0;            // chunk number in the file (0-based)
    std::uint64_t file_offset = 0;      // where the chunk starts in the file
    bool live = true;                   // false: every record in it counts as recovered
};

class chunk_reader {
public:
    explicit chunk_reader(const read_options& options)
        : options_(options), evaluator_(names_, templates_), assembler_(options) {}

    void read(byte_span chunk, const chunk_location& where, record_visitor& visitor);

private:
    // Reads the record at `offset` whose header is valid; true when it was
    // delivered. A live record that does not decode is a record error; a
    // recovered one, a warning (slack is expected to hold debris).
    bool read_record(std::size_t offset, bool recovered, record_visitor& visitor);
    // Carves records from [from, chunk end); they arrive flagged recovered.
    void carve(std::size_t from, record_visitor& visitor);
    read_error error_at(std::size_t chunk_offset, std::string reason) const;

    const read_options& options_;
    name_table names_;
    template_cache templates_;
    xml_evaluator evaluator_;
    record_assembler assembler_;
    event_record record_;  // reused for every record
    byte_span chunk_;
    chunk_location where_;
    std::uint64_t accounted_ = 0;  // live records of this chunk delivered or reported lost
};

}  // namespace evtxcar::binxml
