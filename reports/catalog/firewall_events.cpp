// Windows Defender Firewall With Advanced Security's Firewall log, as the
// catalog describes it. Directions and actions are numbers (1 inbound,
// 2 outbound; 2 allow, 3 block). Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view firewall = "Microsoft-Windows-Windows Firewall With Advanced Security";

constexpr event_description entries[] = {
    {firewall, 2003, "Firewall setting {SettingType} changed to {SettingValueString} for profiles {Profiles} by {ModifyingApplication}",
     "SettingType,SettingValueString,Profiles,ModifyingUser,ModifyingApplication"},
    {firewall, 2004, "Firewall rule added: {RuleName} ({ApplicationPath}, direction {Direction}, action {Action}) by {ModifyingApplication}",
     "RuleName,ApplicationPath,Direction,Action,LocalPorts,RemoteAddresses,ModifyingUser,ModifyingApplication"},
    {firewall, 2005, "Firewall rule changed: {RuleName} ({ApplicationPath}, direction {Direction}, action {Action}) by {ModifyingApplication}",
     "RuleName,ApplicationPath,Direction,Action,LocalPorts,RemoteAddresses,ModifyingUser,ModifyingApplication"},
    {firewall, 2006, "Firewall rule deleted: {RuleName} by {ModifyingApplication}",
     "RuleName,RuleId,ModifyingUser,ModifyingApplication"},
    {firewall, 2033, "All rules were deleted from the firewall configuration", ""},
    {firewall, 2052, "Firewall rule deleted: {RuleName}", "RuleName"},
    {firewall, 2097, "Firewall rule added: {RuleName}", "RuleName"},
    {firewall, 2099, "Firewall rule changed: {RuleName}", "RuleName"},
};

}  // namespace

std::span<const event_description> firewall_events() { return entries; }

}  // namespace evtxcar::catalog
