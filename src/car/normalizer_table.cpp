// The one list of sensors evtxcar normalizes.
#include "car/defender/defender_mappings.hpp"
#include "car/eventlog/eventlog_mappings.hpp"
#include "car/normalizer.hpp"
#include "car/powershell/powershell_mappings.hpp"
#include "car/security/security_mappings.hpp"
#include "car/sysmon/sysmon_mappings.hpp"
#include "car/system/system_mappings.hpp"
#include "car/taskscheduler/taskscheduler_mappings.hpp"
#include "car/terminal_services/terminal_services_mappings.hpp"
#include "car/wmi/wmi_mappings.hpp"

namespace evtxcar {

std::vector<std::unique_ptr<event_normalizer>> make_normalizers() {
    std::vector<std::unique_ptr<event_normalizer>> normalizers;
    normalizers.push_back(make_sysmon_normalizer());
    normalizers.push_back(make_security_normalizer());
    // System, PowerShell, Defender, TaskScheduler, WMI, RDP, event log
    normalizers.push_back(make_service_control_normalizer());
    normalizers.push_back(make_eventlog_normalizer());
    normalizers.push_back(make_powershell_operational_normalizer());
    normalizers.push_back(make_windows_powershell_normalizer());
    normalizers.push_back(make_defender_normalizer());
    normalizers.push_back(make_taskscheduler_normalizer());
    normalizers.push_back(make_wmi_activity_normalizer());
    normalizers.push_back(make_remote_connection_normalizer());
    normalizers.push_back(make_local_session_normalizer());
    return normalizers;
}

}  // namespace evtxcar
