// NTLM's Operational log (NTLM auditing and blocking), as the catalog
// describes it. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view ntlm = "Microsoft-Windows-NTLM";

constexpr event_description entries[] = {
    {ntlm, 8001, "Outgoing NTLM authentication by {ClientDomainName}\\{ClientUserName} in {ProcessName} to {TargetName}",
     "TargetName,ClientUserName,ClientDomainName,ProcessName"},
    {ntlm, 8002, "Incoming NTLM authentication of {ClientDomainName}\\{ClientUserName} in {ProcessName}",
     "ClientUserName,ClientDomainName,ProcessName"},
    {ntlm, 8003, "NTLM authentication in the domain, audited or blocked on this server", ""},
    {ntlm, 8004, "NTLM authentication at this domain controller: {DomainName}\\{UserName} from {WorkstationName} through {SChannelName}",
     "UserName,DomainName,WorkstationName,SChannelName"},
};

}  // namespace

std::span<const event_description> ntlm_events() { return entries; }

}  // namespace evtxcar::catalog
