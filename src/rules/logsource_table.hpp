#pragma once
// logsource_table: which timeline events a Sigma rule's logsource names.
// The table is data (logsource_table.cpp) and documented in
// docs/sigma-mapping.md.
//
// A *category* (process_creation, network_connection, ...) names a kind of
// CAR event, whichever sensor logged it: process_creation runs on
// process/create events from Sysmon 1 and Security 4688 alike. A category
// CAR has no object for (PowerShell script blocks, ...) names records of a
// channel and event id. A *service* (security, system, windefend, ...)
// names the records of one or more channels, as the Sigma taxonomy says
// (forwarded copies keep their source's channel, so they are included).

#include <cstdint>
#include <span>
#include <string_view>

namespace evtxcar::rules {

// Events of one CAR object and action; event_id restricts them to one event
// id where the action alone does not tell two Sigma categories apart
// (Sysmon 23 and 26 are both file/delete), 0 otherwise.
struct car_kind {
    std::string_view object;
    std::string_view action;
    std::uint32_t event_id = 0;
};

// Records of one channel; event_id 0: every event id.
struct channel_kind {
    std::string_view channel;
    std::uint32_t event_id = 0;
};

struct logsource_entry {
    std::string_view category;  // one of category/service is set
    std::string_view service;
    std::span<const car_kind> car_kinds;
    std::span<const channel_kind> channel_kinds;
    std::string_view sensors;  // who logs them, in words: "Sysmon 1, Security 4688"
    // When the logsource names data event logs do not hold (ETW-only
    // categories): why; nothing matches it anywhere.
    std::string_view not_in_event_logs = {};
};

// Rules of evtxcar's own product `car` (CAR analytics written as Sigma
// rules) name a CAR object and action as their category
// ("process/create") and read CAR fields by their CAR names.
inline constexpr std::string_view car_product = "car";

// The entry for a Windows logsource (category or service, lower case), or
// nullptr when the table has none (the rule is rejected with that reason).
const logsource_entry* find_windows_logsource(std::string_view category, std::string_view service);

// Every entry, in table order.
std::span<const logsource_entry> windows_logsources();

}  // namespace evtxcar::rules
