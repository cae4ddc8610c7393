// The cases of the catalogue's C++ analytics, which judge an event against
// the rest of the collection (docs/analytics/<CAR id>.md gives each
// baseline and threshold): each folder holds the baseline the analytic
// needs (at least 50 earlier events, more than 30 accounts, 20 command
// lines...) and the cases above and below its threshold.
#include "catalogue_scenarios.hpp"

#include "other_log_events.hpp"

#include "session_audit_events.hpp"

namespace evtxcar::testdata {

namespace {


void car_2013_05_009(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-05-009");
    const std::string names = car_label("CAR-2013-05-009", "names-per-hash");
    const std::string hashes = car_label("CAR-2013-05-009", "hashes-per-image");
    const std::string whoami = sys32 + "whoami.exe";
    log.sysmon_process_start(program(whoami, "whoami"), "whoami.exe", {car_label("CAR-2016-03-001", "pseudocode")});
    log.next_case();
    process_spec renamed = program(R"(C:\Users\Public\svc_update.exe)", "svc_update.exe");
    renamed.hashes_seed = whoami;
    log.sysmon_process_start(renamed, "whoami.exe copied and renamed: the same hash, another name", {names});
    log.next_case();
    const std::string agent = R"(C:\Tools\agent.exe)";
    log.sysmon_process_start(program(agent, agent), "agent.exe", none);
    process_spec updated = program(agent, agent);
    updated.hashes_seed = "agent.exe, version 2";
    log.sysmon_process_start(updated, "agent.exe replaced by another file: one path, a second hash", {hashes});
    log.next_case();
    log.sysmon_process_start(program(whoami, "whoami /groups"), "whoami.exe again: one name, one hash",
                             {car_label("CAR-2016-03-001", "pseudocode")});
    add_files(out, log, "one hash under two names; one program path with two hashes; a program run twice (Sysmon 1)");
}

// 50 starts of `parent_spec`'s child a day before, then the host's last day.
void car_2014_11_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2014-11-002");
    const std::string found = car_label("CAR-2014-11-002", "pseudocode");
    for (int i = 0; i < 50; ++i) {
        log.process(program(cmd_image, "\"" + cmd_image + "\""), "history: cmd.exe from the desktop (" + std::to_string(i + 1) + "/50)",
                    {cmd_label});
        log.wait_seconds(600);
    }
    log.wait_seconds(2 * 86400);
    log.process(program(cmd_image, "\"" + cmd_image + "\""), "the last day: cmd.exe from the desktop, as before", {cmd_label});
    log.next_case();
    log.process(program(cmd_image, cmd_image + " /c whoami", R"(C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE)"),
                "the last day: cmd.exe from Outlook, never seen before", {found, cmd_label, car_label("CAR-2021-01-006", "splunk")});
    add_files(out, log, "50 cmd.exe from explorer.exe over a day, then two days later cmd.exe from explorer.exe and from Outlook");
}

void car_2013_09_005(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-09-005");
    const std::string found = car_label("CAR-2013-09-005", "pseudocode");
    const std::string rare = car_label("CAR-2013-09-005", "logpoint");
    const started services = log.running(services_image, services_image);
    for (int i = 0; i < 50; ++i) {
        log.process(as_system(program(sys32 + "svchost.exe", sys32 + "svchost.exe -k netsvcs -p")),
                    "history: a service host started (" + std::to_string(i + 1) + "/50)", none, none, &services);
        log.wait_seconds(600);
    }
    const std::string agent = R"("C:\Program Files\Vendor\agent.exe" -service)";
    for (int i = 0; i < 5; ++i) {
        log.system(service_installed(log.audited_host(), log.next_time(), "Vendor Agent", agent, "LocalSystem"),
                   "the vendor agent installed again (" + std::to_string(i + 1) + "/5)", none);
    }
    log.wait_seconds(2 * 86400);
    log.process(as_system(program(sys32 + "svchost.exe", sys32 + "svchost.exe -k netsvcs -p")),
                "the last day: a service host, as before", none, none, &services);
    log.next_case();
    log.process(as_system(program(R"(C:\Windows\Temp\updsvc.exe)", R"(C:\Windows\Temp\updsvc.exe)")),
                "the last day: a service program never started before", {found}, {found}, &services);
    log.system(service_installed(log.audited_host(), log.next_time(), "updsvc", R"(C:\Windows\Temp\updsvc.exe)", "LocalSystem"),
               "its service installed once (7045)", {rare});
    add_files(out, log, "50 service host starts and 5 installs of one service, then a new service program and its one install");
}

void car_2013_10_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2013-10-001");
    const logon_details network = network_logon();
    const account nobody{"S-1-0-0", "-", "-", 0};
    // 30 accounts with 2 logons each, then one with a single logon; logons
    // more than an hour apart (CAR-2013-02-008 counts accounts per hour).
    for (int round = 0; round < 2; ++round) {
        for (int user = 0; user < 30; ++user) {
            const account who{"S-1-5-21-3958402125-1735296127-2840197753-" + std::to_string(2000 + user),
                              "user" + std::to_string(user + 1), "CORP", 0};
            log.security(security_logon(log.audited_host(), log.next_time(), nobody, who, network),
                         "logon " + std::to_string(round + 1) + " of user" + std::to_string(user + 1), none);
            log.wait_seconds(3700);
        }
    }
    const account rare{"S-1-5-21-3958402125-1735296127-2840197753-2999", "intruder", "CORP", 0};
    log.security(security_logon(log.audited_host(), log.next_time(), nobody, rare, network),
                 "an account with one logon, below the 30 with most", {car_label("CAR-2013-10-001", "pseudocode")});
    add_files(out, log, "30 accounts with 2 logons each and one with 1 (Security 4624)");
}

void car_2020_05_003(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2020-05-003");
    const std::string by_name = car_label("CAR-2020-05-003", "pseudocode");
    const std::string by_original = car_label("CAR-2020-05-003", "splunk");
    const std::string findstr = sys32 + "findstr.exe";
    auto findstr_spec = [&](const std::string& command_line) {
        process_spec spec = program(findstr, command_line);
        spec.original_file_name = "FINDSTR.EXE";
        return spec;
    };
    log.set_steps(30 * evtx_writer::ticks_per_second, 30 * evtx_writer::ticks_per_second);
    for (int run = 0; run < 20; ++run) {
        for (int line = 0; line < 10; ++line) {
            log.process(findstr_spec(R"(findstr /i error C:\logs\app)" + std::to_string(line) + ".log"),
                        "a common command line (" + std::to_string(line) + ", run " + std::to_string(run + 1) + "/20)", none);
        }
    }
    log.process(findstr_spec(R"(findstr /s /i password C:\Users\*.xml)"), "a command line seen once",
                {by_name, by_original}, {by_name});
    add_files(out, log, "10 findstr command lines run 20 times each, one run once (Sysmon 1 with OriginalFileName, 4688)");
}

void car_2021_01_002(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2021-01-002");
    const std::string found = car_label("CAR-2021-01-002", "splunk");
    for (int i = 0; i < 30; ++i) {
        log.process(program(sys32 + "notepad.exe", R"(notepad.exe C:\Users\tester\notes)" + std::to_string(i) + ".txt"),
                    "a short command line (" + std::to_string(i + 1) + "/30)", none);
        log.wait_seconds(60);
    }
    const std::string powershell = sys32 + R"(WindowsPowerShell\v1.0\powershell.exe)";
    log.process(program(powershell, "powershell.exe -nop -enc " + std::string(1500, 'A')), "a command line of 1526 characters",
                {found});
    log.process(program(powershell, "powershell.exe -nop -enc " + std::string(200, 'B')),
                "a command line of 226 characters, under 10 times the mean", none);
    add_files(out, log, "30 short command lines, one of 1526 characters and one of 226");
}

void car_2015_07_001(std::vector<scenario_file>& out) {
    catalogue_log log("CAR-2015-07-001");
    const std::string found = car_label("CAR-2015-07-001", "pseudocode");
    const std::string procdump = car_label("CAR-2019-07-002", "pseudocode");
    const account machine{"S-1-5-18", "A2015-07-001$", "CORP", 0x3E7};
    logon_details console;
    console.logon_type = 2;
    log.security(security_logon(log.audited_host(), log.next_time(), machine,
                                {"S-1-5-21-3958402125-1735296127-2840197753-1301", "olduser", "CORP", 0xB0001}, console),
                 "a logon before the last boot", none);
    log.wait_seconds(2 * 3600);
    log.system(event_log_service(log.audited_host(), log.next_time(), true), "the host starts (6005)");
    log.wait_seconds(300);
    log.security(security_logon(log.audited_host(), log.next_time(), machine, log.tester(), console),
                 "tester logs on after the boot", none);
    log.wait_seconds(2 * 3600);
    log.security(security_logon(log.audited_host(), log.next_time(), machine,
                                {"S-1-5-21-3958402125-1735296127-2840197753-500", "Administrator", "CORP", 0xB0002}, console),
                 "the administrator logs on", none);
    log.next_case();
    log.process(program(R"(C:\Tools\procdump64.exe)", R"(procdump64.exe -ma lsass.exe C:\Temp\l.dmp)"),
                "lsass.exe dumped: the accounts logged on since the boot are listed (the Sysmon host has no boot nor logon)",
                {procdump, found});
    log.next_case();
    log.process(program(R"(C:\Tools\procdump64.exe)", "procdump64.exe -ma notepad.exe"), "another process dumped", none);
    add_files(out, log, "a logon, a boot (6005), two logons, then lsass.exe dumped; another dump");
}

}  // namespace

void catalogue_baseline_cases(std::vector<scenario_file>& out) {
    for (auto cases : {car_2013_05_009, car_2013_09_005, car_2013_10_001, car_2014_11_002, car_2015_07_001, car_2020_05_003,
                       car_2021_01_002}) {
        cases(out);
    }
}

std::vector<scenario_file> catalogue_files() {
    std::vector<scenario_file> out;
    catalogue_process_cases(out);
    catalogue_object_cases(out);
    catalogue_join_cases(out);
    catalogue_baseline_cases(out);
    return out;
}

}  // namespace evtxcar::testdata
