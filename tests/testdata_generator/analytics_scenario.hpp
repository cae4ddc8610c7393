#pragma once
// testdata/analytics/: the cases of CAR-2020-11-010 (CMSTP) in the three
// variants evtxcar implements (car, remote, cmdline-url), each record named
// by its case and listing the detections it is designed to produce.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> analytics_files();

}  // namespace evtxcar::testdata
