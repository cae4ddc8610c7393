#pragma once
// output_folder: the folder a run writes into, claimed before any input is
// read. Claiming it
//   - creates it when missing, and checks that files can be created in it
//     (and in --temp-dir);
//   - takes .evtxcar/lock, so that one run at a time writes there;
//   - removes the temporaries of earlier runs whose process is gone;
//   - refuses a folder that holds anything but evtxcar's own files unless
//     --overwrite is given: the outputs of an earlier run (named in
//     .evtxcar/manifest.json) are then replaced, and files evtxcar did not
//     write are left alone; a run never replaces a file it did not write,
//     so one that would (an events.jsonl of the evidence) is refused even
//     with --overwrite.
// After the outputs are published, the earlier run's outputs this run did
// not write again are removed and the manifest names this run's.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/file_discovery.hpp"
#include "result.hpp"

namespace evtxcar {

struct output_folder_settings {
    std::filesystem::path folder;
    std::optional<std::filesystem::path> temp_dir;  // --temp-dir: where the time sort spills
    bool overwrite = false;                         // --overwrite
    std::vector<std::string> this_run_writes;       // file names of this run's outputs
    std::vector<std::string> output_names;          // every name evtxcar can write
    std::string tool_version;
};

struct output_folder_refusal {
    enum class kind {
        cannot_write,  // the folder (or --temp-dir) cannot be created or written: fatal
        refused,       // it holds files the rules protect
        in_use,        // another evtxcar run is writing there
    } what;
    std::string message;
};

class output_folder {
public:
    static std::variant<output_folder, output_folder_refusal> claim(const output_folder_settings& settings);

    output_folder(output_folder&& other) noexcept;
    output_folder& operator=(output_folder&&) = delete;
    output_folder(const output_folder&) = delete;
    output_folder& operator=(const output_folder&) = delete;
    // Releases the lock. A folder this run created and published nothing in is removed again.
    ~output_folder();

    const std::filesystem::path& path() const { return settings_.folder; }
    // Where the time sort spills: .evtxcar/sort-PID, or --temp-dir/evtxcar-sort-PID.
    const std::filesystem::path& spill_folder() const { return spill_folder_; }
    // For the walk: which folder this is, and which of its names are evtxcar's
    // own files (a foreign events.jsonl in it is input like any other file).
    discovery_settings exclusions() const;
    std::uint64_t stale_temporaries_removed() const { return stale_removed_; }

    // Before the outputs are renamed into place: the manifest names both the
    // earlier outputs and this run's, so that an interruption in between
    // leaves nothing evtxcar would later take for someone else's file.
    result<bool> begin_publish();
    // After: removes the earlier outputs this run did not write again; the
    // manifest then names exactly this run's outputs.
    result<bool> end_publish();

    // True for .evtxcar/ and the temporary files evtxcar makes in an output
    // folder (an output under its .partial name, the write test, the spill
    // folder of older versions).
    static bool is_state_or_temporary(std::string_view name, const std::vector<std::string>& output_names);

private:
    explicit output_folder(output_folder_settings settings);
    std::optional<output_folder_refusal> prepare();
    std::optional<output_folder_refusal> lock();
    std::optional<output_folder_refusal> check_contents();
    void remove_stale_temporaries_of_gone_runs();

    output_folder_settings settings_;
    std::filesystem::path state_folder_;  // <folder>/.evtxcar
    std::filesystem::path spill_folder_;
    std::vector<std::string> earlier_outputs_;  // present, and named by the earlier manifest
    file_identity identity_;
    int lock_descriptor_ = -1;
    bool created_folder_ = false;
    bool published_ = false;
    std::uint64_t stale_removed_ = 0;
};

}  // namespace evtxcar
