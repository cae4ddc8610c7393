#include "catalogue_log.hpp"

#include <algorithm>
#include <cctype>

#include "account_audit_events.hpp"
#include "session_audit_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

std::string digits_of(const std::string& car_id) { return car_id.substr(4); }  // "2013-02-003"

// The account of the tester on the audited host, in 4688's terms.
constexpr const char* tester_sid = "S-1-5-21-3958402125-1735296127-2840197753-1107";
constexpr std::uint64_t tester_logon = 0x4B1C33;
constexpr const char* audited_address = "10.30.1.11";

// 4688's MandatoryLabel for Sysmon's integrity word.
std::string mandatory_label(const std::string& integrity) {
    if (integrity == "Low") return "S-1-16-4096";
    if (integrity == "High") return "S-1-16-12288";
    if (integrity == "System") return "S-1-16-16384";
    return "S-1-16-8192";
}

// The filtering platform's path of a program on drive C:.
std::string device_path(const std::string& windows_path) {
    std::string lower = windows_path.size() > 3 ? windows_path.substr(3) : windows_path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "\\device\\harddiskvolume2\\" + lower;
}

// Sysmon's HKLM\ / HKU\ path as 4657's ObjectName (\REGISTRY\MACHINE\, \REGISTRY\USER\), split at its value.
registry_value_change value_change_of(const std::string& target_object) {
    registry_value_change change;
    const std::size_t last = target_object.rfind('\\');
    std::string key = target_object.substr(0, last);
    change.value_name = target_object.substr(last + 1);
    if (key.rfind("HKLM\\", 0) == 0) key = "\\REGISTRY\\MACHINE\\" + key.substr(5);
    if (key.rfind("HKU\\", 0) == 0) key = "\\REGISTRY\\USER\\" + key.substr(4);
    change.object_name = key;
    return change;
}

std::uint32_t seed_of(const std::string& text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

}  // namespace

catalogue_log::catalogue_log(std::string car_id) : id_(std::move(car_id)) {
    const std::string digits = digits_of(id_);
    sysmon_host_ = {"S" + digits + ".catalogue.example", "10.30.1.10", sysmon_schema::v4_90, 2816,
                    seed_of(id_) | 0x10000000u};
    audited_ = "A" + digits + ".catalogue.example";
    // Each analytic's day: 2026-05-DD, the day from the id, so that folders do not share times.
    const std::uint32_t day = 1 + seed_of(id_) % 28;
    time_ = to_filetime({2026, 5, day, 8, 0, 0, 0});
}

account catalogue_log::tester() const { return {tester_sid, "tester", "CORP", tester_logon}; }

account catalogue_log::system_account() {
    return {"S-1-5-18", "SYSTEM", "NT AUTHORITY", 0x3E7};
}

filetime catalogue_log::next_time() { return time_ += event_step_; }

sysmon_process catalogue_log::make_sysmon(const process_spec& spec, std::uint32_t pid) {
    logon_session session;
    session.user = spec.user;
    session.logon_id = spec.user.rfind("NT AUTHORITY\\", 0) == 0 ? 0x3E7 : tester_logon;
    session.terminal_session_id = spec.user.rfind("NT AUTHORITY\\", 0) == 0 ? 0 : 1;
    session.integrity_level = spec.integrity;
    const std::string command_line = spec.command_line.empty() ? "\"" + spec.image + "\"" : spec.command_line;
    sysmon_process process = program_process(sysmon_host_, time_, id_ + "|" + std::to_string(pid) + "|" + spec.image, pid,
                                             spec.image, command_line, session, spec.current_directory);
    if (!spec.original_file_name.empty()) process.original_file_name = spec.original_file_name;
    process.hashes_seed = spec.hashes_seed;
    return process;
}

started catalogue_log::running(const std::string& image, const std::string& command_line, const std::string& user) {
    process_spec spec;
    spec.image = image;
    spec.command_line = command_line;
    spec.user = user;
    spec.integrity = user.rfind("NT AUTHORITY\\", 0) == 0 ? "System" : "Medium";
    next_pid_ += 132;
    started process{make_sysmon(spec, next_pid_), next_pid_, image};
    return process;
}

started catalogue_log::process(const process_spec& spec, const std::string& description, labels on_sysmon,
                               labels on_security, const started* parent) {
    started process = sysmon_process_start(spec, description, std::move(on_sysmon), parent);
    process_creation created;
    const bool system_user = spec.user.rfind("NT AUTHORITY\\", 0) == 0;
    created.subject = system_user ? system_account() : tester();
    created.new_process_id = process.pid;
    created.new_process_name = spec.image;
    created.token_elevation_type = spec.integrity == "High" ? "%%1937" : system_user ? "%%1936" : "%%1938";
    created.parent_process_id = parent ? parent->pid : process.sysmon.process_id - 1;  // see sysmon_process_start
    created.command_line = process.sysmon.command_line;
    created.parent_process_name = parent ? parent->image : spec.parent_image;
    created.mandatory_label = mandatory_label(spec.integrity);
    security_.push_back({security_process_created(audited_, time_, created), description + ": 4688", std::move(on_security)});
    return process;
}

started catalogue_log::sysmon_process_start(const process_spec& spec, const std::string& description, labels on_sysmon,
                                            const started* parent) {
    time_ += process_step_;
    next_pid_ += 132;
    const std::uint32_t pid = next_pid_;
    sysmon_process self = make_sysmon(spec, pid);
    sysmon_process parent_process;
    if (parent != nullptr) {
        parent_process = parent->sysmon;
    } else {
        // A parent that is running but whose start is not in the logs; its
        // process id is the child's minus one, on both hosts.
        process_spec parent_spec;
        parent_spec.image = spec.parent_image;
        parent_spec.command_line = spec.parent_command_line;
        parent_spec.user = spec.user;
        parent_spec.integrity = spec.integrity;
        parent_process = make_sysmon(parent_spec, pid - 1);
        parent_process.process_guid = sysmon_process_guid(sysmon_host_, time_ - 3600 * ticks_per_second,
                                                          id_ + "|parent|" + std::to_string(pid));
    }
    sysmon_.push_back({sysmon_process_create(sysmon_host_, time_, self, parent_process), description + ": Sysmon 1",
                       std::move(on_sysmon)});
    return {self, pid, spec.image};
}

void catalogue_log::file_create(const started& by, const std::string& path, const std::string& description,
                                labels on_sysmon) {
    sysmon_.push_back({sysmon_file_create(sysmon_host_, next_time(), by.sysmon, path), description + ": Sysmon 11",
                       std::move(on_sysmon)});
}

void catalogue_log::image_load(const started& by, const std::string& module, const std::string& signature,
                               const std::string& description, labels on_sysmon) {
    sysmon_.push_back({sysmon_image_load(sysmon_host_, next_time(), by.sysmon, module, signature),
                       description + ": Sysmon 7", std::move(on_sysmon)});
}

void catalogue_log::registry_key(const started& by, const std::string& event_type, const std::string& target_object,
                                 const std::string& description, labels on_sysmon) {
    sysmon_.push_back({sysmon_registry_key(sysmon_host_, next_time(), by.sysmon, event_type, target_object),
                       description + ": Sysmon 12", std::move(on_sysmon)});
}

void catalogue_log::remote_thread(const started& by, const started& target, const std::string& start_function,
                                  const std::string& start_module, const std::string& description, labels on_sysmon) {
    struct remote_thread thread;
    thread.target = target.sysmon;
    thread.new_thread_id = target.sysmon.process_id + 17;
    thread.start_address = "0x00007FFB3C2A1E40";
    thread.start_module = start_module;
    thread.start_function = start_function;
    sysmon_.push_back({sysmon_remote_thread(sysmon_host_, next_time(), by.sysmon, thread), description + ": Sysmon 8",
                       std::move(on_sysmon)});
}

void catalogue_log::process_access(const started& by, const started& target, std::uint32_t granted_access,
                                   const std::string& call_trace, const std::string& description, labels on_sysmon) {
    struct process_access access;
    access.target = target.sysmon;
    access.source_thread_id = by.sysmon.process_id + 5;
    access.granted_access = granted_access;
    access.call_trace = call_trace;
    sysmon_.push_back({sysmon_process_access(sysmon_host_, next_time(), by.sysmon, access),
                       description + ": Sysmon 10", std::move(on_sysmon)});
}

void catalogue_log::registry_value(const started& by, const std::string& target_object, const std::string& details,
                                   const std::string& new_value_4657, const std::string& description,
                                   labels on_sysmon, labels on_security) {
    const filetime at = next_time();
    sysmon_.push_back({sysmon_registry_value(sysmon_host_, at, by.sysmon, target_object, details),
                       description + ": Sysmon 13", std::move(on_sysmon)});
    registry_value_change change = value_change_of(target_object);
    change.handle_id = 0x1f4;
    change.operation = "%%1905";
    change.old_type = "%%1873";
    change.old_value = "-";
    change.new_type = details.rfind("DWORD", 0) == 0 ? "%%1876" : "%%1873";
    change.new_value = new_value_4657;
    change.process_id = by.pid;
    change.process_name = by.image;
    const bool system_user = by.sysmon.user.rfind("NT AUTHORITY\\", 0) == 0;
    security_.push_back({security_registry_value(audited_, at, system_user ? system_account() : tester(), change),
                         description + ": 4657", std::move(on_security)});
}

void catalogue_log::flow(const started& by, bool initiated, const std::string& local_ip, std::uint16_t local_port,
                         const std::string& remote_ip, std::uint16_t remote_port, const std::string& description,
                         labels on_sysmon, labels on_security) {
    const filetime at = next_time();
    network_connection c;
    c.initiated = initiated;
    c.source_ip = initiated ? local_ip : remote_ip;
    c.source_port = initiated ? local_port : remote_port;
    c.source_hostname = initiated ? sysmon_host_.computer : "-";
    c.destination_ip = initiated ? remote_ip : local_ip;
    c.destination_port = initiated ? remote_port : local_port;
    c.destination_hostname = initiated ? "-" : sysmon_host_.computer;
    sysmon_.push_back({sysmon_network_connection(sysmon_host_, at, by.sysmon, c), description + ": Sysmon 3",
                       std::move(on_sysmon)});
    wfp_connection w;
    w.process_id = by.pid;
    w.application = device_path(by.image);
    w.inbound = !initiated;
    w.local_address = local_ip == sysmon_host_.address ? audited_address : local_ip;
    w.local_port = local_port;
    w.remote_address = remote_ip;
    w.remote_port = remote_port;
    w.filter_rtid = initiated ? 68195 : 71045;
    security_.push_back({security_connection_permitted(audited_, at, w), description + ": 5156", std::move(on_security)});
}

void catalogue_log::security(windows_event event, const std::string& description, labels detections) {
    security_.push_back({std::move(event), description, std::move(detections)});
}

void catalogue_log::system(windows_event event, const std::string& description, labels detections) {
    system_.push_back({std::move(event), description, std::move(detections)});
}

void catalogue_log::wmi(windows_event event, const std::string& description, labels detections) {
    wmi_.push_back({std::move(event), description, std::move(detections)});
}

void catalogue_log::sysmon(windows_event event, const std::string& description, labels detections) {
    sysmon_.push_back({std::move(event), description, std::move(detections)});
}

std::string catalogue_log::other_host(const std::string& tag) const { return tag + digits_of(id_) + ".catalogue.example"; }

void catalogue_log::other_security(const std::string& tag, windows_event event, const std::string& description,
                                   labels detections) {
    auto found = std::find_if(others_.begin(), others_.end(), [&](const auto& entry) { return entry.first == tag; });
    if (found == others_.end()) {
        others_.emplace_back(tag, std::vector<scenario_record>{});
        found = others_.end() - 1;
    }
    found->second.push_back({std::move(event), description, std::move(detections)});
}

std::vector<scenario_file> catalogue_log::files(const std::string& exercises) const {
    auto in_time_order = [](std::vector<scenario_record> records) {
        std::stable_sort(records.begin(), records.end(), [](const scenario_record& a, const scenario_record& b) {
            return a.event.system.time_created < b.event.system.time_created;
        });
        return records;
    };
    std::vector<scenario_file> out;
    const std::string folder = "analytics/" + id_ + "/";
    if (!sysmon_.empty()) {
        out.push_back(log_file(folder + "Sysmon.evtx", id_ + " on Sysmon (" + sysmon_host_.computer + "): " + exercises,
                               in_time_order(sysmon_)));
    }
    if (!security_.empty()) {
        out.push_back(log_file(folder + "Security.evtx", id_ + " on Security auditing (" + audited_ + "): " + exercises,
                               in_time_order(security_)));
    }
    if (!system_.empty()) {
        out.push_back(log_file(folder + "System.evtx", id_ + " in the System log (" + audited_ + "): " + exercises,
                               in_time_order(system_)));
    }
    if (!wmi_.empty()) {
        out.push_back(log_file(folder + "WMI-Activity.evtx", id_ + " in WMI-Activity (" + audited_ + "): " + exercises,
                               in_time_order(wmi_)));
    }
    for (const auto& [tag, records] : others_) {
        out.push_back(log_file(folder + "Security-" + tag + ".evtx",
                               id_ + " on Security auditing (" + other_host(tag) + "): " + exercises, in_time_order(records)));
    }
    return out;
}

}  // namespace evtxcar::testdata
