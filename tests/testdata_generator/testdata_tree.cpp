#include "testdata_tree.hpp"

#include <fstream>
#include <stdexcept>

#include "expected_jsonl.hpp"
#include "scenario_catalog.hpp"

namespace evtxcar::testdata {

file_tree generate_testdata_tree() {
    const std::vector<scenario_file> scenarios = all_scenario_files();
    std::vector<written_scenario> written;
    written.reserve(scenarios.size());
    for (const scenario_file& file : scenarios) written.push_back(write_scenario(file));

    file_tree tree;
    for (const written_scenario& file : written) {
        const std::string& path = file.scenario->path;
        tree[path] = std::string(file.bytes.begin(), file.bytes.end());
        if (path.ends_with(".evtx")) tree["expected/" + path + ".jsonl"] = expected_jsonl(file);
    }
    tree["MANIFEST.tsv"] = manifest_tsv(written);
    tree["README.md"] = testdata_readme(written);
    return tree;
}

void write_tree(const file_tree& tree, const std::filesystem::path& root) {
    for (const auto& [path, contents] : tree) {
        const std::filesystem::path target = root / std::filesystem::path(path);
        std::filesystem::create_directories(target.parent_path());
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        if (!out) throw std::runtime_error("cannot write " + target.string());
    }
}

}  // namespace evtxcar::testdata
