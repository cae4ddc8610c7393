#pragma once
// chunk_reader: delivers the records of one planned segment (file_plan) to a
// visitor: one trusted chunk, or a run of damaged chunk positions.
//
// Live records are found by walking the chunk from the end of its header:
// after a record, at its end; after a bad record header, at the next
// position that holds a consistent one (signature, size, size copy). A
// record is live when its id is one the segment may hold and follows the
// last live one (id_ledger); records with other ids are slack. A trusted
// chunk is walked up to its last record offset, and on past it only while
// ids it claims are still missing; a damaged one, to its end.
//
// Every id the segment must account for is read or reported lost: skipped
// ids where reading resumes after damage (with the damage as the reason),
// a record whose binary XML fails as one (with its id and written time),
// and the ids still missing at the end of the segment.
//
// With read_options::include_recovered, slack is carved for further records,
// which arrive flagged `recovered`; so do the records of chunks that are not
// live. Checksum mismatches are warnings; with read_options::strict a chunk
// whose checksums fail is skipped and its records reported lost.

#include <cstdint>
#include <string>

#include "../event_record.hpp"
#include "../record_source.hpp"
#include "byte_span.hpp"
#include "file_plan.hpp"
#include "id_ledger.hpp"
#include "name_table.hpp"
#include "record_assembler.hpp"
#include "template_cache.hpp"
#include "xml_evaluator.hpp"

namespace evtxcar::binxml {

class chunk_reader {
public:
    explicit chunk_reader(const read_options& options)
        : options_(options), templates_(names_), evaluator_(names_, templates_), assembler_(options) {}

    // Starts reading `segment` of `plan`; `path` names the file in messages.
    void begin(const planned_segment& segment, const file_plan& plan, const std::string* path);
    // One chunk position of the segment, in order: its bytes (empty when the
    // file ends before it, fewer than 64 KiB when it ends inside it).
    void read(byte_span chunk, std::uint64_t index, std::uint64_t file_offset, record_visitor& visitor);
    // Reports the ids of the segment still missing.
    void finish(record_visitor& visitor);

private:
    struct damage {
        bool seen = false;
        std::uint64_t chunk = 0;
        std::uint64_t file_offset = 0;
        std::string reason;
        bool in_trusted_records = false;  // inside a trusted chunk's records: worth a warning even if nothing is lost
    };

    void read_live(record_visitor& visitor);
    void read_leftover(record_visitor& visitor);
    // Reports the ids skipped before live record `id` at chunk offset `offset`.
    void account(std::size_t offset, std::uint64_t id, record_visitor& visitor);
    // Decodes the record at `offset` (its header is valid); true when it was
    // delivered. A live record that does not decode is a record error; a
    // recovered one, a warning (slack is expected to hold debris).
    bool read_record(std::size_t offset, bool live, bool carved, record_visitor& visitor);
    // Carves records from [from, chunk end); they arrive flagged recovered.
    void carve(std::size_t from, record_visitor& visitor);
    void note_damage(std::size_t offset, std::string reason, bool in_trusted_records);
    read_error error_at(std::size_t chunk_offset, std::string reason) const;
    read_error error_in_file(std::uint64_t chunk, std::uint64_t file_offset, std::string reason) const;

    const read_options& options_;
    name_table names_;
    template_cache templates_;
    xml_evaluator evaluator_;
    record_assembler assembler_;
    event_record record_;  // reused for every record

    const planned_segment* segment_ = nullptr;
    const std::string* path_ = nullptr;
    id_ledger ledger_;
    damage damage_;                // the first damage since the last live record
    std::uint64_t claimed_ = 0;    // records a trusted chunk's header counts
    bool cut_short_ = false;       // the file ends inside a chunk of this segment
    bool skipped_strict_ = false;  // --strict skipped a chunk of this segment
    std::uint64_t lost_so_far_ = 0; // records of this segment reported lost while reading it
    std::uint64_t stopped_at_ = 0; // file offset where the last chunk's reading ended

    byte_span chunk_;
    std::uint64_t index_ = 0;
    std::uint64_t file_offset_ = 0;
};

}  // namespace evtxcar::binxml
