// WMI's Activity log (UserData; fields below the operation's element), as
// the catalog describes it. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view wmi_activity = "Microsoft-Windows-WMI-Activity";

constexpr event_description entries[] = {
    {wmi_activity, 5857, "WMI provider {ProviderName} loaded in {HostProcess} (pid {ProcessID}): {ProviderPath}",
     "ProviderName,HostProcess,ProcessID,ProviderPath,Code"},
    {wmi_activity, 5858, "WMI operation by {User} from {ClientMachine} (pid {ClientProcessId}) failed: {Operation}: {ResultCode}",
     "User,ClientMachine,ClientProcessId,Operation,ResultCode"},
    {wmi_activity, 5859, "WMI event subscription in {NamespaceName}: {Query} (pid {processid})",
     "NamespaceName,Query,User,processid"},
    {wmi_activity, 5860, "Temporary WMI event subscription by {User} in {NamespaceName}: {Query} (pid {processid})",
     "NamespaceName,Query,User,processid"},
    {wmi_activity, 5861, "Permanent WMI event subscription: filter {ESS} bound to consumer {CONSUMER} in {Namespace}",
     "Namespace,ESS,CONSUMER,PossibleCause"},
};

}  // namespace

std::span<const event_description> wmi_events() { return entries; }

}  // namespace evtxcar::catalog
