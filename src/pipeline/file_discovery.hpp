#pragma once
// file_discovery: PATH arguments -> the sorted list of EVTX files to read.
// A file named on the command line is always read, whatever its name; in a
// directory (searched recursively, symlinked folders not followed) only
// names ending in ".evtx" in any letter case are, and the rest are counted.

#include <cstdint>
#include <string>
#include <vector>

#include "result.hpp"

namespace evtxcar {

struct discovered_files {
    std::vector<std::string> files;             // sorted by path, no duplicates
    std::uint64_t skipped = 0;                  // other files inside directories
    std::vector<std::string> skipped_examples;  // the first few of them
    std::vector<read_error> problems;           // inputs or folders that cannot be read
};

discovered_files discover_evtx_files(const std::vector<std::string>& inputs);

bool has_evtx_extension(const std::string& path);

}  // namespace evtxcar
