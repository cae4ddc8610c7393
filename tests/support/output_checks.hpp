#pragma once
// What integration tests look at in an output folder and on stdout.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace evtxcar::test {

// Every file under `folder` (relative path -> bytes), to compare a folder
// before and after; but .evtxcar/lock, where every run that claims the
// folder writes its process id.
inline std::map<std::string, std::string> folder_snapshot(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        if (entry.path().filename() == "lock" && entry.path().parent_path().filename() == ".evtxcar") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        files[std::filesystem::relative(entry.path(), folder).string()] =
            std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return files;
}

// Paths under `folder` (relative) whose name contains `part`.
inline std::vector<std::string> names_containing(const std::filesystem::path& folder, const std::string& part) {
    std::vector<std::string> found;
    if (!std::filesystem::exists(folder)) return found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.path().filename().string().find(part) != std::string::npos) {
            found.push_back(std::filesystem::relative(entry.path(), folder).string());
        }
    }
    return found;
}

// summary.json of the output folder `out`.
inline nlohmann::json read_summary(const std::filesystem::path& out) {
    std::ifstream in(out / "summary.json", std::ios::binary);
    return nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

// The lines of stdout that are JSON objects (the status line, once per run).
inline std::vector<nlohmann::json> status_lines(const std::string& stdout_text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(stdout_text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() == '{') lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

}  // namespace evtxcar::test
