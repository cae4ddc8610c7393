#include "other_log_events.hpp"

#include <utility>

#include "binxml/binxml_format.hpp"
#include "guid.hpp"
#include "xml_template.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

// Where a provider writes: its name, GUID (none for classic providers),
// channel, and the process and account its events carry.
struct provider_log {
    const char* name;
    const char* guid;  // nullptr: a classic provider
    const char* channel;
    std::uint32_t process_id;
    const char* user_sid;  // nullptr: no Security/@UserID
};

constexpr provider_log service_control = {"Service Control Manager", "{555908D1-A6D7-4695-8E1E-26931D2012F4}",
                                          "System", 692, "S-1-5-18"};
constexpr provider_log eventlog = {"Microsoft-Windows-Eventlog", "{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}", "System",
                                   1388, nullptr};
constexpr provider_log kernel_general = {"Microsoft-Windows-Kernel-General", "{A68CA8B7-004F-D7B6-A698-07E2DE0F1F5D}",
                                         "System", 5208, "S-1-5-19"};
constexpr provider_log powershell_operational = {"Microsoft-Windows-PowerShell",
                                                 "{A0C1853B-5C40-4B15-8766-3CF1C58F985A}",
                                                 "Microsoft-Windows-PowerShell/Operational", 0, nullptr};
constexpr provider_log classic_powershell = {"PowerShell", nullptr, "Windows PowerShell", 0, nullptr};
constexpr provider_log defender = {"Microsoft-Windows-Windows Defender", "{11CD958A-C507-4EF3-B3F2-5FD9DFBD2C78}",
                                   "Microsoft-Windows-Windows Defender/Operational", 3512, "S-1-5-18"};
constexpr provider_log task_scheduler = {"Microsoft-Windows-TaskScheduler", "{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}",
                                         "Microsoft-Windows-TaskScheduler/Operational", 1580, "S-1-5-18"};
constexpr provider_log wmi_activity = {"Microsoft-Windows-WMI-Activity", "{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}",
                                       "Microsoft-Windows-WMI-Activity/Operational", 1604, "S-1-5-18"};
constexpr provider_log remote_connection = {"Microsoft-Windows-TerminalServices-RemoteConnectionManager",
                                            "{C76BAA63-AE81-421C-B425-340B4B24157F}",
                                            "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                                            1236, "S-1-5-20"};
constexpr provider_log local_session = {"Microsoft-Windows-TerminalServices-LocalSessionManager",
                                        "{5D896912-022D-40AA-A3A8-4FA5515C76D7}",
                                        "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational", 1012,
                                        "S-1-5-18"};
constexpr provider_log rdp_core = {"Microsoft-Windows-RemoteDesktopServices-RdpCoreTS",
                                   "{1139C61B-B549-4251-8ED3-27250A1EDEC8}",
                                   "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational", 1236, "S-1-5-20"};
constexpr provider_log firewall = {"Microsoft-Windows-Windows Firewall With Advanced Security",
                                   "{D1BC9AFF-2ABF-4D71-9146-ECB2A986EB85}",
                                   "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall", 2944,
                                   "S-1-5-19"};
constexpr provider_log bits_client = {"Microsoft-Windows-Bits-Client", "{EF1CC15B-46C1-414E-BB95-E76B077BD51E}",
                                      "Microsoft-Windows-Bits-Client/Operational", 2316, "S-1-5-18"};

struct system_header {
    std::uint16_t event_id;
    std::uint8_t version = 0;
    std::uint8_t level = 4;
    std::uint16_t task = 0;
    std::uint8_t opcode = 0;
    std::uint64_t keywords = 0x8000000000000000ull;
};

windows_event log_event(const provider_log& log, const std::string& computer, filetime time,
                        const system_header& header) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = log.name;
    if (log.guid != nullptr) s.provider_guid = parse_guid(log.guid);
    s.event_id = header.event_id;
    s.version = header.version;
    s.level = header.level;
    s.task = header.task;
    s.opcode = header.opcode;
    s.keywords = header.keywords;
    s.time_created = time;
    s.process_id = log.process_id;
    s.thread_id = log.process_id == 0 ? 0 : log.process_id + 12 + static_cast<std::uint32_t>(time / ticks_per_second % 5) * 4;
    s.channel = log.channel;
    s.computer = computer;
    if (log.user_sid != nullptr) s.user_sid = log.user_sid;
    return event;
}

void add(windows_event& event, const char* name, substitution_value value) {
    event.event_data.push_back({name, std::move(value)});
}

struct user_data_field {
    const char* name;
    substitution_value value;
};

// UserData <root xmlns="..."> with one child element per field, in order.
void set_user_data(windows_event& event, const char* root, const char* xmlns, std::vector<user_data_field> fields) {
    event.kind = payload_kind::user_data;
    std::vector<xml_node> children;
    std::vector<substitution_value> values;
    std::string identity = std::string(root) + " " + xmlns;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::uint8_t type = fields[i].value.type();
        identity += " " + std::string(fields[i].name) + ":" + std::to_string(type);
        children.push_back(element(fields[i].name, {}, {substitution(static_cast<std::uint16_t>(i), type)}));
        values.push_back(std::move(fields[i].value));
    }
    event.user_data =
        template_instance{make_template(identity, element(root, {attribute("xmlns", {text(xmlns)})}, std::move(children))),
                          std::move(values)};
}

// The UTF-16LE text of a string and its NUL, as 7036's and 7000's binary data hold it.
std::vector<std::uint8_t> utf16_with_nul(const std::string& ascii) {
    std::vector<std::uint8_t> bytes;
    for (const char c : ascii) {
        bytes.push_back(static_cast<std::uint8_t>(c));
        bytes.push_back(0);
    }
    bytes.push_back(0);
    bytes.push_back(0);
    return bytes;
}

std::string guid_text(const std::string& seed) { return format_guid(guid_from_seed(seed)); }

constexpr std::uint64_t classic_keywords = 0x0080000000000000ull;
constexpr std::uint64_t scm_keywords = 0x8080000000000000ull;
constexpr std::uint16_t scm_information = 16384;
constexpr std::uint16_t scm_error = 49152;

}  // namespace

windows_event service_start_type_changed(const std::string& computer, filetime time, const std::string& display_name,
                                         const std::string& old_type, const std::string& new_type,
                                         const std::string& key_name) {
    windows_event event = log_event(service_control, computer, time, {.event_id = 7040, .keywords = scm_keywords});
    event.system.qualifiers = scm_information;
    add(event, "param1", string_value(display_name));
    add(event, "param2", string_value(old_type));
    add(event, "param3", string_value(new_type));
    add(event, "param4", string_value(key_name));
    return event;
}

windows_event service_entered_state(const std::string& computer, filetime time, const std::string& display_name,
                                    const std::string& state, const std::string& key_name, unsigned state_code) {
    windows_event event = log_event(service_control, computer, time, {.event_id = 7036, .keywords = scm_keywords});
    event.system.qualifiers = scm_information;
    event.system.user_sid.reset();
    const std::string data = state_code == 0 ? key_name : key_name + "/" + std::to_string(state_code);
    add(event, "param1", string_value(display_name));
    add(event, "param2", string_value(state));
    event.event_data.push_back({"", binary_value(utf16_with_nul(data)), false, "Binary"});
    return event;
}

windows_event service_failed_to_start(const std::string& computer, filetime time, const std::string& service,
                                      const std::string& error, const std::string& key_name) {
    windows_event event =
        log_event(service_control, computer, time, {.event_id = 7000, .level = 2, .keywords = scm_keywords});
    event.system.qualifiers = scm_error;
    event.system.user_sid.reset();
    add(event, "param1", string_value(service));
    add(event, "param2", string_value(error));
    event.event_data.push_back({"", binary_value(utf16_with_nul(key_name)), false, "Binary"});
    return event;
}

windows_event system_log_cleared(const std::string& computer, filetime time, const std::string& user_sid,
                                 const std::string& name, const std::string& domain, const std::string& channel,
                                 const std::string& backup_path) {
    windows_event event = log_event(eventlog, computer, time, {.event_id = 104, .task = 104});
    event.system.user_sid = user_sid;
    set_user_data(event, "LogFileCleared", "http://manifests.microsoft.com/win/2004/08/windows/eventlog",
                  {{"SubjectUserName", string_value(name)},
                   {"SubjectDomainName", string_value(domain)},
                   {"Channel", string_value(channel)},
                   {"BackupPath", string_value(backup_path)}});
    return event;
}

windows_event system_time_changed(const std::string& computer, filetime time, filetime new_time, filetime old_time,
                                  std::uint32_t reason) {
    windows_event event =
        log_event(kernel_general, computer, time, {.event_id = 1, .version = 1, .task = 5, .keywords = 0x8000000000000010ull});
    add(event, "NewTime", filetime_value(new_time));
    add(event, "OldTime", filetime_value(old_time));
    add(event, "Reason", uint32_value(reason));
    return event;
}

windows_event powershell_script_block(const std::string& computer, filetime time, std::uint32_t pid,
                                      const std::string& user_sid, const script_block& block) {
    // Level 5 (verbose); 3 (warning) when PowerShell found the block suspicious.
    windows_event event = log_event(powershell_operational, computer, time,
                                    {.event_id = 4104, .version = 1, .level = 5, .task = 2, .opcode = 15, .keywords = 0});
    event.system.process_id = pid;
    event.system.thread_id = pid + 104;
    event.system.user_sid = user_sid;
    event.system.activity_id = guid_from_seed(block.id);
    add(event, "MessageNumber", int32_value(block.number));
    add(event, "MessageTotal", int32_value(block.total));
    add(event, "ScriptBlockText", string_value(block.text));
    add(event, "ScriptBlockId", string_value(block.id));
    if (block.has_path) add(event, "Path", string_value(block.path));
    return event;
}

windows_event powershell_module_logging(const std::string& computer, filetime time, std::uint32_t pid,
                                        const std::string& user_sid, const std::string& context_info,
                                        const std::string& payload) {
    windows_event event = log_event(powershell_operational, computer, time,
                                    {.event_id = 4103, .version = 1, .task = 106, .opcode = 20, .keywords = 0});
    event.system.process_id = pid;
    event.system.thread_id = pid + 88;
    event.system.user_sid = user_sid;
    add(event, "ContextInfo", string_value(context_info));
    add(event, "UserData", string_value(""));
    add(event, "Payload", string_value(payload));
    return event;
}

windows_event windows_powershell(const std::string& computer, filetime time, std::uint16_t event_id,
                                 const std::vector<std::string>& strings) {
    windows_event event = log_event(classic_powershell, computer, time,
                                    {.event_id = event_id, .task = static_cast<std::uint16_t>(event_id / 100),
                                     .keywords = classic_keywords});
    event.system.qualifiers = 0;
    // The message's insertion strings are one string array: one <Data> per string.
    event.event_data.push_back({"", string_array_value(strings)});
    return event;
}

windows_event defender_threat_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                    const defender_threat& t) {
    windows_event event = log_event(defender, computer, time, {.event_id = event_id, .level = static_cast<std::uint8_t>(event_id == 1116 ? 3 : 4)});
    const std::vector<std::pair<const char*, std::string>> fields = {
        {"Product Name", "%%827"},
        {"Product Version", t.product_version},
        {"Detection ID", t.detection_id},
        {"Detection Time", t.detection_time},
        {"Unused", ""},
        {"Unused2", ""},
        {"Threat ID", t.threat_id},
        {"Threat Name", t.threat_name},
        {"Severity ID", t.severity_id},
        {"Severity Name", t.severity_name},
        {"Category ID", t.category_id},
        {"Category Name", t.category_name},
        {"FWLink", "https://go.microsoft.com/fwlink/?linkid=37020&name=" + t.threat_name + "&threatid=" + t.threat_id},
        {"Status Code", t.status_code},
        {"Status Description", ""},
        {"State", "1"},
        {"Source ID", t.source_id},
        {"Source Name", t.source_name},
        {"Process Name", t.process_name},
        {"Detection User", t.detection_user},
        {"Unused3", ""},
        {"Path", t.path},
        {"Origin ID", "1"},
        {"Origin Name", "%%845"},
        {"Execution ID", "1"},
        {"Execution Name", "%%813"},
        {"Type ID", "0"},
        {"Type Name", "%%822"},
        {"Pre Execution Status", "0"},
        {"Action ID", t.action_id},
        {"Action Name", t.action_name},
        {"Unused4", ""},
        {"Error Code", t.error_code},
        {"Error Description", t.error_description},
        {"Unused5", ""},
        {"Post Clean Status", "0"},
        {"Additional Actions ID", "0"},
        {"Additional Actions String", "No additional actions required"},
        {"Remediation User", t.remediation_user},
        {"Unused6", ""},
        {t.intelligence_name ? "Security intelligence Version" : "Signature Version", t.signature_version},
        {"Engine Version", t.engine_version}};
    for (const auto& [name, value] : fields) add(event, name, string_value(value));
    return event;
}

windows_event defender_configuration_changed(const std::string& computer, filetime time, const std::string& old_value,
                                             const std::string& new_value) {
    windows_event event = log_event(defender, computer, time, {.event_id = 5007});
    add(event, "Product Name", string_value("Microsoft Defender Antivirus"));
    add(event, "Product Version", string_value("4.18.2203.5"));
    add(event, "Old Value", string_value(old_value));
    add(event, "New Value", string_value(new_value));
    return event;
}

windows_event task_registered(const std::string& computer, filetime time, const std::string& task,
                              const std::string& user_context) {
    windows_event event = log_event(task_scheduler, computer, time, {.event_id = 106, .task = 106});
    add(event, "TaskName", string_value(task));
    add(event, "UserContext", string_value(user_context));
    return event;
}

windows_event task_registration_changed(const std::string& computer, filetime time, std::uint16_t event_id,
                                        const std::string& task, const std::string& user) {
    windows_event event = log_event(task_scheduler, computer, time, {.event_id = event_id, .task = event_id});
    add(event, "TaskName", string_value(task));
    add(event, "UserName", string_value(user));
    return event;
}

windows_event task_action_started(const std::string& computer, filetime time, const std::string& task,
                                  const std::string& action, const std::string& instance_seed,
                                  std::uint32_t engine_pid) {
    windows_event event =
        log_event(task_scheduler, computer, time, {.event_id = 200, .version = 1, .task = 200, .opcode = 1});
    event.system.activity_id = guid_from_seed(instance_seed);
    add(event, "TaskName", string_value(task));
    add(event, "ActionName", string_value(action));
    add(event, "TaskInstanceId", guid_value(guid_from_seed(instance_seed)));
    add(event, "EnginePID", uint32_value(engine_pid));
    return event;
}

windows_event task_action_completed(const std::string& computer, filetime time, const std::string& task,
                                    const std::string& action, const std::string& instance_seed,
                                    std::uint32_t result_code, std::uint32_t engine_pid) {
    windows_event event =
        log_event(task_scheduler, computer, time, {.event_id = 201, .version = 2, .task = 201, .opcode = 2});
    event.system.activity_id = guid_from_seed(instance_seed);
    add(event, "TaskName", string_value(task));
    add(event, "TaskInstanceId", guid_value(guid_from_seed(instance_seed)));
    add(event, "ActionName", string_value(action));
    add(event, "ResultCode", uint32_value(result_code));
    add(event, "EnginePID", uint32_value(engine_pid));
    return event;
}

windows_event task_process_created(const std::string& computer, filetime time, const std::string& task,
                                   const std::string& path, std::uint32_t pid) {
    windows_event event = log_event(task_scheduler, computer, time, {.event_id = 129, .task = 129, .opcode = 1});
    add(event, "TaskName", string_value(task));
    add(event, "Path", string_value(path));
    add(event, "ProcessID", uint32_value(pid));
    add(event, "Priority", uint32_value(16384));
    return event;
}

windows_event wmi_consumer_binding(const std::string& computer, filetime time, const std::string& wmi_namespace,
                                   const std::string& filter, const std::string& consumer,
                                   const std::string& possible_cause) {
    windows_event event = log_event(wmi_activity, computer, time, {.event_id = 5861, .level = 0, .keywords = 0x4000000000000000ull});
    set_user_data(event, "Operation_ESStoConsumerBinding", "http://manifests.microsoft.com/win/2006/windows/WMI",
                  {{"Namespace", string_value(wmi_namespace)},
                   {"ESS", string_value(filter)},
                   {"CONSUMER", string_value(consumer)},
                   {"PossibleCause", string_value(possible_cause)}});
    return event;
}

windows_event wmi_provider_started(const std::string& computer, filetime time, const std::string& provider,
                                   std::uint32_t host_pid, const std::string& provider_path) {
    windows_event event = log_event(wmi_activity, computer, time, {.event_id = 5857, .level = 0, .keywords = 0x4000000000000000ull});
    set_user_data(event, "Operation_StartedOperational", "http://manifests.microsoft.com/win/2006/windows/WMI",
                  {{"ProviderName", string_value(provider)},
                   {"Code", hex_int32_value(0)},
                   {"HostProcess", string_value("wmiprvse.exe")},
                   {"ProcessID", uint32_value(host_pid)},
                   {"ProviderPath", string_value(provider_path)}});
    return event;
}

windows_event rdp_user_authenticated(const std::string& computer, filetime time, const std::string& user,
                                     const std::string& domain, const std::string& address) {
    windows_event event = log_event(remote_connection, computer, time, {.event_id = 1149, .keywords = 0x1000000000000000ull});
    event.system.activity_id = guid_from_seed(computer + address + user);
    set_user_data(event, "EventXML", "Event_NS",
                  {{"Param1", string_value(user)}, {"Param2", string_value(domain)}, {"Param3", string_value(address)}});
    return event;
}

windows_event rdp_listener_connection(const std::string& computer, filetime time) {
    windows_event event = log_event(remote_connection, computer, time, {.event_id = 261, .keywords = 0x1000000000000000ull});
    set_user_data(event, "EventXML", "Event_NS", {{"listenerName", string_value("RDP-Tcp")}});
    return event;
}

windows_event local_session_event(const std::string& computer, filetime time, std::uint16_t event_id,
                                  const std::string& user, std::uint32_t session_id, const std::string& address) {
    windows_event event = log_event(local_session, computer, time, {.event_id = event_id, .keywords = 0x1000000000000000ull});
    std::vector<user_data_field> fields = {{"User", string_value(user)}, {"SessionID", uint32_value(session_id)}};
    if (event_id != 23) fields.push_back({"Address", string_value(address)});
    set_user_data(event, "EventXML", "Event_NS", std::move(fields));
    return event;
}

windows_event rdp_connection_accepted(const std::string& computer, filetime time, const std::string& client) {
    windows_event event =
        log_event(rdp_core, computer, time, {.event_id = 131, .task = 4, .opcode = 15, .keywords = 0x4000000000000000ull});
    add(event, "ConnType", string_value("TCP"));
    add(event, "ClientIP", string_value(client));
    return event;
}

windows_event firewall_rule_added(const std::string& computer, filetime time, const std::string& rule_name,
                                  const std::string& application, const std::string& modifying_user_sid,
                                  const std::string& modifying_application) {
    windows_event event = log_event(firewall, computer, time, {.event_id = 2004, .keywords = 0x8000020000000000ull});
    add(event, "RuleId", string_value(guid_text(rule_name)));
    add(event, "RuleName", string_value(rule_name));
    add(event, "Origin", uint32_value(1));
    add(event, "ApplicationPath", string_value(application));
    add(event, "ServiceName", string_value(""));
    add(event, "Direction", uint32_value(1));
    add(event, "Protocol", uint16_value(6));
    add(event, "LocalPorts", string_value("4444"));
    add(event, "RemotePorts", string_value(""));
    add(event, "Action", uint32_value(3));
    add(event, "Profiles", uint32_value(2147483647));
    add(event, "LocalAddresses", string_value("*"));
    add(event, "RemoteAddresses", string_value("*"));
    add(event, "RemoteMachineAuthorizationList", string_value(""));
    add(event, "RemoteUserAuthorizationList", string_value(""));
    add(event, "EmbeddedContext", string_value(""));
    add(event, "Flags", uint16_value(1));
    add(event, "Active", uint16_value(1));
    add(event, "EdgeTraversal", uint16_value(0));
    add(event, "LooseSourceMapped", uint16_value(0));
    add(event, "SecurityOptions", uint16_value(0));
    add(event, "ModifyingUser", sid_value(modifying_user_sid));
    add(event, "ModifyingApplication", string_value(modifying_application));
    add(event, "SchemaVersion", uint16_value(538));
    add(event, "RuleStatus", uint32_value(65536));
    add(event, "LocalOnlyMapped", uint16_value(0));
    return event;
}

windows_event bits_transfer_started(const std::string& computer, filetime time, const std::string& job,
                                    const std::string& url, filetime file_time, std::uint64_t length) {
    windows_event event =
        log_event(bits_client, computer, time, {.event_id = 59, .version = 1, .opcode = 1, .keywords = 0x4000000000000000ull});
    event.system.activity_id = guid_from_seed(job + url);
    add(event, "transferId", guid_value(guid_from_seed(job + url)));
    add(event, "name", string_value(job));
    add(event, "Id", guid_value(guid_from_seed(url)));
    add(event, "url", string_value(url));
    add(event, "peer", string_value(""));
    add(event, "fileTime", filetime_value(file_time));
    add(event, "fileLength", uint64_value(length));
    add(event, "bytesTotal", uint64_value(length));
    add(event, "bytesTransferred", uint64_value(0));
    add(event, "bytesTransferredFromPeer", uint64_value(0));
    return event;
}

}  // namespace evtxcar::testdata
