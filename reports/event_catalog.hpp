#pragma once
// event_catalog: what evtxcar knows of the events no CAR object describes,
// by provider and event id: a one-line message in evtxcar's own words and
// the payload fields an investigator reads first. The entries are data
// (event_catalog.cpp), one per event; the table says how each is written.
//
// Templates name payload fields as the record has them: {TargetUserName} is
// the EventData field of that name (a UserData path such as
// {EventXML/Param1} for UserData), {Data[2]} the second field without a
// name. A field the record lacks reads "-".

#include <cstdint>
#include <span>
#include <vector>
#include <string_view>

namespace evtxcar {

struct event_description {
    std::string_view provider;    // System/Provider/@Name, exactly as logged
    std::uint32_t event_id;
    std::string_view message;     // template, as above
    std::string_view key_fields;  // payload fields shown first in `details`, comma-separated
};

// The description of this provider's event, or nullptr when the catalog has none.
const event_description* find_event_description(std::string_view provider, std::uint32_t event_id);

// The catalog's parts, one per log (reports/catalog/<log>_events.cpp), each
// sorted by event id, then provider.
std::span<const std::span<const event_description>> event_catalog_parts();

}  // namespace evtxcar
