#pragma once
// Every file of testdata/, in the order MANIFEST.tsv lists them: the one
// table of scenario groups.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> all_scenario_files();

}  // namespace evtxcar::testdata
