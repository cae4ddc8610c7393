#pragma once
// WMI's Activity log (provider Microsoft-Windows-WMI-Activity) -> evtxcar's
// wmi object: a permanent event consumer bound to a filter (5861), the
// persistence Sysmon 21 also logs, with Sysmon's field names (wmi_filter,
// wmi_consumer, event_namespace, wmi_query, wmi_destination). The event is
// UserData <Operation_ESStoConsumerBinding>. docs/data-model.md has the
// table, field by field.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_wmi_activity_normalizer();

}  // namespace evtxcar

namespace evtxcar::wmi {

std::string map_consumer_binding(const event_fields& in, car_event& out);  // 5861

// The value of a string property in MOF text ("\tQuery = \"select ...\";"),
// its escapes (\\ and \") undone; nothing when the text has no such
// property or its string does not end.
std::optional<std::string> mof_string_property(std::string_view mof, std::string_view property);

}  // namespace evtxcar::wmi
