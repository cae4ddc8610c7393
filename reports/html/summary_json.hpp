#pragma once
// summary_json: the scan's description and counts as report.html carries
// them (the "run", "summary", "files", "problems", "rules", "rule_coverage"
// and "coverage" members of its data).
// Counts keyed by name are arrays of [name, count] pairs, so that no name
// from a log can become a property name in the page.

#include "pipeline/scan_summary.hpp"

namespace evtxcar {

class embedded_json;

// Appends "run", "summary", "files", "problems", "problems_not_listed",
// "rules" (summary.json's: loaded, rejected with file, line, construct and
// reason, skipped by reason), "rule_coverage" (per host: rules that could
// look fully, partly, not at all, and why) and "coverage" (objects with
// coverage.csv's columns as members) to the current object.
void append_summary_members(embedded_json& json, const scan_summary& summary);

}  // namespace evtxcar
