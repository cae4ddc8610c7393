#pragma once
// testdata/structure/: the format itself: a log of many chunks, every value
// type, text encodings and references, payload shapes and providers.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> structure_files();

}  // namespace evtxcar::testdata
