// Group Policy processing (its Operational log, and 1500-1503 in the
// System log), as the catalog describes it. Sorted by event id, then
// provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view group_policy = "Microsoft-Windows-GroupPolicy";

constexpr event_description entries[] = {
    {group_policy, 1085, "Group Policy failed to apply the settings of an extension", ""},
    {group_policy, 1129, "Group Policy processing failed: no network connectivity to a domain controller", ""},
    {group_policy, 1500, "Group Policy settings for the computer were processed: no changes since the last time (DC {DCName})",
     "DCName,ProcessingTimeInMilliseconds"},
    {group_policy, 1501, "Group Policy settings for the user were processed: no changes since the last time (DC {DCName})",
     "DCName,ProcessingTimeInMilliseconds"},
    {group_policy, 1502, "Group Policy settings for the computer were processed, with changes", ""},
    {group_policy, 1503, "Group Policy settings for the user were processed, with changes", ""},
    {group_policy, 4000, "Group Policy processing started for {PrincipalSamName} at startup",
     "PrincipalSamName,IsMachine,IsDomainJoined"},
    {group_policy, 4001, "Group Policy processing started for {PrincipalSamName} at logon",
     "PrincipalSamName,IsMachine,IsDomainJoined"},
    {group_policy, 4016, "Group Policy extension {CSEExtensionName} processing started", "CSEExtensionName"},
    {group_policy, 5016, "Group Policy extension {CSEExtensionName} processing finished", "CSEExtensionName"},
    {group_policy, 5312, "Group Policy objects that apply: {GPOInfoList}", "GPOInfoList"},
    {group_policy, 5313, "Group Policy objects filtered out: {GPOInfoList}", "GPOInfoList"},
    {group_policy, 7016, "Group Policy extension {CSEExtensionName} processing failed: {ErrorCode}",
     "CSEExtensionName,ErrorCode"},
    {group_policy, 8000, "Group Policy processing at startup finished in {PolicyElaspedTimeInSeconds} s (error {ErrorCode})",
     "PolicyElaspedTimeInSeconds,ErrorCode,PrincipalSamName"},
    {group_policy, 8001, "Group Policy processing at logon of {PrincipalSamName} finished in {PolicyElaspedTimeInSeconds} s (error {ErrorCode})",
     "PrincipalSamName,PolicyElaspedTimeInSeconds,ErrorCode"},
};

}  // namespace

std::span<const event_description> grouppolicy_events() { return entries; }

}  // namespace evtxcar::catalog
