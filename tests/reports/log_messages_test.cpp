// Messages of the typed events of the System, PowerShell, Defender,
// TaskScheduler, WMI, RDP and event log mappings (reports/event_text.cpp):
// each object/action's template, its optional parts, one-line values.
#include "catch.hpp"
#include "event_text.hpp"

using namespace evtxcar;

namespace {

car_event typed(const char* object, const char* action, std::vector<std::pair<car_field, std::string>> values) {
    car_event event;
    event.object = object;
    event.action = action;
    for (auto& [field, text] : values) event.set(field, std::move(text));
    return event;
}

}  // namespace

TEST_CASE("services: installed, state changes, start type changes", "[report][event_text][logs]") {
    CHECK(event_message(typed("service", "create",
                              {{car_field::name, "WinUpdSvc"},
                               {car_field::image_path, "C:\\Users\\Public\\svchost.exe -k netsvcs"},
                               {car_field::start_type, "demand start"},
                               {car_field::user, "LocalSystem"}})) ==
          "Service installed: WinUpdSvc (C:\\Users\\Public\\svchost.exe -k netsvcs), start type demand start, account LocalSystem");
    for (const char* action : {"start", "stop", "pause", "state_change"}) {
        CAPTURE(action);
        const car_event state = typed("service", action,
                                      {{car_field::name, "Windows Error Reporting Service"}, {car_field::state, "running"},
                                       {car_field::service_key_name, "WerSvc"}});
        CHECK(event_message(state) == "Service Windows Error Reporting Service entered the running state (WerSvc)");
    }
    // Without the key name the part that names it is left out.
    CHECK(event_message(typed("service", "stop", {{car_field::name, "Spooler"}, {car_field::state, "stopped"}})) ==
          "Service Spooler entered the stopped state");
    CHECK(event_message(typed("service", "modify",
                              {{car_field::name, "BITS"}, {car_field::previous_start_type, "demand start"},
                               {car_field::start_type, "auto start"}})) ==
          "Service BITS: start type changed from demand start to auto start");
}

TEST_CASE("logs cleared, with and without a backup", "[report][event_text][logs]") {
    CHECK(event_message(typed("log", "clear", {{car_field::log_name, "Security"}, {car_field::user, "OFFSEC\\admmig"}})) ==
          "The Security log was cleared by OFFSEC\\admmig");
    CHECK(event_message(typed("log", "clear",
                              {{car_field::log_name, "System"}, {car_field::user, "CORP\\x"},
                               {car_field::backup_path, "C:\\b\\system.evtx"}})) ==
          "The System log was cleared by CORP\\x (backup C:\\b\\system.evtx)");
    CHECK(event_message(typed("log", "clear", {{car_field::log_name, "Application"}})) ==
          "The Application log was cleared by -");  // a required field absent reads "-"
}

TEST_CASE("script blocks and invocations on one line, long text cut", "[report][event_text][logs]") {
    CHECK(event_message(typed("script", "block",
                              {{car_field::message_number, "1"}, {car_field::message_total, "2"},
                               {car_field::script_path, "C:\\t\\stage.ps1"},
                               {car_field::script_block_text, "$u = 'http://x/a.ps1'\r\n\tIEX $u"}})) ==
          "PowerShell script block 1 of 2 (C:\\t\\stage.ps1): $u = 'http://x/a.ps1' IEX $u");
    const std::string obfuscated = "&( $PshOMe[4]+$PshoME[30]+'X')" + std::string(400, '(');
    const std::string message =
        event_message(typed("script", "block", {{car_field::script_block_text, obfuscated}}));
    CHECK(message.starts_with("PowerShell script block: &( $PshOMe[4]+$PshoME[30]+'X')(("));  // no parts, no path
    CHECK(message.ends_with("\u2026"));
    CHECK(message.size() == std::string("PowerShell script block: ").size() + max_message_value + std::string("\u2026").size());
    CHECK(event_message(typed("script", "invoke",
                              {{car_field::command_name, "New-Object"}, {car_field::script_name, "C:\\t\\a.ps1"},
                               {car_field::invocation, "CommandInvocation(New-Object): \"New-Object\"\n"}})) ==
          "PowerShell New-Object in C:\\t\\a.ps1: CommandInvocation(New-Object): \"New-Object\" ");
    CHECK(event_message(typed("script", "engine_start",
                              {{car_field::engine_version, "2.0"}, {car_field::host_name, "ConsoleHost"},
                               {car_field::host_version, "2.0"}})) ==
          "PowerShell engine 2.0 started (host ConsoleHost 2.0)");
    CHECK(event_message(typed("script", "engine_stop",
                              {{car_field::engine_version, "5.1"}, {car_field::host_name, "ConsoleHost"},
                               {car_field::host_version, "5.1"}, {car_field::command_line, "powershell -nop"}})) ==
          "PowerShell engine 5.1 stopped (host ConsoleHost 5.1): powershell -nop");
    CHECK(event_message(typed("script", "provider_start", {{car_field::name, "Registry"}})) ==
          "PowerShell provider Registry started");
}

TEST_CASE("malware detected and remediated", "[report][event_text][logs]") {
    CHECK(event_message(typed("malware", "detect",
                              {{car_field::threat_name, "Trojan:PowerShell/Powersploit.M"}, {car_field::severity, "Severe"},
                               {car_field::category, "Trojan"}, {car_field::file_path, "C:\\t\\Get-Keystrokes.ps1"},
                               {car_field::exe, "powershell.exe"}, {car_field::user, "MSEDGEWIN10\\IEUser"}})) ==
          "Defender detected Trojan:PowerShell/Powersploit.M (severity Severe, Trojan) in C:\\t\\Get-Keystrokes.ps1 by "
          "powershell.exe as MSEDGEWIN10\\IEUser");
    CHECK(event_message(typed("malware", "remediate",
                              {{car_field::threat_name, "EICAR_Test_File"}, {car_field::action_taken, "Quarantine"},
                               {car_field::file_path, "C:\\eicar.com"}})) ==
          "Defender took action Quarantine on EICAR_Test_File in C:\\eicar.com");
}

TEST_CASE("scheduled task actions, WMI bindings of both sensors", "[report][event_text][logs]") {
    CHECK(event_message(typed("scheduled_task", "start",
                              {{car_field::task_name, "\\WinUpd"}, {car_field::action_name, "C:\\Users\\Public\\upd.exe"}})) ==
          "Scheduled task \\WinUpd started action C:\\Users\\Public\\upd.exe");
    CHECK(event_message(typed("scheduled_task", "complete",
                              {{car_field::task_name, "\\WinUpd"}, {car_field::action_name, "upd.exe"},
                               {car_field::result_code, "0"}})) ==
          "Scheduled task \\WinUpd completed action upd.exe (result 0)");
    // WMI-Activity 5861: no operation.
    CHECK(event_message(typed("wmi", "binding",
                              {{car_field::wmi_filter, "BotFilter82"},
                               {car_field::wmi_consumer, "CommandLineEventConsumer=\"BotConsumer23\""},
                               {car_field::event_namespace, "//./root/subscription"},
                               {car_field::wmi_query, "SELECT * FROM __TimerEvent"},
                               {car_field::wmi_destination, "cmd.exe /c b.exe"}})) ==
          "WMI binding: filter BotFilter82 to consumer CommandLineEventConsumer=\"BotConsumer23\" in "
          "//./root/subscription: SELECT * FROM __TimerEvent runs cmd.exe /c b.exe");
    // Sysmon 21: its operation; the object's own template still serves Sysmon 19 and 20.
    CHECK(event_message(typed("wmi", "binding",
                              {{car_field::operation, "Deleted"}, {car_field::wmi_filter, "__EventFilter.Name=\"f\""},
                               {car_field::wmi_consumer, "CommandLineEventConsumer.Name=\"c\""}})) ==
          "WMI binding Deleted: filter __EventFilter.Name=\"f\" to consumer CommandLineEventConsumer.Name=\"c\"");
    CHECK(event_message(typed("wmi", "filter",
                              {{car_field::event_type, "WmiFilterEvent"}, {car_field::operation, "Created"},
                               {car_field::wmi_name, "f"}, {car_field::wmi_query, "q"}})) ==
          "WMI WmiFilterEvent Created: f- q--");
}

TEST_CASE("RDP and console sessions", "[report][event_text][logs]") {
    CHECK(event_message(typed("user_session", "login",
                              {{car_field::user, "CORP\\helpdesk"}, {car_field::login_type, "10"},
                               {car_field::src_ip, "198.51.100.44"}, {car_field::terminal_session_id, "3"}})) ==
          "CORP\\helpdesk logged on, type 10, from 198.51.100.44, session 3");
    CHECK(event_message(typed("user_session", "login", {{car_field::user, "CORP\\jdoe"}, {car_field::terminal_session_id, "1"}})) ==
          "CORP\\jdoe logged on, session 1");
    CHECK(event_message(typed("user_session", "shell_start", {{car_field::user, "CORP\\jdoe"}})) ==
          "Shell started for CORP\\jdoe");
    CHECK(event_message(typed("user_session", "disconnect",
                              {{car_field::user, "CORP\\helpdesk"}, {car_field::src_ip, "198.51.100.44"}})) ==
          "CORP\\helpdesk disconnected from 198.51.100.44");
    CHECK(event_message(typed("user_session", "reconnect", {{car_field::user, "CORP\\helpdesk"}, {car_field::terminal_session_id, "3"}})) ==
          "CORP\\helpdesk reconnected, session 3");
    CHECK(event_message(typed("user_session", "logout", {{car_field::user, "CORP\\helpdesk"}})) ==
          "CORP\\helpdesk logged off");
}
