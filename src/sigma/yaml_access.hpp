#pragma once
// Reading yaml-cpp nodes without exceptions for missing keys: yaml-cpp
// answers node["missing"] with an invalid node that throws on every
// question but IsDefined(); entry() answers with a null node instead.

#include <cstddef>
#include <string>

#include <yaml-cpp/yaml.h>

namespace evtxcar::sigma {

// `map[key]`, or a null node when `map` is not a map or lacks `key`.
inline YAML::Node entry(const YAML::Node& map, const char* key) {
    if (!map.IsDefined() || !map.IsMap()) return YAML::Node(YAML::NodeType::Null);
    const YAML::Node found = map[key];
    return found.IsDefined() ? found : YAML::Node(YAML::NodeType::Null);
}

inline bool has_entry(const YAML::Node& map, const char* key) {
    return map.IsDefined() && map.IsMap() && map[key].IsDefined();
}

// 1-based line of the node in its file, 0 when unknown.
inline std::size_t line_of(const YAML::Node& node) {
    if (!node.IsDefined()) return 0;
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : static_cast<std::size_t>(mark.line) + 1;
}

}  // namespace evtxcar::sigma
