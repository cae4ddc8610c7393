#pragma once
// file_plan: which chunks of an EVTX file hold live records and which record
// ids each part of the file must account for, decided from every witness the
// format has before a record is read:
//   - the file header: chunk count, next record id, dirty flag, checksum;
//   - each chunk header: first and last record number and id, checksum;
//   - the chunks the file actually holds (and the ones it ends before).
// The fourth witness, the record ids found, is used while the chunks are
// read (id_ledger).
//
// The rules, in short (docs/engine-differences.md, "Accounting"):
//   - A chunk is *trusted* when its header checksum holds and its numbers
//     agree (last - first is the same for record numbers and ids, and no
//     more records than a chunk can hold). Its ids are the ones it claims.
//   - A trusted chunk inside the header's chunk count is live, and so is the
//     file's first one with records whatever the count says. One past the
//     count is live when its ids follow the live chunk before it (right
//     after it, or after a gap the damaged chunks between can hold), when
//     the header's next record id says its ids were written, when the file
//     is dirty and its ids are newer, or when its ids and record numbers end
//     where a live chunk's begin. Otherwise it is leftover: recovered
//     records only.
//   - Of two live chunks that claim the same ids, the one whose neighbours
//     agree with it less is taken as a copy (on a tie, the header's next
//     record id says which position holds the log's newest records); a
//     leftover chunk that claims a live chunk's ids is a copy too. A copy is
//     treated as damaged and its records are never live.
//   - Every other chunk position (no signature, zeroed, header checksum
//     wrong, numbers that disagree, cut short, or missing: counted by the
//     header but past the end of the file) is *damaged*. Consecutive damaged
//     positions form one segment, which owns the ids between the live chunks
//     around it (or up to the header's next record id, or down to what the
//     next chunk's record numbers say of a log that never wrapped), at most
//     what the positions can hold. What a damaged header says of its own ids
//     is not believed (a header the file ends inside is short, not damaged).
//     Records found in the run with ids it owns are live.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "byte_span.hpp"
#include "chunk_header.hpp"

namespace evtxcar::binxml {

// A closed range of record ids; empty when last < first.
struct id_span {
    std::uint64_t first = 1;
    std::uint64_t last = 0;

    bool empty() const { return last < first; }
    std::uint64_t size() const { return empty() ? 0 : last - first + 1; }
    bool contains(std::uint64_t id) const { return id >= first && id <= last; }
};

// What a chunk position holds, from (at most) its first 512 bytes.
struct chunk_look {
    std::size_t bytes = 0;                   // bytes of the chunk the file holds; 0: the file ends before it
    chunk_state state = chunk_state::empty;  // of the bytes that are there
    bool header_ok = false;                  // signature, whole header, checksum holds
    bool numbers_agree = false;              // record numbers and ids agree, and fit in a chunk
    id_span claimed;                         // the header's ids, when its numbers agree (empty: a
                                             // trusted header of a chunk without records)
    std::uint64_t first_number = 0;          // the header's first record number (counted from 1 since
                                             // the log was created or cleared), when its numbers agree
    // Weaker witnesses of a header that is damaged or cut short: its first
    // and last record ids as they stand (0: not there), and the records its numbers
    // count (0: they are not there or make no sense).
    std::uint64_t stated_first_id = 0;
    std::uint64_t stated_last_id = 0;
    std::uint64_t numbered_records = 0;
};

// `start`: the chunk's first bytes as read (up to chunk_header_size);
// `bytes_in_file`: how much of the chunk the file holds.
chunk_look look_at_chunk(byte_span start, std::size_t bytes_in_file);

// What the file header says.
struct file_witness {
    bool checksum_ok = false;
    std::uint64_t chunk_count = 0;
    std::uint64_t next_record_id = 0;
    std::uint64_t first_chunk_number = 0;  // the oldest chunk: 0 until the log wraps around
    bool dirty = false;
};

// A part of the file read as one unit: one trusted chunk, or a run of
// damaged positions.
struct planned_segment {
    std::uint64_t first_chunk = 0;
    std::uint64_t end_chunk = 0;  // one past the last position
    bool trusted = false;         // one chunk whose header is believed (offsets, ids)
    bool live = false;            // its records are live records; otherwise recovered ones only
    // The ids its live records may carry (they also ascend); for a damaged
    // run, less the ids trusted chunks hold (file_plan::held_by_trusted).
    id_span allowed;
    // The ids it must account for (each read, or reported lost). An unknown
    // bound is taken from the first, resp. last, live record found.
    std::optional<std::uint64_t> expected_first;
    std::optional<std::uint64_t> expected_last;
    // Nothing says which ids it held, but the header says it was written:
    // when no live record is found in it, one (at least) is lost.
    bool at_least_one = false;
    bool not_zeroed = false;  // a damaged run: some of its headers are not all zero bytes
    // Positions of the run that hold a copy of a live chunk: its records and
    // its slack are the copied chunk's, none of them live here.
    std::vector<std::uint64_t> copies;
    std::string damage;  // for a damaged run: what is wrong with it, in words
};

struct file_plan {
    std::uint64_t positions = 0;  // chunk positions: those the file holds and those it ends before
    std::vector<planned_segment> segments;
    std::vector<id_span> trusted_live;  // the ids of the trusted live chunks, sorted
    std::vector<std::string> notes;     // file-level findings (warnings)
    // No live record has a higher id: the header's next record id - 1 when
    // the header is believed and clean (a dirty header lags), else none.
    std::uint64_t newest_possible_id = ~std::uint64_t{0};

    bool held_by_trusted(std::uint64_t id) const;
    // Ids in [first, last] that `segment` owns: all of them for a trusted
    // chunk; for a damaged run, those no trusted live chunk holds.
    std::uint64_t owned_ids(const planned_segment& segment, std::uint64_t first, std::uint64_t last) const;
};

// `looks`: every chunk position the file holds, in order (the plan adds the
// positions the header counts beyond them).
file_plan plan_file(const file_witness& header, std::vector<chunk_look> looks);

}  // namespace evtxcar::binxml
