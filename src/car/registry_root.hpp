#pragma once
// The roots of the kernel's registry namespace ("\REGISTRY\MACHINE") and the
// hive abbreviations Sysmon writes for them ("HKLM"). Security 4657 logs
// kernel paths always; Sysmon logs them now and then (some builds, some
// keys). Both sensors' registry events give hive "HKLM" and the key below it.

#include <optional>
#include <string_view>

#include "car/event_fields.hpp"

namespace evtxcar {

struct kernel_registry_path {
    std::string_view hive;  // "HKLM"
    std::string_view rest;  // below the root, without the separator; may be empty
};

// The hive and the rest of `path` when it begins with a known kernel root
// (any letter case), else nothing.
inline std::optional<kernel_registry_path> split_kernel_registry_path(std::string_view path) {
    struct root {
        std::string_view kernel_name;
        std::string_view hive;
    };
    constexpr root roots[] = {{"\\REGISTRY\\MACHINE", "HKLM"}, {"\\REGISTRY\\USER", "HKU"}};
    for (const root& candidate : roots) {
        const std::size_t length = candidate.kernel_name.size();
        if (path.size() < length || !iequals(path.substr(0, length), candidate.kernel_name)) continue;
        if (path.size() > length && path[length] != '\\') continue;
        return kernel_registry_path{candidate.hive, path.size() > length + 1 ? path.substr(length + 1) : std::string_view()};
    }
    return std::nullopt;
}

}  // namespace evtxcar
