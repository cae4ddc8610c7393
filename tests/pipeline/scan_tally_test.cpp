// A file read by several workers gets the same reason whichever worker met
// which problem first: the one standing earliest in the file.
#include "pipeline/scan_tally.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {

read_error problem_at(std::uint64_t offset, std::string reason) {
    return read_error{.file = "a.evtx", .offset = offset, .reason = std::move(reason)};
}

// Two workers: one read the chunk at 0x11000, the other the chunk at 0x1000.
std::vector<scan_tally> two_workers(bool later_chunk_first) {
    std::vector<scan_tally> tallies;
    for (int worker = 0; worker < 2; ++worker) tallies.emplace_back(1);
    file_tally& later = tallies[later_chunk_first ? 0 : 1].files[0];
    file_tally& earlier = tallies[later_chunk_first ? 1 : 0].files[0];
    later.records_failed = 1;
    later.first_problem.offer(problem_at(0x11200, "bad record in the second chunk"));
    earlier.records_failed = 1;
    earlier.first_problem.offer(problem_at(0x1400, "bad record in the first chunk"));
    return tallies;
}

std::string reason_after_adding(std::vector<scan_tally> tallies) {
    scan_summary summary;
    summary.files.push_back(file_outcome{.path = "a.evtx"});
    add_tallies_to_summary(tallies, summary);
    CHECK(summary.files[0].status == file_status::partial);
    return summary.files[0].reason;
}

}  // namespace

TEST_CASE("a partial file's reason is its earliest problem, whichever worker met it", "[pipeline][tally]") {
    CHECK(reason_after_adding(two_workers(true)) == "bad record in the first chunk");
    CHECK(reason_after_adding(two_workers(false)) == "bad record in the first chunk");
}

TEST_CASE("earliest_reason: one worker meeting problems out of file order keeps the earliest",
          "[pipeline][tally]") {
    earliest_reason first;
    first.offer(problem_at(0x21000, "third chunk"));
    first.offer(problem_at(0x1000, "first chunk"));
    first.offer(problem_at(0x1000, "same place, met later"));
    first.offer(problem_at(read_error::unknown, "somewhere unknown"));
    CHECK(first.reason == "first chunk");
}
