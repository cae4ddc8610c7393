#include "rules/car_sources.hpp"

namespace evtxcar::rules {

namespace {

struct kind_sources {
    std::string_view object, action, sources;
};

// Kept with the normalizers' tables (src/car/*): docs/data-model.md.
constexpr kind_sources table[] = {
    {"process", "create", "Sysmon 1, Security 4688"},
    {"process", "terminate", "Sysmon 5, Security 4689"},
    {"process", "access", "Sysmon 10"},
    {"process", "tamper", "Sysmon 25"},
    {"process", "*", "Sysmon 1, 5, 10, 25, Security 4688, 4689"},
    {"flow", "start", "Sysmon 3, Security 5156"},
    {"flow", "block", "Security 5157"},
    {"socket", "bind", "Security 5158"},
    {"file", "create", "Sysmon 11"},
    {"file", "delete", "Sysmon 23, 26"},
    {"file", "timestomp", "Sysmon 2"},
    {"file", "create_stream_hash", "Sysmon 15"},
    {"registry", "add", "Sysmon 12"},
    {"registry", "remove", "Sysmon 12, Security 4657"},
    {"registry", "value_edit", "Sysmon 13, Security 4657"},
    {"registry", "key_edit", "Sysmon 14"},
    {"registry", "*", "Sysmon 12, 13, 14, Security 4657"},
    {"module", "load", "Sysmon 7"},
    {"driver", "load", "Sysmon 6"},
    {"thread", "remote_create", "Sysmon 8"},
    {"pipe", "create", "Sysmon 17"},
    {"pipe", "connect", "Sysmon 18"},
    {"dns", "query", "Sysmon 22"},
    {"user_session", "login", "Security 4624, RDP 1149, LocalSessionManager 21"},
    {"user_session", "logout", "Security 4634, 4647, LocalSessionManager 23"},
    {"user_session", "reconnect", "Security 4778, LocalSessionManager 25"},
    {"authentication", "success", "Security 4768, 4769, 4776"},
    {"authentication", "failure", "Security 4625, 4768, 4769, 4771, 4776"},
    {"authentication", "explicit_credentials", "Security 4648"},
    {"account", "create", "Security 4720"},
    {"group", "member_add", "Security 4728, 4732, 4756"},
    {"service", "create", "System 7045, Security 4697"},
    {"service", "start", "System 7036"},
    {"service", "stop", "System 7036"},
    {"service", "modify", "System 7040"},
    {"scheduled_task", "create", "Security 4698, TaskScheduler 106"},
    {"scheduled_task", "update", "Security 4702, TaskScheduler 140"},
    {"scheduled_task", "delete", "Security 4699, TaskScheduler 141"},
    {"scheduled_task", "*", "Security 4698, 4699, 4702, TaskScheduler 106, 140, 141, 200, 201"},
    {"log", "clear", "System 104, Security 1102"},
    {"script", "block", "PowerShell 4104"},
    {"script", "invoke", "PowerShell 4103, 800"},
    {"wmi", "binding", "Sysmon 21, WMI-Activity 5861"},
    {"malware", "detect", "Defender 1116"},
};

}  // namespace

std::string_view car_kind_sources(std::string_view object, std::string_view action) {
    for (const kind_sources& entry : table) {
        if (entry.object == object && entry.action == action) return entry.sources;
    }
    return {};
}

}  // namespace evtxcar::rules
