#pragma once
// detection_json: the detections as report.html carries them, each with
// its event, the process/create of its process, the connections of that
// process and the timeline rows where they are.

#include <vector>

#include "analytics/detection.hpp"

namespace evtxcar {

class embedded_json;
class detection_context;

// Appends the array of detections.
void append_detections(embedded_json& json, const std::vector<detection>& detections,
                       const detection_context& context);

}  // namespace evtxcar
