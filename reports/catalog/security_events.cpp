// The Security log's events (Security auditing and the event log service's
// own 1102), as the catalog describes them. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view auditing = "Microsoft-Windows-Security-Auditing";
constexpr std::string_view eventlog = "Microsoft-Windows-Eventlog";

constexpr event_description entries[] = {
    {eventlog, 1102, "The Security log was cleared by {SubjectDomainName}\\{SubjectUserName}",
     "SubjectUserName,SubjectDomainName,SubjectUserSid"},
    {auditing, 4624, "{TargetDomainName}\\{TargetUserName} logged on (type {LogonType}) from {WorkstationName} {IpAddress}",
     "TargetUserName,TargetDomainName,LogonType,IpAddress,WorkstationName,AuthenticationPackageName"},
    {auditing, 4625, "Logon failed for {TargetDomainName}\\{TargetUserName} (type {LogonType}, status {Status}/{SubStatus}) from {WorkstationName} {IpAddress}",
     "TargetUserName,TargetDomainName,LogonType,Status,SubStatus,IpAddress,WorkstationName"},
};

}  // namespace

std::span<const event_description> security_events() { return entries; }

}  // namespace evtxcar::catalog
