// The cases of the catalogue's analytics of other objects: connections
// (Sysmon 3, Security 5156), remote threads and process access (Sysmon 8,
// 10), files (Sysmon 11), registry (Sysmon 12/13, Security 4657), logons
// (Security 4624), services (System 7036).
#include "catalogue_scenarios.hpp"

#include "other_log_events.hpp"
#include "session_audit_events.hpp"

namespace evtxcar::testdata {

namespace {


void car_2013_07_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-07-002");
    const std::string found = car_label("CAR-2013-07-002", "start");
    const started mstsc = log.running(sys32 + "mstsc.exe", "mstsc.exe /v:ts01", "CORP\\tester");
    const started svchost = log.running(sys32 + "svchost.exe", sys32 + "svchost.exe -k termsvcs");
    log.flow(mstsc, true, own_ip, 50123, "10.30.2.20", 3389, "a Remote Desktop connection opened", {found}, {found});
    log.next_case();
    log.flow(svchost, false, own_ip, 3389, "10.30.9.9", 50555, "a Remote Desktop connection accepted", {found}, {found});
    log.next_case();
    log.flow(mstsc, true, own_ip, 50124, "10.30.2.20", 443, "a connection to another port", none, none);
    add_files(out, log, "connections to port 3389 opened and accepted; to port 443");
}

void car_2014_11_006(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-11-006");
    const std::string found = car_label("CAR-2014-11-006", "pseudocode");
    const started powershell = log.running(sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)", "powershell.exe", "CORP\\tester");
    log.flow(powershell, true, own_ip, 50210, "10.30.2.30", 5985, "WinRM over HTTP", {found}, {found});
    log.next_case();
    log.flow(powershell, true, own_ip, 50211, "10.30.2.30", 5986, "WinRM over HTTPS", {found}, {found});
    log.next_case();
    log.flow(powershell, true, own_ip, 50212, "10.30.2.30", 80, "plain HTTP", none, none);
    add_files(out, log, "connections to 5985 and 5986; to 80");
}

void car_2013_10_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-10-002");
    const started injector = log.running(R"(C:\Users\tester\AppData\Local\Temp\inject.exe)", "inject.exe 4242", "CORP\\tester");
    const started notepad = log.running(sys32 + "notepad.exe", "notepad.exe", "CORP\\tester");
    log.remote_thread(injector, notepad, "LoadLibraryW", sys32 + "KERNEL32.DLL", "a thread started at LoadLibraryW in notepad",
                      {car_label("CAR-2013-10-002", "pseudocode")});
    log.next_case();
    log.remote_thread(injector, notepad, "LoadLibraryA", sys32 + "KERNEL32.DLL", "a thread started at LoadLibraryA",
                      {car_label("CAR-2013-10-002", "pseudocode")});
    log.next_case();
    log.remote_thread(injector, notepad, "-", "-", "a thread started at an address of no module", none);
    add_files(out, log, "remote threads starting at LoadLibraryW and LoadLibraryA, and at no known function (Sysmon 8)");
}

void car_2021_05_011(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-011");
    const std::string raw = car_label("CAR-2021-05-011", "pseudocode");
    const std::string target = car_label("CAR-2021-05-011", "splunk");
    const started injector = log.running(R"(C:\Users\tester\AppData\Local\Temp\inject.exe)", "inject.exe", "CORP\\tester");
    const started lsass = log.running(sys32 + "lsass.exe", sys32 + "lsass.exe");
    const started notepad = log.running(sys32 + "notepad.exe", "notepad.exe", "CORP\\tester");
    log.remote_thread(injector, lsass, "-", "-", "a thread created in lsass.exe", {raw, target, dumping_logons});
    log.next_case();
    log.remote_thread(lsass, notepad, "-", "-", "lsass.exe creating a thread elsewhere (lsass in the raw event)",
                      {raw, dumping_logons});
    log.next_case();
    log.remote_thread(injector, notepad, "-", "-", "a thread created in notepad.exe", none);
    add_files(out, log, "remote threads into and from lsass.exe, and into notepad.exe (Sysmon 8)");
}

void car_2019_04_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-04-004");
    const std::string found = car_label("CAR-2019-04-004", "splunk");
    const started mimikatz = log.running(R"(C:\Users\tester\mimikatz.exe)", "mimikatz.exe", "CORP\\tester");
    const started lsass = log.running(sys32 + "lsass.exe", sys32 + "lsass.exe");
    const std::string trace = R"(C:\windows\SYSTEM32\ntdll.dll+a0c24|C:\windows\System32\KERNELBASE.dll+20edd|UNKNOWN(00000000004B1A2F))";
    log.process_access(mimikatz, lsass, 0x1410, trace, "lsass.exe opened as mimikatz opens it", {found, dumping_logons});
    log.process_access(mimikatz, lsass, 0x143a, trace, "another of mimikatz's access masks", {found, dumping_logons});
    log.next_case();
    log.process_access(mimikatz, lsass, 0x1410,
                       R"(C:\windows\SYSTEM32\ntdll.dll+a0c24|C:\windows\System32\KERNELBASE.dll+2c13e|C:\Tools\monitor.exe+1f00)",
                       "the same access through a known program", none);
    log.process_access(mimikatz, lsass, 0x1000, trace, "a query access", none);
    add_files(out, log, "lsass.exe opened with mimikatz's masks and call trace; with another trace; with another mask (Sysmon 10)");
}

void car_2020_05_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-05-001");
    const std::string found = car_label("CAR-2020-05-001", "splunk");
    const started dumper = log.running(R"(C:\Users\tester\dump.exe)", "dump.exe", "CORP\\tester");
    const started lsass = log.running(sys32 + "lsass.exe", sys32 + "lsass.exe");
    const started notepad = log.running(sys32 + "notepad.exe", "notepad.exe", "CORP\\tester");
    log.process_access(dumper, lsass, 0x1FFFFF,
                       R"(C:\Windows\SYSTEM32\ntdll.dll+9d4c4|C:\Windows\System32\dbghelp.dll+1b8f1|C:\Users\tester\dump.exe+14f0)",
                       "lsass.exe dumped through dbghelp.dll", {found, dumping_logons});
    log.process_access(dumper, lsass, 0x1FFFFF,
                       R"(C:\Windows\SYSTEM32\ntdll.dll+9d4c4|C:\Windows\System32\dbgcore.dll+a1c2|C:\Users\tester\dump.exe+14f0)",
                       "lsass.exe dumped through dbgcore.dll", {found, dumping_logons});
    log.next_case();
    log.process_access(dumper, notepad, 0x1FFFFF,
                       R"(C:\Windows\SYSTEM32\ntdll.dll+9d4c4|C:\Windows\System32\dbghelp.dll+1b8f1|C:\Users\tester\dump.exe+14f0)",
                       "notepad.exe dumped", none);
    add_files(out, log, "lsass.exe opened with dbghelp.dll and dbgcore.dll in the call trace; notepad.exe (Sysmon 10)");
}

void car_2019_08_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-08-001");
    const started taskmgr = log.running(sys32 + "Taskmgr.exe", "\"C:\\Windows\\system32\\taskmgr.exe\" /4", "CORP\\tester");
    const started explorer = log.running(explorer_image, "C:\\Windows\\Explorer.EXE", "CORP\\tester");
    log.file_create(taskmgr, R"(C:\Users\tester\AppData\Local\Temp\lsass.DMP)", "Task Manager's dump of lsass.exe",
                    {car_label("CAR-2019-08-001", "pseudocode"), dumping_logons});
    log.next_case();
    log.file_create(taskmgr, R"(C:\Users\tester\AppData\Local\Temp\notepad.DMP)", "Task Manager's dump of notepad.exe", none);
    log.file_create(explorer, R"(C:\Users\tester\Desktop\lsass.dmp)", "a file named lsass.dmp copied by explorer.exe", none);
    add_files(out, log, "Task Manager dumping lsass.exe and notepad.exe; explorer.exe writing lsass.dmp (Sysmon 11)");
}

void car_2019_08_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2019-08-002");
    const started ntdsutil = log.running(sys32 + "ntdsutil.exe", R"(ntdsutil.exe "ac i ntds" "ifm" "create full c:\temp" q q)");
    const started explorer = log.running(explorer_image, "C:\\Windows\\Explorer.EXE", "CORP\\tester");
    log.file_create(ntdsutil, R"(C:\temp\Active Directory\ntds.dit)", "ntdsutil writes the directory database",
                    {car_label("CAR-2019-08-002", "pseudocode")});
    log.next_case();
    log.file_create(ntdsutil, R"(C:\temp\Active Directory\ntds.jfm)", "ntdsutil writes the database's log", none);
    log.file_create(explorer, R"(C:\Users\tester\Desktop\ntds.dit)", "explorer.exe copies a file named ntds.dit", none);
    add_files(out, log, "ntdsutil writing ntds.dit and ntds.jfm; explorer.exe writing ntds.dit (Sysmon 11)");
}

void car_2020_09_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-09-001");
    const std::string found = car_label("CAR-2020-09-001", "pseudocode");
    const started dropper = log.running(R"(C:\Users\tester\dropper.exe)", "dropper.exe", "CORP\\tester");
    const started scheduler = log.running(sys32 + "svchost.exe", sys32 + "svchost.exe -k netsvcs -p -s Schedule");
    log.file_create(dropper, R"(C:\Windows\System32\Tasks\Updater)", "a task file written by a program", {found});
    log.file_create(dropper, R"(C:\Windows\Tasks\job.job)", "an old-style job file written", {found});
    log.next_case();
    log.file_create(scheduler, R"(C:\Windows\System32\Tasks\Microsoft\Windows\Defrag\ScheduledDefrag)",
                    "the Task Scheduler service writes a task", none);
    log.file_create(dropper, R"(C:\Users\tester\Tasks\notes.txt)", "a file in a folder named Tasks elsewhere", none);
    add_files(out, log, "task files written by a program; by the Task Scheduler; a Tasks folder elsewhere (Sysmon 11)");
}

void car_2021_05_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-05-002");
    const started cmd = log.running(sys32 + "cmd.exe", "cmd.exe", "CORP\\tester");
    log.file_create(cmd, R"(C:\Windows\System32\update.bat)", "a batch file written in System32",
                    {car_label("CAR-2021-05-002", "pseudocode")});
    log.file_create(cmd, R"(C:\Windows\System32\Tasks\run.bat)", "a batch file below System32",
                    {car_label("CAR-2021-05-002", "pseudocode"), car_label("CAR-2020-09-001", "pseudocode")});
    log.next_case();
    log.file_create(cmd, R"(C:\Users\tester\update.bat)", "a batch file in a user's folder", none);
    log.file_create(cmd, R"(C:\Windows\System32\notes.txt)", "a text file in System32", none);
    add_files(out, log, "batch files written in and below System32; elsewhere; a text file in System32 (Sysmon 11)");
}

void car_2020_09_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-09-002");
    const std::string found = car_label("CAR-2020-09-002", "pseudocode");
    const started payload = log.running(R"(C:\Users\tester\AppData\Local\Temp\payload.exe)", "payload.exe", "CORP\\tester");
    const std::string clsid = "{42aedc87-2188-41fd-b9a3-0c966feabec1}";
    log.registry_key(payload, "CreateKey", "HKU\\" + tester_user_sid + R"(\Software\Classes\CLSID\)" + clsid + R"(\InprocServer32)",
                     "a user COM class registered (CreateKey)", {found});
    log.registry_value(payload, "HKU\\" + tester_user_sid + R"(_Classes\CLSID\)" + clsid + R"(\InprocServer32\ThreadingModel)",
                       "Both", "Both", "its threading model written", {found}, {found});
    log.next_case();
    const std::string clsid32 = "{9b1f0c2e-5d3a-4c8e-a6f1-2b7d4e9c0a13}";
    log.registry_value(payload, R"(HKLM\SOFTWARE\Classes\Wow6432Node\CLSID\)" + clsid32 + R"(\InprocServer32\(Default))",
                       R"(C:\Users\tester\AppData\Local\Temp\x86.dll)", R"(C:\Users\tester\AppData\Local\Temp\x86.dll)",
                       "a 32-bit COM class's server written", {found}, {found});
    // Sysmon also writes the merged view's path (HKCR\...); Security 4657
    // logs only the kernel's (the case before), so its copy here is not one.
    log.registry_value(payload, R"(HKCR\WOW6432Node\CLSID\)" + clsid32 + R"(\InprocServer32\ThreadingModel)", "Apartment",
                       "Apartment", "the same class's threading model, in HKCR as Sysmon writes it", {found}, none);
    log.next_case();
    log.registry_value(payload, R"(HKLM\SOFTWARE\Classes\.txt\Content Type)", "text/plain", "text/plain",
                       "a file type's content type written", none, none);
    add_files(out, log, "a COM class's key created and value written (Sysmon 12, 13; Security 4657); a file type's value");
}

void car_2020_09_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-09-005");
    const std::string found = car_label("CAR-2020-09-005", "pseudocode");
    const started reg = log.running(sys32 + "reg.exe", "reg.exe add ...");
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Windows\AppInit_DLLs)",
                       R"(C:\Users\Public\evil.dll)", R"(C:\Users\Public\evil.dll)", "AppInit_DLLs set", {found}, {found});
    log.registry_value(reg, R"(HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows NT\CurrentVersion\Windows\LoadAppInit_DLLs)",
                       "DWORD (0x00000001)", "1", "LoadAppInit_DLLs turned on for 32-bit programs", {found}, {found});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Windows\Load)", "", "",
                       "another value of the Windows key", none, none);
    add_files(out, log, "AppInit_DLLs and LoadAppInit_DLLs written (Sysmon 13, 4657); another value of the key");
}

void car_2020_11_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-001");
    const std::string process = car_label("CAR-2020-11-001", "process");
    const std::string registry = car_label("CAR-2020-11-001", "registry");
    const started reg = log.process(program(sys32 + "reg.exe", R"(reg add HKCU\Environment /v UserInitMprLogonScript /d C:\Users\Public\logon.bat /f)"),
                                    "a logon script set with reg add", {process});
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\Environment\UserInitMprLogonScript)", R"(C:\Users\Public\logon.bat)",
                       R"(C:\Users\Public\logon.bat)", "the logon script value written", {registry}, {registry});
    log.next_case();
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\Environment\TEMP)", R"(%USERPROFILE%\AppData\Local\Temp)",
                       R"(%USERPROFILE%\AppData\Local\Temp)", "another Environment value", none, none);
    log.process(program(sys32 + "reg.exe", R"(reg query HKCU\Environment)"), "the Environment key read", none);
    add_files(out, log, "UserInitMprLogonScript set (reg add; Sysmon 13, 4657); another value; a query");
}

void car_2020_11_011(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-11-011");
    const started reg = log.running(sys32 + "reg.exe", "reg.exe add ...", "CORP\\tester");
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\Software\Policies\Microsoft\Windows\Control Panel\Desktop\SCRNSAVE.EXE)",
                       R"(C:\Users\Public\evil.scr)", R"(C:\Users\Public\evil.scr)", "the screensaver set by policy",
                       {car_label("CAR-2020-11-011", "pseudocode")}, {car_label("CAR-2020-11-011", "pseudocode")});
    log.next_case();
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\Control Panel\Desktop\SCRNSAVE.EXE)", R"(C:\Users\Public\evil.scr)",
                       R"(C:\Users\Public\evil.scr)", "the user's own screensaver set",
                       {car_label("CAR-2020-11-011", "desktop")}, {car_label("CAR-2020-11-011", "desktop")});
    log.next_case();
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\Control Panel\Desktop\ScreenSaveTimeOut)", "600", "600",
                       "the screensaver's timeout", none, none);
    add_files(out, log, "SCRNSAVE.EXE written by policy and by the user (Sysmon 13, 4657); the timeout");
}

void car_2021_11_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-11-001");
    const std::string process = car_label("CAR-2021-11-001", "process");
    const std::string registry = car_label("CAR-2021-11-001", "registry");
    const started reg = log.process(program(sys32 + "reg.exe", R"(reg add "HKEY_LOCAL_MACHINE\System\CurrentControlSet\Control\Session Manager" /v SafeDllSearchMode /d 0)"),
                                    "SafeDllSearchMode set to 0 with reg add (CAR's test)", {process});
    log.registry_value(reg, R"(HKLM\System\CurrentControlSet\Control\Session Manager\SafeDllSearchMode)", "DWORD (0x00000000)",
                       "0", "the value written", {registry}, {registry});
    log.next_case();
    log.process(program(sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)",
                        R"(powershell.exe Set-ItemProperty -Path "HKLM:\System\CurrentControlSet\Control\Session Manager" -Name SafeDllSearchMode -Value 0)"),
                "SafeDllSearchMode set with PowerShell (CAR's test)", {process});
    log.next_case();
    log.registry_value(reg, R"(HKLM\System\CurrentControlSet\Control\Session Manager\SafeDllSearchMode)", "DWORD (0x00000001)",
                       "1", "the value set back to 1", none, none);
    log.process(program(sys32 + "reg.exe", R"(reg query "HKLM\System\CurrentControlSet\Control\Session Manager" /v SafeDllSearchMode)"),
                "the value read", none);
    add_files(out, log, "SafeDllSearchMode set to 0 (reg add, Set-ItemProperty, Sysmon 13, 4657); set to 1; read");
}

void car_2021_11_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-11-002");
    const std::string process = car_label("CAR-2021-11-002", "process");
    const std::string registry = car_label("CAR-2021-11-002", "registry");
    const started reg = log.process(program(sys32 + "reg.exe", R"(reg add "HKEY_CURRENT_USER\Software\Microsoft\Windows NT\CurrentVersion\Winlogon" /v Userinit /d C:\Windows\system32\userinit.exe,C:\Windows\system32\calc.exe)"),
                                    "Userinit extended with reg add (CAR's test)", {process});
    log.next_case();
    log.process(program(sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)",
                        R"(powershell.exe Set-ItemProperty -Path "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon" -Name Userinit -Value C:\Windows\system32\userinit.exe,C:\Windows\system32\calc.exe)"),
                "Userinit extended with PowerShell (CAR's test)", {process});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\Userinit)",
                       R"(C:\Windows\system32\userinit.exe,C:\Windows\system32\calc.exe)",
                       R"(C:\Windows\system32\userinit.exe,C:\Windows\system32\calc.exe)", "the Userinit value written",
                       {registry}, {registry});
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\Notify\evil\DLLName)",
                       R"(C:\Users\Public\evil.dll)", R"(C:\Users\Public\evil.dll)", "a Winlogon notification package",
                       {registry}, {registry});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\AutoAdminLogon)", "0", "0",
                       "another Winlogon value", none, none);
    log.registry_value(reg, R"(HKLM\SOFTWARE\Vendor\App\Shell)", "classic", "classic", "a value named Shell elsewhere", none,
                       none);
    add_files(out, log, "Userinit extended (reg add, Set-ItemProperty, Sysmon 13, 4657), a Notify package; other values");
}

void car_2021_12_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-12-002");
    const std::string process = car_label("CAR-2021-12-002", "process");
    const std::string registry = car_label("CAR-2021-12-002", "registry");
    const started reg = log.process(program(sys32 + "reg.exe", R"(reg add "HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders" /v "Common Startup" /d "C:\Users\Lucas\Documents\new_malicious_startup_folder" /f)"),
                                    "the shared startup folder moved with reg add (CAR's test)", {process});
    log.next_case();
    log.process(program(sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)",
                        R"(powershell.exe Set-ItemProperty -Path "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders" -Name "Common Startup" -Value C:\Users\Lucas\Documents\new_malicious_startup_folder)"),
                "the shared startup folder moved with PowerShell (CAR's test)", {process});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders\Common Startup)",
                       R"(C:\Users\Lucas\Documents\new_malicious_startup_folder)",
                       R"(C:\Users\Lucas\Documents\new_malicious_startup_folder)", "the value written", {registry}, {registry});
    log.next_case();
    log.registry_value(reg, "HKU\\" + tester_user_sid + R"(\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders\Startup)",
                       R"(%USERPROFILE%\Start Menu\Programs\Startup)", R"(%USERPROFILE%\Start Menu\Programs\Startup)",
                       "the user's own startup folder", none, none);
    add_files(out, log, "Common Startup moved (reg add, Set-ItemProperty, Sysmon 13, 4657); the user's Startup");
}

void car_2022_03_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2022-03-001");
    const std::string process = car_label("CAR-2022-03-001", "process");
    const std::string registry = car_label("CAR-2022-03-001", "registry");
    const std::string powershell = sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)";
    const started reg = log.process(program(sys32 + "reg.exe", R"(reg add "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\MiniNt")"),
                                    "a MiniNt key created with reg add (CAR's test)", {process});
    log.next_case();
    log.process(program(powershell, R"(powershell.exe New-Item -Path "HKLM:\SYSTEM\CurrentControlSet\Control\MiniNt")"),
                "a MiniNt key created with New-Item (CAR's test)", {process});
    log.next_case();
    log.process(program(powershell, "powershell.exe Set-Service -Name EventLog -StartupType Disabled"),
                "the event log service disabled (CAR's test)", {process});
    log.next_case();
    log.process(program(powershell, "powershell.exe Stop-Service -Name EventLog -Force"), "the event log service stopped (CAR's test)",
                {process});
    log.next_case();
    log.process(program(sys32 + "auditpol.exe", R"(auditpol.exe /set /subcategory:"Process Creation" /success:Disable /failure:Disable)"),
                "process creation auditing turned off (CAR's test)", {process});
    log.next_case();
    log.process(program(sys32 + "wevtutil.exe", R"(wevtutil.exe sl Security /logfilename:"C:\Windows\System32\winevt\Not-Important-Log.evtx")"),
                "the Security log moved (CAR's test)", {process});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Start)", "DWORD (0x00000004)", "4",
                       "the event log service's start type set to disabled", {registry}, {registry});
    log.registry_value(reg, R"(HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Security\MaxSize)", "DWORD (0x00010000)", "65536",
                       "the Security log shrunk", {registry}, {registry});
    log.next_case();
    log.registry_value(reg, R"(HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Security\Retention)", "DWORD (0x00000000)", "0",
                       "the Security log's retention", none, none);
    log.process(program(sys32 + "auditpol.exe", "auditpol.exe /get /category:*"), "the audit policy read", none);
    log.next_case();
    audit_policy_change change;
    log.security(security_audit_policy_changed(log.audited_host(), log.next_time(), log.tester(), change),
                 "the audit policy changed (4719)", {car_label("CAR-2022-03-001", "audit-policy")});
    add_files(out, log, "event logging turned off by MiniNt, the service, auditpol, wevtutil sl, the registry, 4719; "
                  "and the retention value and auditpol /get");
}

void car_2016_04_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-04-003");
    const std::string found = car_label("CAR-2016-04-003", "pseudocode");
    const std::string host = log.audited_host();
    log.system(service_entered_state(host, log.next_time(), "Windows Defender Antivirus Service", "stopped", "WinDefend", 1),
               "Defender's service stopped (7036)", {found});
    log.system(service_entered_state(host, log.next_time(), "Windows Firewall", "stopped", "MpsSvc", 1),
               "the firewall stopped, by its older name (7036)", {found});
    log.next_case();
    log.system(service_entered_state(host, log.next_time(), "Windows Defender Antivirus Service", "running", "WinDefend", 4),
               "Defender's service started (7036)", none);
    log.system(service_entered_state(host, log.next_time(), "Print Spooler", "stopped", "Spooler", 1),
               "another service stopped (7036)", none);
    add_files(out, log, "Defender and the firewall stopped; Defender started; the spooler stopped (System 7036)");
}

// Logons of different accounts come more than an hour apart, so that
// CAR-2013-02-008 (more than one account within an hour) sees one at a time.
void two_hours(catalogue_log& log) { log.wait_seconds(2 * 3600); }

void car_2016_04_004(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-04-004");
    const std::string found = car_label("CAR-2016-04-004", "pseudocode");
    logon_details ntlm;
    ntlm.logon_type = 3;
    ntlm.logon_process = "NtLmSsp ";
    ntlm.authentication_package = "NTLM";
    ntlm.workstation = "WS22";
    ntlm.process_name = "-";
    ntlm.process_id = 0;
    ntlm.ip_address = "10.30.4.22";
    ntlm.ip_port = "50611";
    const account nobody{"S-1-0-0", "-", "-", 0};
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, {tester_user_sid, "tester", "CORP", 0x7A1B2C}, ntlm),
                 "a network logon with NTLM (4624)", {found});
    two_hours(log);
    log.security(security_logon(log.audited_host(), log.next_time(), nobody,
                                {"S-1-5-7", "ANONYMOUS LOGON", "NT AUTHORITY", 0x7A1B3D}, ntlm),
                 "the anonymous logon with NTLM", none);
    two_hours(log);
    logon_details kerberos = ntlm;
    kerberos.logon_process = "Kerberos";
    kerberos.authentication_package = "Kerberos";
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, {tester_user_sid, "tester", "CORP", 0x7A1B4E}, kerberos),
                 "a network logon with Kerberos", none);
    add_files(out, log, "logons with NTLM, anonymous with NTLM, with Kerberos (Security 4624)");
}

void car_2016_04_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2016-04-005");
    logon_details rdp;
    rdp.logon_type = 10;
    rdp.workstation = "WS22";
    rdp.ip_address = "10.30.4.22";
    rdp.ip_port = "0";
    const account machine{"S-1-5-18", "A2016-04-005$", "CORP", 0x3E7};
    log.security(security_logon(log.audited_host(), log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x8A1B2C}, rdp),
                 "a Remote Desktop logon (4624 type 10, Negotiate)", {car_label("CAR-2016-04-005", "pseudocode")});
    two_hours(log);
    logon_details kerberos_rdp = rdp;
    kerberos_rdp.authentication_package = "Kerberos";
    log.security(security_logon(log.audited_host(), log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x8A1B3D}, kerberos_rdp),
                 "a Remote Desktop logon by Kerberos", none);
    two_hours(log);
    logon_details console = rdp;
    console.logon_type = 2;
    log.security(security_logon(log.audited_host(), log.next_time(), machine, {tester_user_sid, "tester", "CORP", 0x8A1B4E}, console),
                 "a console logon by Negotiate", none);
    add_files(out, log, "logons of type 10 by Negotiate and by Kerberos, of type 2 by Negotiate (Security 4624)");
}

}  // namespace

void catalogue_object_cases(std::vector<scenario_file>& out) {
    for (auto cases : {car_2013_07_002, car_2013_10_002, car_2014_11_006, car_2016_04_003, car_2016_04_004, car_2016_04_005,
                       car_2019_04_004, car_2019_08_001, car_2019_08_002, car_2020_05_001, car_2020_09_001, car_2020_09_002,
                       car_2020_09_005, car_2020_11_001, car_2020_11_011, car_2021_05_002, car_2021_05_011, car_2021_11_001,
                       car_2021_11_002, car_2021_12_002, car_2022_03_001}) {
        cases(out);
    }
}

}  // namespace evtxcar::testdata
