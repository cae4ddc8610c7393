#pragma once
// testdata/broken/: damaged logs and files that are no logs, each with
// what a reader should still get from it.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> broken_files();

}  // namespace evtxcar::testdata
