#pragma once
// Detections as keys (source file, record id, "analytic:variant"), to hold
// what a scan found (detections.csv) against what the scenarios' expected
// data designed (each expected record's "detections" labels).

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "support/csv_reader.hpp"
#include "support/expected_records.hpp"

namespace evtxcar::test {

using detection_key = std::tuple<std::string, std::uint64_t, std::string>;  // source file, record id, label

inline std::set<detection_key> expected_detections(const std::vector<expected_record>& records) {
    std::set<detection_key> keys;
    for (const auto& record : records) {
        for (const auto& label : record.data["detections"]) keys.emplace(record.source_file, record.record_id(), label);
    }
    return keys;
}

inline std::set<detection_key> found_detections(const csv_table& detections) {
    std::set<detection_key> keys;
    for (std::size_t i = 0; i < detections.rows.size(); ++i) {
        keys.emplace(detections.at(i, "source_file"), std::stoull(detections.at(i, "record_id")),
                     detections.at(i, "analytic_id") + ":" + detections.at(i, "variant"));
    }
    return keys;
}

}  // namespace evtxcar::test
