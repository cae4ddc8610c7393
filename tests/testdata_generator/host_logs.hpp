#pragma once
// The logs of one host while a scenario is being told: events go into the
// Sysmon, Security or System log as they happen, and come out in time order.

#include <string>
#include <vector>

#include "scenario.hpp"
#include "sysmon_events.hpp"

namespace evtxcar::testdata {

class host_logs {
public:
    explicit host_logs(sysmon_host host) : host_(std::move(host)) {}

    const sysmon_host& host() const { return host_; }

    void sysmon(windows_event event, std::string case_description, std::vector<std::string> detections = {});
    void security(windows_event event, std::string case_description, std::vector<std::string> detections = {});
    void system(windows_event event, std::string case_description, std::vector<std::string> detections = {});

    // Each log's records in order of TimeCreated (ties keep telling order).
    std::vector<scenario_record> sysmon_records() const { return in_time_order(sysmon_); }
    std::vector<scenario_record> security_records() const { return in_time_order(security_); }
    std::vector<scenario_record> system_records() const { return in_time_order(system_); }

private:
    static std::vector<scenario_record> in_time_order(std::vector<scenario_record> records);

    sysmon_host host_;
    std::vector<scenario_record> sysmon_;
    std::vector<scenario_record> security_;
    std::vector<scenario_record> system_;
};

}  // namespace evtxcar::testdata
