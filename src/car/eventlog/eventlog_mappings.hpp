#pragma once
// The event log service's own events (provider Microsoft-Windows-Eventlog)
// -> evtxcar's log object: a log cleared, in the System log (104, any log
// but Security) and in the Security log (1102). Both record it as UserData
// <LogFileCleared>. docs/data-model.md has the table, field by field.

#include <memory>
#include <string>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_eventlog_normalizer();

}  // namespace evtxcar

namespace evtxcar::eventlog {

std::string map_log_cleared(const event_fields& in, car_event& out);  // 104, 1102

}  // namespace evtxcar::eventlog
