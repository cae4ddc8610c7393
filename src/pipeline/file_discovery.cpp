#include "pipeline/file_discovery.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "text/ascii_case.hpp"

namespace evtxcar {

namespace {

constexpr std::size_t max_skipped_examples = 20;
constexpr std::size_t max_passed_over_listed = 10000;
namespace fs = std::filesystem;

file_identity identity(const struct stat& status) {
    return {static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino)};
}

// What a path is, in the words a message uses.
const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string system_error(int error) { return std::strerror(error); }

class folder_walk {
public:
    folder_walk(const discovery_settings& settings, discovered_files& found) : settings_(settings), found_(found) {}

    // Searches `folder` (already known to be a folder with this identity).
    void search(const std::string& folder, file_identity id) {
        if (!searched_.insert(id).second) return;  // named twice, or inside another PATH: searched once
        pending_.push_back(folder);
        drain();
    }

    // Folders reached through symbolic links, after every real folder: a
    // folder is found under its own path when it has one in the input.
    void follow_links() {
        while (!linked_.empty() && !found_.stopped) {
            std::vector<std::pair<std::string, file_identity>> links;
            links.swap(linked_);
            std::sort(links.begin(), links.end());
            for (const auto& [path, id] : links) {
                if (!searched_.insert(id).second) {
                    pass_over(path, "not searched again: symbolic link to a folder already searched");
                    continue;
                }
                pending_.push_back(path);
                drain();
            }
        }
    }

private:
    void drain() {
        while (!pending_.empty()) {
            if (settings_.stop.requested()) {
                found_.stopped = true;
                pending_.clear();
                return;
            }
            const std::string folder = std::move(pending_.back());
            pending_.pop_back();
            list(folder);
        }
    }

    // Reads every name of `folder` and closes it before anything is opened below it.
    void list(const std::string& folder) {
        DIR* directory = ::opendir(folder.c_str());
        if (directory == nullptr) {
            found_.problems.push_back({.file = folder, .reason = "cannot read folder: " + system_error(errno)});
            return;
        }
        struct entry {
            std::string name;
            unsigned char type;
        };
        std::vector<entry> entries;
        int list_error = 0;
        for (;;) {
            errno = 0;
            const dirent* next = ::readdir(directory);
            if (next == nullptr) {
                list_error = errno;
                break;
            }
            const std::string_view name = next->d_name;
            if (name == "." || name == "..") continue;
            entries.push_back({std::string(name), next->d_type});
        }
        struct stat folder_status {};
        const bool is_output_folder = settings_.output_folder && ::fstat(::dirfd(directory), &folder_status) == 0 &&
                                      identity(folder_status) == *settings_.output_folder;
        ::closedir(directory);
        if (list_error != 0) {
            found_.problems.push_back(
                {.file = folder, .reason = "cannot list folder completely: " + system_error(list_error)});
        }
        std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) { return a.name < b.name; });
        std::vector<std::string> earlier_outputs;
        const bool earlier_output_folder =
            !is_output_folder && settings_.outputs_listed_in &&
            std::any_of(entries.begin(), entries.end(), [](const entry& item) { return item.name == ".evtxcar"; });
        if (earlier_output_folder) earlier_outputs = settings_.outputs_listed_in(folder);
        // Depth first, in name order: pushed in reverse so the first name is searched first.
        std::vector<std::string> subfolders;
        for (const entry& item : entries) {
            if (is_output_folder && settings_.is_own_file && settings_.is_own_file(item.name)) continue;
            if (earlier_output_folder &&
                (item.name == ".evtxcar" ||
                 std::find(earlier_outputs.begin(), earlier_outputs.end(), item.name) != earlier_outputs.end())) {
                continue;
            }
            const std::string path = (fs::path(folder) / item.name).string();
            consider(path, item.type, subfolders);
        }
        for (auto at = subfolders.rbegin(); at != subfolders.rend(); ++at) pending_.push_back(std::move(*at));
    }

    void consider(const std::string& path, unsigned char type, std::vector<std::string>& subfolders) {
        if (type == DT_REG) return regular_file(path);
        if (type == DT_FIFO || type == DT_SOCK || type == DT_CHR || type == DT_BLK) {
            return other_file(path, type == DT_FIFO   ? S_IFIFO
                                    : type == DT_SOCK ? S_IFSOCK
                                    : type == DT_CHR  ? S_IFCHR
                                                      : S_IFBLK);
        }
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0) {
            found_.problems.push_back({.file = path, .reason = "cannot read: " + system_error(errno)});
            return;
        }
        if (S_ISDIR(status.st_mode)) {
            if (searched_.insert(identity(status)).second) subfolders.push_back(path);
            return;
        }
        if (S_ISREG(status.st_mode)) return regular_file(path);
        if (!S_ISLNK(status.st_mode)) return other_file(path, status.st_mode);
        struct stat target {};
        if (::stat(path.c_str(), &target) != 0) {
            const int error = errno;
            if (error == ENOENT || error == ELOOP || error == ENOTDIR) {
                // Nothing there to read: a broken link.
                if (has_evtx_extension(path)) {
                    pass_over(path, "not read: broken symbolic link (" + system_error(error) + ")");
                } else {
                    skip(path);
                }
            } else {
                found_.problems.push_back({.file = path, .reason = "cannot follow symbolic link: " + system_error(error)});
            }
            return;
        }
        if (S_ISDIR(target.st_mode)) {
            linked_.emplace_back(path, identity(target));
        } else if (S_ISREG(target.st_mode)) {
            regular_file(path);
        } else {
            other_file(path, target.st_mode);
        }
    }

    void regular_file(const std::string& path) {
        if (has_evtx_extension(path)) {
            found_.files.push_back(path);
        } else {
            skip(path);
        }
    }

    // Never opened: reading a FIFO blocks, a device may never end.
    void other_file(const std::string& path, mode_t mode) {
        if (has_evtx_extension(path)) {
            pass_over(path, std::string("not read: ") + kind_of(mode));
        } else {
            skip(path);
        }
    }

    void skip(const std::string& path) {
        ++found_.skipped;
        if (found_.skipped_examples.size() < max_skipped_examples) found_.skipped_examples.push_back(path);
    }

    void pass_over(const std::string& path, std::string reason) {
        if (found_.passed_over.size() < max_passed_over_listed) {
            found_.passed_over.push_back({.file = path, .reason = std::move(reason)});
        } else {
            ++found_.passed_over_not_listed;
        }
    }

    const discovery_settings& settings_;
    discovered_files& found_;
    std::set<file_identity> searched_;
    std::vector<std::string> pending_;
    std::vector<std::pair<std::string, file_identity>> linked_;
};

}  // namespace

std::optional<file_identity> identity_of(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return std::nullopt;
    return identity(status);
}

bool has_evtx_extension(std::string_view path) {
    if (path.size() < 5) return false;
    const std::string_view tail = path.substr(path.size() - 5);
    constexpr std::string_view extension = ".evtx";
    for (std::size_t i = 0; i < extension.size(); ++i)
        if (fold_ascii(tail[i]) != extension[i]) return false;
    return true;
}

std::vector<read_error> check_inputs(const std::vector<std::string>& inputs) {
    std::vector<read_error> refused;
    for (const std::string& input : inputs) {
        struct stat status {};
        if (::stat(input.c_str(), &status) != 0) {
            const int error = errno;
            refused.push_back({.file = input, .reason = error == ENOENT ? "no such file or folder" : system_error(error)});
        } else if (!S_ISREG(status.st_mode) && !S_ISDIR(status.st_mode)) {
            refused.push_back({.file = input, .reason = std::string(kind_of(status.st_mode)) +
                                                        ": only regular files and folders are read"});
        }
    }
    return refused;
}

discovered_files discover_evtx_files(const std::vector<std::string>& inputs, const discovery_settings& settings) {
    discovered_files found;
    folder_walk walk(settings, found);
    for (const std::string& input : inputs) {
        if (found.stopped) break;
        struct stat status {};
        if (::stat(input.c_str(), &status) != 0) {
            const int error = errno;
            found.problems.push_back({.file = input, .reason = error == ENOENT ? "no such file or folder" : system_error(error)});
        } else if (S_ISREG(status.st_mode)) {
            found.files.push_back(input);
        } else if (S_ISDIR(status.st_mode)) {
            walk.search(input, identity(status));
        } else {
            found.problems.push_back({.file = input, .reason = std::string(kind_of(status.st_mode)) +
                                                               ": only regular files and folders are read"});
        }
    }
    walk.follow_links();
    std::sort(found.files.begin(), found.files.end());
    // The same file reached twice ("logs" and "./logs/System.evtx", or through a link) is read once.
    std::set<file_identity> seen;
    std::vector<std::string> unique;
    for (std::string& path : found.files) {
        const auto id = identity_of(path);
        if (!id || seen.insert(*id).second) unique.push_back(std::move(path));
    }
    found.files = std::move(unique);
    return found;
}

}  // namespace evtxcar
