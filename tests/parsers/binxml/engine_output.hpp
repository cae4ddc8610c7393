#pragma once
// engine_output: everything one engine delivers for one file, collected for
// comparison (differential test, benchmark, engine_diff tool).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "event_record.hpp"
#include "record_source.hpp"

namespace evtxcar::testing {

struct engine_output {
    std::optional<read_error> open_error;
    std::vector<event_record> records;
    std::vector<read_error> errors;  // one per on_record_error call
    std::uint64_t records_lost = 0;  // sum of records_lost
    std::vector<read_error> warnings;
    // Records and errors in the order they arrived: an index into `records`
    // (>= 0) or into `errors` (-1 - index).
    std::vector<long> arrivals;
};

// `path` itself when it is a file; every .evtx file below it (any letter
// case), sorted, when it is a folder.
std::vector<std::string> evtx_files(const std::string& path);

// Opens `path` with `engine` and reads every segment in order.
engine_output read_all(const evtx_engine& engine, const std::string& path, const read_options& options);

}  // namespace evtxcar::testing
