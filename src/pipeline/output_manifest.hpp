#pragma once
// output_manifest: .evtxcar/manifest.json in the output folder names the
// files evtxcar wrote there. It is how evtxcar knows which files it may
// replace or remove: only those it lists, and only names evtxcar can write
// (a manifest cannot make it touch any other file).
//
//   {"tool": "evtxcar", "version": "0.1.0", "files": ["timeline.csv", ...]}

#include <filesystem>
#include <string>
#include <vector>

#include "result.hpp"

namespace evtxcar {

// The names of `known_names` the manifest in `state_folder` lists; empty when
// there is no manifest or it cannot be read (then nothing counts as evtxcar's).
std::vector<std::string> read_output_manifest(const std::filesystem::path& state_folder,
                                              const std::vector<std::string>& known_names);

// Writes the manifest (under a temporary name, then renamed into place).
result<bool> write_output_manifest(const std::filesystem::path& state_folder, const std::string& tool_version,
                                   const std::vector<std::string>& names);

}  // namespace evtxcar
