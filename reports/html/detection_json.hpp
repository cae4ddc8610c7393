#pragma once
// detection_json: the detections as report.html carries them. Each refers
// to the timeline rows of its event, of the process/create of its process
// and of that process's connections, so that an event is in the page once
// however many detections it has; the analytic (rule) of each detection and
// its reason are tables of their own, since thousands of detections share
// a few hundred rules.

#include <vector>

#include "analytics/detection_list.hpp"

namespace evtxcar {

class embedded_json;
class detection_context;

// Appends, as members of the current object:
//   "analytics": [{"label": "id:variant", "id", "name", "variant", "technique",
//                  "tactics", "level", "status", "rule_path"}, ...]
//                one per analytic variant (Sigma rule) with detections
//   "reasons":   [text, ...]
//   "detections": [{"analytic": index, "reason": index, "event": ref,
//                   "process": ref or null, "connections": [ref, ...]}, ...]
//   "detection_events": [event, ...]  the events not among the timeline rows
// A ref is a timeline row (entry index, >= 0), or -1 - i for
// detection_events[i]. An event there is {"time": "<FILETIME>",
// "time_text", "host", "object", "action", "file", "record_id": "<id>",
// "channel", "provider", "event_id", "analytics": [...],
// "fields": [[name, text], ...]}.
void append_detection_members(embedded_json& json, const detection_list& detections,
                              const detection_context& context);

}  // namespace evtxcar
