#pragma once
// chunk_coverage: holds what libevtx delivers against what the file's plan
// (binxml/file_plan.hpp, the same plan the fast engine reads by) says each
// part of the file holds. libevtx drops records it cannot read without
// saying so (a broken record and everything after it in its chunk, a chunk
// it rejects, chunks past the header's count) and does not check chunk
// checksums for the caller; this check finds those losses and reports them.
//
// All readers of one file share one chunk_coverage (a file may be read in
// segments by several threads); the reader that finishes the last segment
// reports.

#include <cstdint>
#include <mutex>
#include <unordered_set>
#include <string>
#include <vector>

#include "../binxml/file_plan.hpp"
#include "../record_source.hpp"

namespace evtxcar::libevtx {

// The live records libevtx delivered (or failed on, with their id) that one
// part of the plan owns.
struct delivered_ids {
    std::uint64_t count = 0;
    std::uint64_t lowest = ~std::uint64_t{0};
    std::uint64_t highest = 0;

    void add(std::uint64_t id);
    void add(const delivered_ids& other);
};

class chunk_coverage {
public:
    // Surveys the file's chunk headers and checks every trusted chunk's
    // records checksum. Never fails: a file that cannot be read simply has
    // nothing to check.
    chunk_coverage(const std::string& path, std::uint32_t segment_count);

    // Part of the plan whose live ids hold `record_id` (the record header's
    // id), or part_count() when none does.
    std::size_t part_of(std::uint64_t record_id) const;
    std::size_t part_count() const { return plan_.segments.size(); }
    // May a record with this header id be a live record of the file? When a
    // part of the plan owns it, or when no trusted chunk holds it and the
    // header does not rule it out (records of another time written over part
    // of a chunk, as the fast engine takes them). Slack that libevtx reads as
    // live because a header points it there is not.
    bool live_id(std::uint64_t record_id) const;
    // When the file holds a copy of a chunk, libevtx delivers its records
    // twice: true for the first delivery of a record header id (always true
    // in a file without copies, where nothing is tracked).
    bool first_delivery(std::uint64_t record_id);
    // True when --strict must skip the records of this part.
    bool records_checksum_wrong(std::size_t part) const;

    // Called once per segment with the records accounted for per part (read,
    // or reported as failed with their id; under --strict, of a part it
    // skips, only those reported as failed) and the failures already
    // reported whose id is unknown; reports to `visitor` when this was the
    // file's last segment, and then returns true.
    bool segment_done(const std::vector<delivered_ids>& delivered_per_part, std::uint64_t unattributed_failures,
                      bool strict, record_visitor& visitor);

private:
    void report(bool strict, record_visitor& visitor) const;
    // Ids of part `i` libevtx did not account for.
    std::uint64_t shortfall(std::size_t i) const;

    std::string path_;
    binxml::file_plan plan_;
    std::vector<bool> records_checksum_ok_;  // per part (trusted chunks only)
    struct trusted_part {
        std::uint64_t first_id;
        std::uint64_t last_id;
        std::size_t part;
    };
    std::vector<trusted_part> trusted_parts_;  // sorted by first_id
    std::vector<std::size_t> damaged_parts_;   // live damaged runs
    bool has_copies_ = false;
    std::mutex delivered_ids_mutex_;
    std::unordered_set<std::uint64_t> delivered_ids_;  // live header ids delivered, when has_copies_
    std::mutex mutex_;
    std::vector<delivered_ids> delivered_;
    std::uint64_t unattributed_failures_ = 0;
    std::uint32_t segments_left_;
};

}  // namespace evtxcar::libevtx
