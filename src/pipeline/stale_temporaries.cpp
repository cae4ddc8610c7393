#include "pipeline/stale_temporaries.hpp"

#include <signal.h>

#include <cerrno>
#include <string>
#include <vector>

namespace evtxcar {

std::optional<long> process_id_after(std::string_view name, std::string_view prefix) {
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view digits = name.substr(prefix.size());
    if (digits.size() > 9) return std::nullopt;  // longer than any process id
    long value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value <= 0) return std::nullopt;
    return value;
}

bool process_exists(long process_id) {
    // EPERM: it exists, but belongs to someone else.
    return ::kill(static_cast<pid_t>(process_id), 0) == 0 || errno == EPERM;
}

std::uint64_t remove_stale_temporaries(const std::filesystem::path& folder,
                                       const std::function<std::optional<long>(std::string_view name)>& owner_of) {
    std::error_code error;
    std::vector<std::filesystem::path> stale;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        const auto owner = owner_of(name);
        if (owner && !process_exists(*owner)) stale.push_back(it->path());
    }
    std::uint64_t removed = 0;
    for (const auto& path : stale) {
        std::error_code ignored;
        if (std::filesystem::remove_all(path, ignored) > 0) ++removed;
    }
    return removed;
}

}  // namespace evtxcar
