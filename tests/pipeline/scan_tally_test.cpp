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

TEST_CASE("normalization examples: the earliest in the input are kept, whichever worker met them", "[pipeline][tally]") {
    // Two workers meet 50 notes of files 0..2 out of order (25 each, more
    // than either keeps); the summary lists the first
    // max_normalization_examples by file, then offset.
    scan_tally first(3), second(3);
    for (std::uint32_t i = 0; i < 50; ++i) {
        scan_tally& worker = i % 2 == 0 ? first : second;
        const std::uint32_t file = 2 - i % 3;
        ++worker.normalization_warnings;
        keep_earliest_notes(worker.normalization_examples, {file, 1000u - i, "note " + std::to_string(i)});
    }
    CHECK(first.normalization_examples.size() == max_normalization_examples);
    CHECK(second.normalization_examples.size() == max_normalization_examples);
    scan_summary summary;
    summary.files = {file_outcome{.path = "a.evtx"}, file_outcome{.path = "b.evtx"}, file_outcome{.path = "c.evtx"}};
    std::vector<scan_tally> tallies;
    tallies.push_back(std::move(second));
    tallies.push_back(std::move(first));
    add_tallies_to_summary(tallies, summary);
    CHECK(summary.normalization_warnings == 50);
    REQUIRE(summary.normalization_warning_examples.size() == max_normalization_examples);
    // File 0 (a.evtx) holds notes 2, 5, ..., 47: 16 of them, note 47 at the
    // lowest offset; then file 1's four lowest: notes 49, 46, 43, 40.
    CHECK(summary.normalization_warning_examples.front() == "a.evtx @953: note 47");
    CHECK(summary.normalization_warning_examples[15] == "a.evtx @998: note 2");
    CHECK(summary.normalization_warning_examples[16] == "b.evtx @951: note 49");
    CHECK(summary.normalization_warning_examples.back() == "b.evtx @960: note 40");
}
