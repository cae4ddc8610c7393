#pragma once
// All of testdata/ as the generator makes it: the logs, the expected data
// (expected/<path>.jsonl), MANIFEST.tsv and README.md, keyed by path below
// testdata/ ('/'-separated).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "written_scenario.hpp"

namespace evtxcar::testdata {

using file_tree = std::map<std::string, std::string>;

file_tree generate_testdata_tree();

// Writes every file of `tree` below `root`, making folders as needed.
void write_tree(const file_tree& tree, const std::filesystem::path& root);

// MANIFEST.tsv and README.md for a set of written scenarios.
std::string manifest_tsv(const std::vector<written_scenario>& files);
std::string testdata_readme(const std::vector<written_scenario>& files);

}  // namespace evtxcar::testdata
