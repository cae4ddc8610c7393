#pragma once
// A scenario file made real: its bytes (written by the EVTX writer, then
// damaged if the scenario says so) and, for each record, what it shows and
// whether a reader can still read it.

#include <cstdint>
#include <string>
#include <vector>

#include "event_summary.hpp"
#include "scenario.hpp"

namespace evtxcar::testdata {

struct written_record {
    std::uint64_t record_id = 0;
    const scenario_record* scenario = nullptr;  // points into the scenario_file
    evtx_writer::event_summary shown;           // as the record renders
    bool readable = true;
};

struct written_scenario {
    const scenario_file* scenario = nullptr;
    byte_buffer bytes;
    std::vector<written_record> records;
    std::uint64_t chunks = 0;
    file_verdict verdict;
};

// `file` must outlive the result.
written_scenario write_scenario(const scenario_file& file);

}  // namespace evtxcar::testdata
