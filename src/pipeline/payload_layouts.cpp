#include "pipeline/payload_layouts.hpp"

#include <functional>
#include <string_view>

namespace evtxcar {

std::uint64_t payload_names_hash(const std::vector<payload_field>& fields) {
    std::uint64_t hash = fields.size();
    for (const payload_field& field : fields) {
        hash = (hash ^ std::hash<std::string_view>{}(field.name)) * 0x100000001b3ULL;
    }
    return hash;
}

bool same_payload_names(const std::vector<std::string>& names, const std::vector<payload_field>& fields) {
    if (names.size() != fields.size()) return false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] != fields[i].name) return false;
    }
    return true;
}

std::uint32_t payload_layouts::number_of(std::uint64_t hash, const std::vector<payload_field>& fields) {
    std::lock_guard lock(mutex_);
    std::vector<std::uint32_t>& numbers = by_hash_[hash];
    for (const std::uint32_t number : numbers) {
        if (same_payload_names(layouts_[number - 1], fields)) return number;
    }
    std::vector<std::string>& added = layouts_.emplace_back();
    added.reserve(fields.size());
    for (const payload_field& field : fields) added.push_back(field.name);
    const auto number = static_cast<std::uint32_t>(layouts_.size());
    numbers.push_back(number);
    return number;
}

const std::vector<std::string>* payload_layouts::names(std::uint64_t number) const {
    if (number == 0 || number > layouts_.size()) return nullptr;
    return &layouts_[static_cast<std::size_t>(number - 1)];
}

std::uint32_t payload_layout_cache::number_of(const std::vector<payload_field>& fields) {
    const std::uint64_t hash = payload_names_hash(fields);
    std::vector<known>& candidates = by_hash_[hash];
    for (const known& layout : candidates) {
        if (same_payload_names(layout.names, fields)) return layout.number;
    }
    known& added = candidates.emplace_back();
    added.number = shared_.number_of(hash, fields);
    added.names.reserve(fields.size());
    for (const payload_field& field : fields) added.names.push_back(field.name);
    return added.number;
}

}  // namespace evtxcar
