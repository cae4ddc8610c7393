// The System log's events, as the catalog describes them. Sorted by event
// id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view eventlog = "Microsoft-Windows-Eventlog";
constexpr std::string_view service_control = "Service Control Manager";

constexpr event_description entries[] = {
    {eventlog, 104, "The {Channel} log was cleared by {SubjectDomainName}\\{SubjectUserName}",
     "Channel,SubjectUserName,SubjectDomainName,BackupPath"},
    {service_control, 7045, "Service installed: {ServiceName} ({ImagePath}), start {StartType}, account {AccountName}",
     "ServiceName,ImagePath,ServiceType,StartType,AccountName"},
};

}  // namespace

std::span<const event_description> system_events() { return entries; }

}  // namespace evtxcar::catalog
