// The event log service's own events in the System log: a log cleared
// (104), and the classic EventLog provider's service start and stop and
// boot-time events (6005-6013, unnamed data). (Its events in the Security
// log, 1100-1108, are in security_events.cpp.) Sorted by event id, then
// provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view eventlog = "Microsoft-Windows-Eventlog";
constexpr std::string_view classic_eventlog = "EventLog";

constexpr event_description entries[] = {
    {eventlog, 104, "The {Channel} log was cleared by {SubjectDomainName}\\{SubjectUserName}",
     "Channel,SubjectUserName,SubjectDomainName,BackupPath"},
    {classic_eventlog, 6005, "The event log service was started", ""},
    {classic_eventlog, 6006, "The event log service was stopped", ""},
    {classic_eventlog, 6008, "The previous system shutdown at {Data[1]} on {Data[2]} was unexpected", ""},
    {classic_eventlog, 6009, "Operating system version {Data[1]}{Data[2]} ({Data[4]}) at boot", ""},
    {classic_eventlog, 6011, "The computer's NetBIOS and DNS host name changed from {Data[1]} to {Data[2]}", ""},
    {classic_eventlog, 6013, "System uptime: {Data[5]} seconds", ""},
};

}  // namespace

std::span<const event_description> eventlog_events() { return entries; }

}  // namespace evtxcar::catalog
