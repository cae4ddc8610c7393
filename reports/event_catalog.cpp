#include "event_catalog.hpp"

#include <algorithm>
#include <array>

#include "catalog/catalog_parts.hpp"

namespace evtxcar {

std::span<const std::span<const event_description>> event_catalog_parts() {
    static const std::array parts = {
        catalog::security_events(),
        catalog::system_events(),
        catalog::powershell_events(),
    };
    return parts;
}

const event_description* find_event_description(std::string_view provider, std::uint32_t event_id) {
    for (std::span<const event_description> part : event_catalog_parts()) {
        auto at = std::lower_bound(part.begin(), part.end(), event_id,
                                   [](const event_description& entry, std::uint32_t id) { return entry.event_id < id; });
        for (; at != part.end() && at->event_id == event_id; ++at) {
            if (at->provider == provider) return &*at;
        }
    }
    return nullptr;
}

}  // namespace evtxcar
