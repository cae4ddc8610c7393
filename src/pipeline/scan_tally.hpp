#pragma once
// scan_tally: what one scan worker counted. Workers never share a tally; the
// scan adds them into the scan_summary when every worker is done.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "car/car_event.hpp"
#include "pipeline/analytic_coverage.hpp"
#include "pipeline/scan_summary.hpp"

namespace evtxcar {

// The reason of the problem that stands earliest in the file (by offset,
// then record index, as the summary's problem list is sorted), so that a
// file's reason does not depend on which worker read which part of it.
struct earliest_reason {
    std::string reason;
    std::uint64_t offset = read_error::unknown;
    std::uint64_t record_index = read_error::unknown;

    void offer(const read_error& error) { offer(error.reason, error.offset, error.record_index); }
    void offer(const earliest_reason& other) {
        if (!other.reason.empty()) offer(other.reason, other.offset, other.record_index);
    }

private:
    void offer(const std::string& text, std::uint64_t at, std::uint64_t index) {
        if (!reason.empty() && (at > offset || (at == offset && index >= record_index))) return;
        reason = text;
        offset = at;
        record_index = index;
    }
};

// A value a normalizer could not convert, where it was.
struct normalization_note {
    std::uint32_t file_index = 0;
    std::uint64_t offset = 0;
    std::string text;
};

// Adds `note` to `notes`, which keeps the max_normalization_examples
// earliest in the input (file, then offset), so that which are listed does
// not depend on which worker read what.
inline constexpr std::size_t max_normalization_examples = 20;
void keep_earliest_notes(std::vector<normalization_note>& notes, normalization_note note);

struct file_tally {
    std::uint64_t records_read = 0;
    std::uint64_t records_failed = 0;
    std::uint64_t warnings = 0;
    filetime_ticks first_time = 0;
    filetime_ticks last_time = 0;
    bool unreadable = false;
    earliest_reason first_problem;  // of the errors
    earliest_reason first_warning;  // of the warnings
};

// Records read, and how many of them reached the timeline.
struct record_count {
    std::uint64_t records = 0;
    std::uint64_t timeline = 0;
};

struct scan_tally {
    explicit scan_tally(std::size_t file_count) : files(file_count) {}

    std::vector<file_tally> files;  // by file index
    std::uint64_t records_read = 0;
    std::uint64_t records_failed = 0;
    std::uint64_t records_outside_time_range = 0;
    std::uint64_t timeline_events = 0;
    std::map<std::string, record_count, std::less<>> by_channel;
    std::map<std::string, std::uint64_t, std::less<>> by_host;
    std::map<std::string, std::map<std::uint32_t, record_count>, std::less<>> by_provider_event;
    std::map<std::string, std::uint64_t, std::less<>> by_object_action;
    std::vector<scan_summary::problem> problems;
    std::uint64_t problems_not_listed = 0;
    std::vector<car_event> processes;  // process/create events analytics want indexed
    std::uint64_t normalization_warnings = 0;
    std::vector<normalization_note> normalization_examples;  // keep_earliest_notes keeps them

    void add_problem(const read_error& error, std::uint64_t records_lost, bool is_warning);
};

// Adds every tally into `summary` (counts, files, problems sorted by file
// and position).
void add_tallies_to_summary(std::vector<scan_tally>& tallies, scan_summary& summary);

}  // namespace evtxcar
