#pragma once
// The catalog's parts, one per log; event_catalog.cpp lists them.

#include <span>

#include "event_catalog.hpp"

namespace evtxcar::catalog {

std::span<const event_description> security_events();
// System, PowerShell, Defender, TaskScheduler, WMI, RDP, event log and the other logs
std::span<const event_description> system_events();
std::span<const event_description> eventlog_events();
std::span<const event_description> application_events();
std::span<const event_description> powershell_events();
std::span<const event_description> defender_events();
std::span<const event_description> taskscheduler_events();
std::span<const event_description> wmi_events();
std::span<const event_description> terminal_services_events();
std::span<const event_description> bits_events();
std::span<const event_description> firewall_events();
std::span<const event_description> codeintegrity_events();
std::span<const event_description> applocker_events();
std::span<const event_description> grouppolicy_events();
std::span<const event_description> dns_client_events();
std::span<const event_description> ntlm_events();
std::span<const event_description> smb_events();
std::span<const event_description> winrm_events();
std::span<const event_description> printservice_events();
std::span<const event_description> kernel_pnp_events();
std::span<const event_description> openssh_events();

}  // namespace evtxcar::catalog
