// Microsoft Defender Antivirus' events (its Operational log), as the
// catalog describes them. Field names have spaces ("Threat Name"); many
// events carry only the product's name and version, and their message says
// what happened. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view defender = "Microsoft-Windows-Windows Defender";

constexpr event_description entries[] = {
    {defender, 1000, "Defender started a scan", ""},
    {defender, 1001, "Defender finished a scan", ""},
    {defender, 1002, "Defender stopped a scan before it finished", ""},
    {defender, 1005, "Defender failed a scan", ""},
    {defender, 1006, "Defender's engine found malware or potentially unwanted software: {Threat Name}", "Threat Name"},
    {defender, 1007, "Defender took action to protect the system from malware: {Threat Name}", "Threat Name"},
    {defender, 1008, "Defender failed to take action on malware: {Threat Name}", "Threat Name"},
    {defender, 1009, "Defender restored an item from quarantine", ""},
    {defender, 1013, "Defender deleted its history of malware", ""},
    {defender, 1015, "Defender detected suspicious behavior", ""},
    {defender, 1116, "Defender detected {Threat Name} (severity {Severity Name}, {Category Name}) in {Path}",
     "Threat Name,Severity Name,Category Name,Path,Process Name,Detection User,Action Name,Error Description"},
    {defender, 1117, "Defender took action {Action Name} on {Threat Name} in {Path}: {Error Description}",
     "Threat Name,Severity Name,Category Name,Path,Process Name,Detection User,Action Name,Error Description"},
    {defender, 1118, "Defender's action {Action Name} on {Threat Name} in {Path} failed: {Error Description}",
     "Threat Name,Severity Name,Category Name,Path,Process Name,Detection User,Action Name,Error Description"},
    {defender, 1119, "Defender hit a critical error taking action {Action Name} on {Threat Name} in {Path}: {Error Description}",
     "Threat Name,Severity Name,Category Name,Path,Process Name,Detection User,Action Name,Error Description"},
    {defender, 1121, "An attack surface reduction rule blocked {Path} (process {Process Name})",
     "ID,Path,Process Name"},
    {defender, 1122, "An attack surface reduction rule audited {Path} (process {Process Name})",
     "ID,Path,Process Name"},
    {defender, 1150, "Defender reports that it is healthy", ""},
    {defender, 1151, "Defender health report: real-time protection {RTP state}, security intelligence {AV security intelligence version}, engine {Engine version}",
     "RTP state,AV security intelligence version,Engine version,Platform version,Product status"},
    {defender, 2000, "Defender's security intelligence was updated", ""},
    {defender, 2001, "Defender's security intelligence update failed", ""},
    {defender, 2002, "Defender's engine was updated", ""},
    {defender, 2003, "Defender's engine update failed", ""},
    {defender, 2004, "Defender could not load its security intelligence and reverted to a known good version", ""},
    {defender, 3002, "Defender's real-time protection hit an error and failed", ""},
    {defender, 5000, "Defender's real-time protection was enabled", ""},
    {defender, 5001, "Defender's real-time protection was disabled", ""},
    {defender, 5004, "Defender's real-time protection configuration changed", ""},
    {defender, 5007, "Defender's configuration changed from {Old Value} to {New Value}", "Old Value,New Value"},
    {defender, 5008, "Defender's engine terminated unexpectedly", ""},
    {defender, 5010, "Defender's scanning for spyware and potentially unwanted software was disabled", ""},
    {defender, 5012, "Defender's scanning for viruses was disabled", ""},
    {defender, 5013, "Tamper protection blocked a change to Defender", ""},
};

}  // namespace

std::span<const event_description> defender_events() { return entries; }

}  // namespace evtxcar::catalog
