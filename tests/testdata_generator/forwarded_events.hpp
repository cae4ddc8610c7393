#pragma once
// Events as a Windows Event Forwarding collector stores them in its
// ForwardedEvents log: the source's event unchanged (its Channel and
// Computer stay those of the source host) with <RenderingInfo> added, the
// texts the source rendered. The message is made here from a first line
// and the event's data fields ("Name: value", one a line), not taken from
// Windows' message tables.

#include <string>

#include "windows_event.hpp"

namespace evtxcar::testdata {

using evtx_writer::windows_event;

// `task_name` is what the task number renders as on the source
// ("Process Creation", "Network connection detected (rule: NetworkConnect)").
windows_event forwarded(windows_event event, const std::string& message_first_line, const std::string& task_name);

}  // namespace evtxcar::testdata
