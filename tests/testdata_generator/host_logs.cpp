#include "host_logs.hpp"

#include <algorithm>

namespace evtxcar::testdata {

void host_logs::sysmon(windows_event event, std::string case_description, std::vector<std::string> detections) {
    sysmon_.push_back({std::move(event), std::move(case_description), std::move(detections)});
}

void host_logs::security(windows_event event, std::string case_description, std::vector<std::string> detections) {
    security_.push_back({std::move(event), std::move(case_description), std::move(detections)});
}

void host_logs::system(windows_event event, std::string case_description, std::vector<std::string> detections) {
    system_.push_back({std::move(event), std::move(case_description), std::move(detections)});
}

std::vector<scenario_record> host_logs::in_time_order(std::vector<scenario_record> records) {
    std::stable_sort(records.begin(), records.end(), [](const scenario_record& a, const scenario_record& b) {
        return a.event.system.time_created < b.event.system.time_created;
    });
    return records;
}

}  // namespace evtxcar::testdata
