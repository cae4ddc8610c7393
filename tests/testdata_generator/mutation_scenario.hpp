#pragma once
// testdata/mutations/: intact logs damaged by the mutation test's own
// mutator (tests/mutation/evtx_mutator), one case each of the accounting
// every reader is held to, with exactly what a reader must still read and
// must report lost, worked out from where the writer put each record.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> mutation_files();

}  // namespace evtxcar::testdata
