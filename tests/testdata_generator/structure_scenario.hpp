#pragma once
// testdata/structure/: the format itself: a log of many chunks, every value
// type, text encodings and references, payload shapes and providers.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> structure_files();

// The records of structure/value_types.evtx: every substitution value type
// (the mutations of testdata/mutations/ damage a copy of that log too).
std::vector<scenario_record> value_type_records();

}  // namespace evtxcar::testdata
