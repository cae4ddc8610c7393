#pragma once
// What evtxcar must make of a record of the System, PowerShell, Defender,
// TaskScheduler, WMI-Activity, RDP and event log service logs, stated from
// the record's own fields and the rules of docs/data-model.md, written
// apart from evtxcar's code: the integration tests hold testdata's rows
// (testdata/expected) and the corpus' rows (evtxexport's reading) to it.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace evtxcar::test {

// A record as a reader shows it: System values and the payload's
// name/value pairs in order (a field without a name has name "").
struct record_view {
    std::string provider;
    std::string channel;
    int event_id = 0;
    std::string user_sid;
    std::optional<std::uint32_t> process_id;  // Execution/@ProcessID, when the reader shows it
    std::vector<std::pair<std::string, std::string>> fields;

    bool has_field(const std::string& name) const {
        for (const auto& [key, value] : fields) {
            if (key == name) return true;
        }
        return false;
    }
    std::string field(const std::string& name) const {
        for (const auto& [key, value] : fields) {
            if (key == name) return value;
        }
        return "";
    }
    // The n-th (1-based) field without a name.
    std::string unnamed(std::size_t n) const {
        for (const auto& [key, value] : fields) {
            if (key.empty() && --n == 0) return value;
        }
        return "";
    }
};

// The CAR event a record must become; a field expected "" must be absent.
struct expected_event {
    std::string object;
    std::string action;
    std::map<std::string, std::string> fields;
};

inline bool is_other_log_mapped(const std::string& provider, int event_id) {
    static const std::map<std::string, std::set<int>> mapped = {
        {"Service Control Manager", {7036, 7040, 7045}},
        {"Microsoft-Windows-Eventlog", {104, 1102}},
        {"Microsoft-Windows-PowerShell", {4103, 4104}},
        {"PowerShell", {400, 403, 600, 800}},
        {"Microsoft-Windows-Windows Defender", {1116, 1117}},
        {"Microsoft-Windows-TaskScheduler", {106, 140, 141, 200, 201}},
        {"Microsoft-Windows-WMI-Activity", {5861}},
        {"Microsoft-Windows-TerminalServices-RemoteConnectionManager", {1149}},
        {"Microsoft-Windows-TerminalServices-LocalSessionManager", {21, 22, 23, 24, 25}},
    };
    const auto found = mapped.find(provider);
    return found != mapped.end() && found->second.count(event_id) == 1;
}

namespace expectations {

// PowerShell's context lines: "Key=Value" (classic log) or "Key = Value"
// (4103), split at the first '=', blanks around key and value dropped.
inline std::map<std::string, std::string> context_lines(const std::string& text) {
    std::map<std::string, std::string> pairs;
    std::istringstream lines(text);
    const auto trim = [](const std::string& value) {
        const auto first = value.find_first_not_of(" \t\r");
        if (first == std::string::npos) return std::string();
        return value.substr(first, value.find_last_not_of(" \t\r") - first + 1);
    };
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        if (equals != std::string::npos && !trim(line.substr(0, equals)).empty()) {
            pairs.emplace(trim(line.substr(0, equals)), trim(line.substr(equals + 1)));
        }
    }
    return pairs;
}

// 7036's binary data ("BITS/4" in UTF-16LE, as hexadecimal text) as ASCII text.
inline std::string utf16_hex_as_ascii(const std::string& hex) {
    std::string text;
    for (std::size_t i = 0; i + 3 < hex.size(); i += 4) {
        const char c = static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
        if (c == 0) break;
        text.push_back(c);
    }
    return text;
}

// The string of `property` in MOF text: what stands between `Name = "` and
// the `";` that ends the statement, its \" and \\ undone.
inline std::string mof_property(const std::string& mof, const std::string& property) {
    const std::string opening = "\t" + property + " = \"";
    const auto start = mof.find(opening);
    if (start == std::string::npos) return "";
    const auto from = start + opening.size();
    const auto end = mof.find("\";\n", from);
    if (end == std::string::npos) return "";
    std::string value;
    for (std::size_t i = from; i < end; ++i) {
        if (mof[i] == '\\' && i + 1 < end && (mof[i + 1] == '"' || mof[i + 1] == '\\')) ++i;
        value.push_back(mof[i]);
    }
    return value;
}

inline std::string executable_basename(const std::string& path) {
    const auto slash = path.find_last_of("\\/");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

inline std::string account(const std::string& domain, const std::string& name) {
    if (name.empty()) return "";
    return domain.empty() ? name : domain + "\\" + name;
}

}  // namespace expectations

inline expected_event expected_other_log_event(const record_view& r) {
    using namespace expectations;
    expected_event e;
    auto& f = e.fields;
    const int id = r.event_id;
    if (r.provider == "Service Control Manager") {
        e.object = "service";
        f["uid"] = r.user_sid;
        if (id == 7045) {
            e.action = "create";
            f["name"] = r.field("ServiceName");
            f["image_path"] = r.field("ImagePath");
            f["service_type"] = r.field("ServiceType");
            f["start_type"] = r.field("StartType");
            f["user"] = r.field("AccountName");
        } else if (id == 7040) {
            e.action = "modify";
            f["name"] = r.field("param1");
            f["previous_start_type"] = r.field("param2");
            f["start_type"] = r.field("param3");
            f["service_key_name"] = r.field("param4");
        } else {
            f["name"] = r.field("param1");
            f["state"] = r.field("param2");
            const std::string data = utf16_hex_as_ascii(r.field("Binary"));
            const auto slash = data.rfind('/');
            const std::string code = slash == std::string::npos ? "" : data.substr(slash + 1);
            f["service_key_name"] = slash == std::string::npos ? data : data.substr(0, slash);
            const std::string state = r.field("param2");
            e.action = code == "4" ? "start" : code == "1" ? "stop" : code == "7" ? "pause"
                     : state == "running" ? "start" : state == "stopped" ? "stop"
                     : state == "paused" ? "pause" : "state_change";
        }
    } else if (r.provider == "Microsoft-Windows-Eventlog") {
        e.object = "log";
        e.action = "clear";
        f["log_name"] = r.has_field("Channel") ? r.field("Channel") : r.channel;
        f["user"] = account(r.field("SubjectDomainName"), r.field("SubjectUserName"));
        f["uid"] = r.has_field("SubjectUserSid") ? r.field("SubjectUserSid") : r.user_sid;
        f["logon_id"] = r.field("SubjectLogonId");
        f["backup_path"] = r.field("BackupPath");
    } else if (r.provider == "Microsoft-Windows-PowerShell") {
        e.object = "script";
        f["uid"] = r.user_sid;
        if (r.process_id) f["pid"] = *r.process_id == 0 ? "" : std::to_string(*r.process_id);
        if (id == 4104) {
            e.action = "block";
            f["script_block_text"] = r.field("ScriptBlockText");
            f["script_block_id"] = r.field("ScriptBlockId");
            f["script_path"] = r.field("Path");
            f["message_number"] = r.field("MessageNumber");
            f["message_total"] = r.field("MessageTotal");
        } else {
            e.action = "invoke";
            auto context = context_lines(r.field("ContextInfo"));
            f["command_line"] = context["Host Application"];
            f["host_name"] = context["Host Name"];
            f["engine_version"] = context["Engine Version"];
            f["command_name"] = context["Command Name"];
            f["script_name"] = context["Script Name"];
            f["user"] = context["User"];
            f["invocation"] = r.field("Payload");
        }
    } else if (r.provider == "PowerShell") {
        e.object = "script";
        e.action = id == 400 ? "engine_start" : id == 403 ? "engine_stop" : id == 600 ? "provider_start" : "invoke";
        auto context = context_lines(r.unnamed(id == 800 ? 2 : 3));
        f["command_line"] = context["HostApplication"];
        f["engine_version"] = context["EngineVersion"];
        f["host_version"] = context["HostVersion"];
        f["host_name"] = context["HostName"];
        if (id == 800) {
            f["script_command_line"] = r.unnamed(1).empty() ? context["CommandLine"] : r.unnamed(1);
            f["invocation"] = r.unnamed(3);
            f["user"] = context["UserId"];
        } else {
            f[id == 600 ? "name" : "state"] = r.unnamed(1);
            f[id == 600 ? "state" : "previous_state"] = r.unnamed(2);
        }
    } else if (r.provider == "Microsoft-Windows-Windows Defender") {
        e.object = "malware";
        e.action = id == 1116 ? "detect" : "remediate";
        f["threat_name"] = r.field("Threat Name");
        f["threat_id"] = r.field("Threat ID");
        f["severity"] = r.field("Severity Name");
        f["category"] = r.field("Category Name");
        f["image_path"] = r.field("Process Name");
        f["exe"] = executable_basename(r.field("Process Name"));
        f["user"] = r.field("Detection User");
        f["action_taken"] = r.field("Action Name");
        f["remediation_user"] = r.field("Remediation User");
        const std::string path = r.field("Path");
        const bool single_file = path.rfind("file:_", 0) == 0 && path.find("; ") == std::string::npos;
        f["file_path"] = single_file ? path.substr(6) : path;
    } else if (r.provider == "Microsoft-Windows-TaskScheduler") {
        e.object = "scheduled_task";
        e.action = id == 106 ? "create" : id == 140 ? "update" : id == 141 ? "delete" : id == 200 ? "start" : "complete";
        f["task_name"] = r.field("TaskName");
        f["user"] = id == 106 ? r.field("UserContext") : r.field("UserName");
        f["action_name"] = r.field("ActionName");
        f["task_instance_id"] = r.field("TaskInstanceId");
        f["result_code"] = r.field("ResultCode");
    } else if (r.provider == "Microsoft-Windows-WMI-Activity") {
        e.object = "wmi";
        e.action = "binding";
        f["event_namespace"] = r.field("Namespace");
        f["wmi_filter"] = r.field("ESS");
        f["wmi_consumer"] = r.field("CONSUMER");
        f["wmi_query"] = mof_property(r.field("PossibleCause"), "Query");
    } else if (r.provider == "Microsoft-Windows-TerminalServices-RemoteConnectionManager") {
        e.object = "user_session";
        e.action = "login";
        f["user"] = account(r.field("Param2"), r.field("Param1"));
        f["src_ip"] = r.field("Param3");
        f["login_type"] = "10";
    } else if (r.provider == "Microsoft-Windows-TerminalServices-LocalSessionManager") {
        e.object = "user_session";
        e.action = id == 21 ? "login" : id == 22 ? "shell_start" : id == 23 ? "logout" : id == 24 ? "disconnect" : "reconnect";
        f["user"] = r.field("User");
        f["terminal_session_id"] = r.field("SessionID");
        const std::string address = r.field("Address");
        const bool remote = !address.empty() && address != "LOCAL";
        f["src_ip"] = remote ? address : "";
        f["login_type"] = remote ? "10" : "";
    }
    return e;
}

}  // namespace evtxcar::test
