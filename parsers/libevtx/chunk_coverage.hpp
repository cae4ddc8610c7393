#pragma once
// chunk_coverage: holds what libevtx delivers against what the file's chunk
// headers declare. libevtx drops records it cannot read without saying so
// (a broken record and everything after it in its chunk, a chunk it rejects)
// and does not check chunk checksums for the caller; this check finds those
// losses and reports them.
//
// All readers of one file share one chunk_coverage (a file may be read in
// segments by several threads); the reader that finishes the last segment
// reports.

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "../record_source.hpp"

namespace evtxcar::libevtx {

class chunk_coverage {
public:
    // Reads every whole chunk's header and checksums. Never fails: a file
    // that cannot be mapped simply has nothing to check.
    chunk_coverage(const std::string& path, std::uint32_t segment_count);

    // Chunk whose header's record id range holds `record_id` (libevtx
    // 20181227 reports no record offsets), or chunk_count() when none does.
    std::uint64_t chunk_of(std::uint64_t record_id) const;
    // True when --strict must skip the records of this chunk.
    bool records_checksum_wrong(std::uint64_t chunk) const;

    // Called once per segment with the records accounted for per chunk (read,
    // or reported as failed; under --strict, of a chunk it skips, only those
    // reported as failed) and the failures already reported whose chunk is
    // unknown; reports to `visitor` when this was the file's last segment,
    // and then returns true.
    bool segment_done(const std::vector<std::uint64_t>& delivered_per_chunk, std::uint64_t unattributed_failures,
                      bool strict, record_visitor& visitor);

    std::size_t chunk_count() const { return chunks_.size(); }

private:
    struct chunk_facts {
        bool has_signature = false;
        bool empty = false;
        bool header_checksum_ok = true;
        bool records_checksum_ok = true;
        std::uint64_t claimed_records = 0;
    };
    struct id_range {
        std::uint64_t first_id;
        std::uint64_t last_id;
        std::uint64_t chunk;
    };
    void report(bool strict, record_visitor& visitor) const;

    std::string path_;
    std::vector<chunk_facts> chunks_;
    std::vector<id_range> ranges_;  // sorted by first_id
    std::mutex mutex_;
    std::vector<std::uint64_t> delivered_;
    std::uint64_t unattributed_failures_ = 0;
    std::uint32_t segments_left_;
};

}  // namespace evtxcar::libevtx
