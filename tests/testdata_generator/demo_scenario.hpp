#pragma once
// testdata/demo/: a day on three hosts of corp.example.com (two
// workstations and a domain controller), with a CMSTP attack (T1218.003) on
// WS02 in the afternoon. The triage set the README's demo command scans.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> demo_files();

}  // namespace evtxcar::testdata
