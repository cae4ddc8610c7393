// Windows Remote Management's Operational log (PowerShell remoting), as
// the catalog describes it. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view winrm = "Microsoft-Windows-WinRM";

constexpr event_description entries[] = {
    {winrm, 6, "Creating a WSMan session to {connection}", "connection"},
    {winrm, 91, "Creating a WSMan shell with resource {resourceUri}", "resourceUri,shellId"},
    {winrm, 142, "WSMan operation {operationName} failed: {errorCode}", "operationName,errorCode"},
    {winrm, 169, "WinRM: {username} authenticated with {authenticationMechanism}", "username,authenticationMechanism"},
};

}  // namespace

std::span<const event_description> winrm_events() { return entries; }

}  // namespace evtxcar::catalog
