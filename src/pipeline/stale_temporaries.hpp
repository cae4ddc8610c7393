#pragma once
// stale_temporaries: evtxcar's temporary files carry the id of the process
// that made them (".timeline.csv.partial-4242", ".evtxcar/sort-4242/").
// A run that was killed (SIGKILL, a crash, power loss) leaves them behind;
// the next run removes those whose process is gone.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

namespace evtxcar {

// The process id in `name` when `name` is `prefix` followed by decimal digits.
std::optional<long> process_id_after(std::string_view name, std::string_view prefix);

// True when a process with this id exists (ours included).
bool process_exists(long process_id);

// Removes every entry of `folder` (files or whole folders) for which
// `owner_of(name)` names a process that no longer exists. Returns how many.
std::uint64_t remove_stale_temporaries(const std::filesystem::path& folder,
                                       const std::function<std::optional<long>(std::string_view name)>& owner_of);

}  // namespace evtxcar
