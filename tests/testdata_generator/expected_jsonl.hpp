#pragma once
// testdata/expected/<path>.jsonl: one JSON object per record written, in
// file order, saying what the record shows and what it is designed to
// trigger.

#include <string>

#include "written_scenario.hpp"

namespace evtxcar::testdata {

std::string expected_jsonl(const written_scenario& written);

}  // namespace evtxcar::testdata
