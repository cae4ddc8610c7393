#pragma once
// status_line: the one line of JSON `evtxcar scan` prints on stdout when it
// ends (with --json-status, and by default when stdout is not a terminal),
// for scripts that would rather not parse summary.json or messages:
//
//   {"status":"complete","exit":0,"files":7,"files_partial":0,"files_unreadable":0,
//    "records_read":1234,"records_lost":0,"timeline_events":1200,"detections":4,
//    "output":"evtxcar-out"}
//
// A run that ended before publishing adds "message" (why). README: "Exit status".

#include <string>

#include "pipeline/run_outcome.hpp"

namespace evtxcar {

// The line, newline included.
std::string format_status_line(const run_outcome& outcome);

}  // namespace evtxcar
