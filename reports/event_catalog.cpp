#include "event_catalog.hpp"

#include <algorithm>
#include <array>

#include "catalog/catalog_parts.hpp"

namespace evtxcar {

std::span<const std::span<const event_description>> event_catalog_parts() {
    static const std::array parts = {
        catalog::security_events(),
        // System, PowerShell, Defender, TaskScheduler, WMI, RDP, event log and the other logs
        catalog::system_events(),
        catalog::eventlog_events(),
        catalog::application_events(),
        catalog::powershell_events(),
        catalog::defender_events(),
        catalog::taskscheduler_events(),
        catalog::wmi_events(),
        catalog::terminal_services_events(),
        catalog::bits_events(),
        catalog::firewall_events(),
        catalog::codeintegrity_events(),
        catalog::applocker_events(),
        catalog::grouppolicy_events(),
        catalog::dns_client_events(),
        catalog::ntlm_events(),
        catalog::smb_events(),
        catalog::winrm_events(),
        catalog::printservice_events(),
        catalog::kernel_pnp_events(),
        catalog::openssh_events(),
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
