#pragma once
// file_discovery: PATH arguments -> the sorted list of EVTX files to read.
//
// A PATH must be a regular file (read whatever its name) or a folder;
// anything else (missing, a FIFO, a device) is refused by check_inputs()
// before anything is written. In a folder, searched recursively, only
// regular files (or links to them) named "*.evtx" in any letter case are
// read; other files are counted as skipped. Nothing else is ever opened: an
// "*.evtx" that is a FIFO, socket, device or broken link is passed over with
// its reason. Symbolic links to folders are followed, and every folder is
// searched once: a link back into a folder already searched (a loop) is
// passed over with its reason. Each folder is listed and closed before the
// next is opened, so the depth of the tree costs no open files; a folder
// that cannot be listed is a problem (its files are lost to the run), and
// the walk goes on. evtxcar's own files are not input: those of this run's
// output folder, and the outputs an earlier run's folder (one holding
// .evtxcar/) names in its manifest.

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/stop_request.hpp"
#include "result.hpp"

namespace evtxcar {

// Which file a path leads to (device and inode), whatever the path.
struct file_identity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    auto operator<=>(const file_identity&) const = default;
};
std::optional<file_identity> identity_of(const std::string& path);  // follows symbolic links

struct discovery_settings {
    // Names in one folder (evtxcar's output folder) that are not input:
    // the files evtxcar itself writes there. They are neither read nor counted.
    std::optional<file_identity> output_folder;
    std::function<bool(std::string_view name)> is_own_file;
    // Any other folder that holds a .evtxcar/ folder is the output folder of
    // an earlier run: the outputs its manifest names (returned by this) are
    // not input either, nor is .evtxcar/ itself.
    std::function<std::vector<std::string>(const std::string& folder)> outputs_listed_in;
    stop_request stop;
};

struct discovered_files {
    std::vector<std::string> files;             // sorted by path, no duplicates
    std::uint64_t skipped = 0;                  // other files inside folders
    std::vector<std::string> skipped_examples;  // the first few of them
    std::vector<read_error> problems;           // folders (or entries) that could not be read: input lost
    std::vector<read_error> passed_over;        // not read, with the reason: nothing lost, but worth knowing
    std::uint64_t passed_over_not_listed = 0;
    bool stopped = false;                       // the stop_request came during the walk
};

// PATH arguments that cannot be scanned, each with its reason: missing, or
// neither a regular file nor a folder.
std::vector<read_error> check_inputs(const std::vector<std::string>& inputs);

discovered_files discover_evtx_files(const std::vector<std::string>& inputs, const discovery_settings& settings = {});

bool has_evtx_extension(std::string_view path);

}  // namespace evtxcar
