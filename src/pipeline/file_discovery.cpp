#include "pipeline/file_discovery.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace evtxcar {

namespace {
constexpr std::size_t max_skipped_examples = 20;
namespace fs = std::filesystem;
}  // namespace

bool has_evtx_extension(const std::string& path) {
    if (path.size() < 5) return false;
    std::string tail = path.substr(path.size() - 5);
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ".evtx";
}

discovered_files discover_evtx_files(const std::vector<std::string>& inputs) {
    discovered_files found;
    auto skip = [&found](const std::string& path) {
        ++found.skipped;
        if (found.skipped_examples.size() < max_skipped_examples) found.skipped_examples.push_back(path);
    };
    for (const std::string& input : inputs) {
        std::error_code error;
        const fs::file_status status = fs::status(input, error);
        if (error || !fs::exists(status)) {
            found.problems.push_back({.file = input, .reason = "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            found.files.push_back(input);
            continue;
        }
        fs::recursive_directory_iterator walker(input, fs::directory_options::skip_permission_denied, error);
        if (error) {
            found.problems.push_back({.file = input, .reason = "cannot read directory: " + error.message()});
            continue;
        }
        for (auto end = fs::recursive_directory_iterator(); walker != end; walker.increment(error)) {
            if (error) {
                found.problems.push_back({.file = walker->path().string(), .reason = "cannot read directory: " + error.message()});
                error.clear();
                continue;
            }
            std::error_code entry_error;
            if (walker->is_directory(entry_error)) continue;
            const std::string path = walker->path().string();
            if (!walker->is_regular_file(entry_error)) {
                skip(path);  // sockets, fifos, dangling links
            } else if (has_evtx_extension(path)) {
                found.files.push_back(path);
            } else {
                skip(path);
            }
        }
    }
    std::sort(found.files.begin(), found.files.end());
    // The same file reached twice ("logs" and "./logs/System.evtx") is read once.
    std::set<std::string> seen;
    std::vector<std::string> unique;
    for (std::string& path : found.files) {
        std::error_code error;
        const std::string identity = fs::weakly_canonical(path, error).string();
        if (seen.insert(error ? path : identity).second) unique.push_back(std::move(path));
    }
    found.files = std::move(unique);
    return found;
}

}  // namespace evtxcar
