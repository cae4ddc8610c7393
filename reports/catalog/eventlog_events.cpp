// The event log service's own events, whichever log holds them: logs
// cleared (System 104; Security 1102 is in security_events.cpp), the
// service's start and stop, and the classic EventLog provider's boot-time
// events in the System log (6005-6013, unnamed data). Sorted by event id,
// then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view eventlog = "Microsoft-Windows-Eventlog";
constexpr std::string_view classic_eventlog = "EventLog";

constexpr event_description entries[] = {
    {eventlog, 104, "The {Channel} log was cleared by {SubjectDomainName}\\{SubjectUserName}",
     "Channel,SubjectUserName,SubjectDomainName,BackupPath"},
    {eventlog, 1100, "The event logging service shut down", ""},
    {eventlog, 1101, "Audit events were dropped by the transport (reason {Reason})", "Reason"},
    {eventlog, 1104, "The Security log is full", ""},
    {eventlog, 1105, "An event log was backed up automatically", ""},
    {eventlog, 1108, "The event logging service could not process event {EventID} of {PublisherID} (error {Error@Code})",
     "EventID,PublisherID,Error@Code"},
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
