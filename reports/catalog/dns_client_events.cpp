// The DNS client's events: its Operational log (queries, off by default)
// and its name resolution timeouts in the System log (1014). Sorted by
// event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view dns_client = "Microsoft-Windows-DNS-Client";

constexpr event_description entries[] = {
    {dns_client, 1014, "Name resolution for {QueryName} timed out: no DNS server answered", "QueryName"},
    {dns_client, 3006, "DNS query for {QueryName} (type {QueryType}) started", "QueryName,QueryType"},
    {dns_client, 3008, "DNS query for {QueryName} completed: status {QueryStatus}, results {QueryResults}",
     "QueryName,QueryStatus,QueryResults,QueryType"},
    {dns_client, 3020, "DNS response for {QueryName}: {QueryResults}", "QueryName,QueryResults"},
};

}  // namespace

std::span<const event_description> dns_client_events() { return entries; }

}  // namespace evtxcar::catalog
