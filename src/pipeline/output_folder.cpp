#include "pipeline/output_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "pipeline/output_manifest.hpp"
#include "pipeline/stale_temporaries.hpp"

namespace evtxcar {

namespace fs = std::filesystem;

namespace {

constexpr const char* state_folder_name = ".evtxcar";
constexpr const char* probe_prefix = ".evtxcar.partial-";    // the write test, removed at once
constexpr const char* legacy_spill_prefix = ".evtxcar-sort-";  // spill folders of versions before .evtxcar/
constexpr const char* spill_prefix = "sort-";                  // in .evtxcar/
constexpr const char* temp_dir_spill_prefix = "evtxcar-sort-";  // in --temp-dir

// The process that owns an evtxcar temporary in the output folder, when `name` is one.
std::optional<long> temporary_owner(std::string_view name, const std::vector<std::string>& output_names) {
    for (const std::string& output : output_names) {
        if (auto owner = process_id_after(name, "." + output + ".partial-")) return owner;
    }
    if (auto owner = process_id_after(name, probe_prefix)) return owner;
    return process_id_after(name, legacy_spill_prefix);
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string listed(const std::vector<std::string>& names) {
    constexpr std::size_t shown = 5;
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) text += (i ? ", " : "") + names[i];
    if (names.size() > shown) text += " and " + std::to_string(names.size() - shown) + " more";
    return text;
}

output_folder_refusal cannot_write(std::string message) {
    return {output_folder_refusal::kind::cannot_write, std::move(message)};
}

// Creates and removes one file: the folder takes new files.
std::optional<std::string> write_test(const fs::path& folder) {
    const fs::path probe = folder / (probe_prefix + std::to_string(::getpid()));
    const int descriptor = ::open(probe.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (descriptor < 0) return std::string(std::strerror(errno));
    ::close(descriptor);
    ::unlink(probe.c_str());
    return std::nullopt;
}

}  // namespace

bool output_folder::is_state_or_temporary(std::string_view name, const std::vector<std::string>& output_names) {
    return name == state_folder_name || temporary_owner(name, output_names).has_value();
}

output_folder::output_folder(output_folder_settings settings)
    : settings_(std::move(settings)), state_folder_(settings_.folder / state_folder_name) {
    const std::string pid = std::to_string(::getpid());
    spill_folder_ = settings_.temp_dir ? *settings_.temp_dir / (temp_dir_spill_prefix + pid)
                                       : state_folder_ / (spill_prefix + pid);
}

output_folder::output_folder(output_folder&& other) noexcept
    : settings_(std::move(other.settings_)),
      state_folder_(std::move(other.state_folder_)),
      spill_folder_(std::move(other.spill_folder_)),
      earlier_outputs_(std::move(other.earlier_outputs_)),
      identity_(other.identity_),
      lock_descriptor_(std::exchange(other.lock_descriptor_, -1)),
      created_folder_(std::exchange(other.created_folder_, false)),
      published_(other.published_),
      stale_removed_(other.stale_removed_) {}

output_folder::~output_folder() {
    if (lock_descriptor_ < 0) return;
    if (created_folder_ && !published_) {
        // Nothing of this run is left in the folder it made: remove it again
        // (each remove only succeeds on what is empty).
        std::error_code ignored;
        fs::remove(state_folder_ / "lock", ignored);
        fs::remove(state_folder_, ignored);
        fs::remove(settings_.folder, ignored);
    }
    ::close(lock_descriptor_);
}

std::variant<output_folder, output_folder_refusal> output_folder::claim(const output_folder_settings& settings) {
    output_folder folder(settings);
    if (auto refusal = folder.prepare()) return *refusal;
    return std::variant<output_folder, output_folder_refusal>(std::in_place_index<0>, std::move(folder));
}

std::optional<output_folder_refusal> output_folder::prepare() {
    const fs::path& folder = settings_.folder;
    std::error_code error;
    const fs::file_status status = fs::status(folder, error);
    if (fs::exists(status) && !fs::is_directory(status)) {
        return cannot_write("output folder " + folder.string() + " exists and is not a folder");
    }
    if (!fs::exists(status)) {
        error.clear();
        fs::create_directories(folder, error);
        if (error) return cannot_write("cannot create output folder " + folder.string() + ": " + error.message());
        created_folder_ = true;
    }
    if (settings_.temp_dir) {
        const fs::file_status temp_status = fs::status(*settings_.temp_dir, error);
        if (!fs::is_directory(temp_status)) {
            return cannot_write("--temp-dir " + settings_.temp_dir->string() +
                                (fs::exists(temp_status) ? " is not a folder" : ": no such folder"));
        }
    }
    // A folder that is refused is left exactly as it was: looked at before
    // .evtxcar/ is made in it, and again once the lock is held.
    if (!created_folder_) {
        if (auto refused = check_contents()) return refused;
    }
    if (auto refused = lock()) return refused;
    if (auto refused = check_contents()) return refused;
    if (auto problem = write_test(folder)) {
        return cannot_write("cannot write in output folder " + folder.string() + ": " + *problem);
    }
    if (settings_.temp_dir) {
        // The spill folder itself is the test; the sort makes it again when it needs it.
        if (::mkdir(spill_folder_.c_str(), 0700) != 0) {
            return cannot_write("cannot write in --temp-dir " + settings_.temp_dir->string() + ": " + std::strerror(errno));
        }
        ::rmdir(spill_folder_.c_str());
    }
    remove_stale_temporaries_of_gone_runs();
    const auto id = identity_of(folder.string());
    if (id) identity_ = *id;
    return std::nullopt;
}

std::optional<output_folder_refusal> output_folder::lock() {
    std::error_code error;
    fs::create_directory(state_folder_, error);
    if (error || !fs::is_directory(state_folder_, error)) {
        const std::string why = error ? error.message() : "a file of that name is in the way";
        return cannot_write("cannot write in output folder " + settings_.folder.string() + ": cannot make " +
                            state_folder_name + "/: " + why);
    }
    const fs::path lock_path = state_folder_ / "lock";
    lock_descriptor_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_descriptor_ < 0) {
        return cannot_write("cannot write in output folder " + settings_.folder.string() + ": " + std::strerror(errno));
    }
    if (::flock(lock_descriptor_, LOCK_EX | LOCK_NB) != 0) {
        char holder[32] = {};
        const ssize_t got = ::pread(lock_descriptor_, holder, sizeof holder - 1, 0);
        std::string pid = got > 0 ? std::string(holder, static_cast<std::size_t>(got)) : std::string();
        pid.erase(std::remove(pid.begin(), pid.end(), '\n'), pid.end());
        ::close(lock_descriptor_);
        lock_descriptor_ = -1;
        created_folder_ = false;
        return output_folder_refusal{output_folder_refusal::kind::in_use,
                                     "output folder " + settings_.folder.string() + " is in use by another evtxcar run" +
                                         (pid.empty() ? "" : " (process " + pid + ")")};
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(lock_descriptor_, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(lock_descriptor_, pid.data(), pid.size(), 0);
    }
    return std::nullopt;
}

std::optional<output_folder_refusal> output_folder::check_contents() {
    const std::vector<std::string> named = read_output_manifest(state_folder_, settings_.output_names);
    std::vector<std::string> earlier, foreign;
    std::error_code error;
    for (fs::directory_iterator it(settings_.folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name == state_folder_name || temporary_owner(name, settings_.output_names)) continue;
        (contains(named, name) ? earlier : foreign).push_back(name);
    }
    if (error) return cannot_write("cannot read output folder " + settings_.folder.string() + ": " + error.message());
    std::sort(earlier.begin(), earlier.end());
    std::sort(foreign.begin(), foreign.end());
    const std::string folder = settings_.folder.string();
    const auto refused = [](std::string message) {
        return output_folder_refusal{output_folder_refusal::kind::refused, std::move(message)};
    };
    if (!settings_.overwrite) {
        if (!foreign.empty()) {
            return refused("output folder " + folder + " holds files evtxcar did not write (" + listed(foreign) +
                           "): choose a new or empty folder, or give --overwrite to write beside them "
                           "(evtxcar never changes or removes a file it did not write)");
        }
        if (!earlier.empty()) {
            return refused("output folder " + folder + " holds the outputs of an earlier run (" + listed(earlier) +
                           "): give --overwrite to replace them, or choose a new folder");
        }
    }
    std::vector<std::string> in_the_way;
    for (const std::string& name : foreign) {
        if (contains(settings_.this_run_writes, name)) in_the_way.push_back(name);
    }
    if (!in_the_way.empty()) {
        return refused("output folder " + folder + " holds " + listed(in_the_way) +
                       ", which evtxcar did not write (not named in " + state_folder_name +
                       "/manifest.json): evtxcar never replaces a file it did not write; move it away or choose "
                       "another folder");
    }
    earlier_outputs_ = std::move(earlier);
    return std::nullopt;
}

void output_folder::remove_stale_temporaries_of_gone_runs() {
    const std::vector<std::string>& names = settings_.output_names;
    stale_removed_ += remove_stale_temporaries(
        settings_.folder, [&names](std::string_view name) { return temporary_owner(name, names); });
    stale_removed_ += remove_stale_temporaries(state_folder_, [](std::string_view name) {
        if (auto owner = process_id_after(name, spill_prefix)) return owner;
        return process_id_after(name, ".manifest.json.partial-");
    });
    if (settings_.temp_dir) {
        stale_removed_ += remove_stale_temporaries(
            *settings_.temp_dir, [](std::string_view name) { return process_id_after(name, temp_dir_spill_prefix); });
    }
}

discovery_settings output_folder::exclusions() const {
    discovery_settings settings;
    settings.output_folder = identity_;
    // evtxcar's own: the earlier run's outputs and this run's (a file of that
    // name that is not evtxcar's made the claim fail), state and temporaries.
    std::vector<std::string> own = earlier_outputs_;
    own.insert(own.end(), settings_.this_run_writes.begin(), settings_.this_run_writes.end());
    settings.is_own_file = [own, names = settings_.output_names](std::string_view name) {
        return std::find(own.begin(), own.end(), name) != own.end() || is_state_or_temporary(name, names);
    };
    settings.outputs_listed_in = [names = settings_.output_names](const std::string& folder) {
        return read_output_manifest(fs::path(folder) / state_folder_name, names);
    };
    return settings;
}

result<bool> output_folder::begin_publish() {
    published_ = true;  // from here on, outputs may stand in the folder
    std::vector<std::string> names = earlier_outputs_;
    for (const std::string& name : settings_.this_run_writes) {
        if (!contains(names, name)) names.push_back(name);
    }
    return write_output_manifest(state_folder_, settings_.tool_version, names);
}

result<bool> output_folder::end_publish() {
    for (const std::string& name : earlier_outputs_) {
        if (contains(settings_.this_run_writes, name)) continue;
        std::error_code error;
        fs::remove(settings_.folder / name, error);
        if (error) return read_error{.file = (settings_.folder / name).string(), .reason = "cannot remove the earlier run's output: " + error.message()};
    }
    return write_output_manifest(state_folder_, settings_.tool_version, settings_.this_run_writes);
}

}  // namespace evtxcar
