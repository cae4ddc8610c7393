#pragma once
// testdata/hostile/: Sysmon events whose strings attack the outputs: HTML
// and script injection, bidirectional overrides, CSV formulas, quotes,
// commas and line breaks; a CMSTP detection carries them into the
// detection outputs.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> hostile_files();

}  // namespace evtxcar::testdata
