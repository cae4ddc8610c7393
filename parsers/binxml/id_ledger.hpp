#pragma once
// id_ledger: the record ids one planned segment must account for, kept while
// its records are read. Live records ascend by id; an id that is skipped is a
// lost record, and so is every expected id not reached at the end. Ids the
// trusted chunks hold never count against a damaged run.

#include <cstdint>

#include "file_plan.hpp"

namespace evtxcar::binxml {

class id_ledger {
public:
    void begin(const planned_segment& segment, const file_plan& plan);

    // May a record with this id be the segment's next live record?
    bool eligible(std::uint64_t id) const;
    // May a record inside a trusted chunk's records, whose id does not
    // follow the chunk's, still be live? When no live chunk holds its id,
    // the header does not rule it out, and it follows the last such record:
    // a chunk written over in part by records of another time (volume
    // shadow copies hold such chunks).
    bool stray_eligible(std::uint64_t id) const;
    void take_stray(std::uint64_t id) { last_stray_ = id; }

    // Takes the live record `id` (read, or failed to decode); returns the
    // number of ids before it that were skipped: records lost.
    std::uint64_t take(std::uint64_t id);

    bool started() const { return started_; }
    std::uint64_t last_taken() const { return last_; }
    // Expected ids not taken (or skipped) so far.
    std::uint64_t unaccounted() const;
    // The first id unaccounted() counts, when there is one.
    std::uint64_t first_unaccounted() const;

private:
    // Ids in [first, last] that this segment owns.
    std::uint64_t owned_between(std::uint64_t first, std::uint64_t last) const;

    const planned_segment* segment_ = nullptr;
    const file_plan* plan_ = nullptr;
    std::uint64_t last_ = 0;
    bool started_ = false;
    std::uint64_t last_stray_ = 0;
};

}  // namespace evtxcar::binxml
