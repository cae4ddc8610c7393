#include "sysmon_events.hpp"

#include "little_endian.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* sysmon_provider = "Microsoft-Windows-Sysmon";
constexpr const char* sysmon_provider_guid = "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}";
constexpr const char* sysmon_channel = "Microsoft-Windows-Sysmon/Operational";
constexpr filetime logging_delay = 3 * ticks_per_millisecond + 4817;

windows_event sysmon_event(const sysmon_host& host, filetime time, std::uint16_t event_id, std::uint8_t version) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = sysmon_provider;
    s.provider_guid = parse_guid(sysmon_provider_guid);
    s.event_id = event_id;
    s.version = version;
    s.level = 4;
    s.task = event_id;
    s.opcode = 0;
    s.keywords = 0x8000000000000000ull;
    s.time_created = time;
    s.process_id = host.sysmon_process_id;
    s.thread_id = host.sysmon_process_id + 1112 + static_cast<std::uint32_t>(time / ticks_per_second % 5) * 4;
    s.channel = sysmon_channel;
    s.computer = host.computer;
    s.user_sid = "S-1-5-18";
    return event;
}

std::string utc_time_text(filetime time) { return format_utc(time - logging_delay, 3, ' ', ""); }

void add(windows_event& event, const char* name, substitution_value value) {
    event.event_data.push_back({name, std::move(value)});
}

// The fields every per-process event starts with.
void add_process_header(windows_event& event, filetime time, const sysmon_process& process) {
    add(event, "RuleName", string_value("-"));
    add(event, "UtcTime", string_value(utc_time_text(time)));
    add(event, "ProcessGuid", guid_value(process.process_guid));
    add(event, "ProcessId", uint32_value(process.process_id));
}

bool has_user_everywhere(const sysmon_host& host) { return host.schema == sysmon_schema::v4_90; }
bool has_original_file_name(const sysmon_host& host) { return host.schema != sysmon_schema::v4_22; }

// `digits` uppercase hex digits drawn from a 64-bit LCG seeded with `seed`.
std::string hex_of(std::uint64_t seed, std::size_t digits) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string text;
    text.reserve(digits);
    while (text.size() < digits) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        for (int shift = 60; shift >= 0 && text.size() < digits; shift -= 4) text += hex[(seed >> shift) & 15];
    }
    return text;
}

}  // namespace

guid sysmon_process_guid(const sysmon_host& host, filetime start, std::string_view seed) {
    guid value = guid_from_seed(std::string(host.computer) + "|" + std::string(seed));
    store_le(value.bytes.data(), host.guid_prefix);
    const auto seconds = static_cast<std::uint32_t>(start / ticks_per_second - 11644473600ull);  // Unix time
    store_le(value.bytes.data() + 4, static_cast<std::uint16_t>(seconds >> 16));
    store_le(value.bytes.data() + 6, static_cast<std::uint16_t>(seconds));
    return value;
}

std::string sysmon_hashes(std::string_view seed) {
    // Letter case folded: one file has one hash, however its path is written.
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const char c : seed) {
        const char folded = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        h = (h ^ static_cast<unsigned char>(folded)) * 0x100000001B3ull;
    }
    return "SHA1=" + hex_of(h, 40) + ",MD5=" + hex_of(h ^ 1, 32) + ",SHA256=" + hex_of(h ^ 2, 64) +
           ",IMPHASH=" + hex_of(h ^ 3, 32);
}

windows_event sysmon_process_create(const sysmon_host& host, filetime time, const sysmon_process& process,
                                    const sysmon_process& parent) {
    windows_event event = sysmon_event(host, time, 1, 5);
    add_process_header(event, time, process);
    add(event, "Image", string_value(process.image));
    add(event, "FileVersion", string_value(process.file_version));
    add(event, "Description", string_value(process.description));
    add(event, "Product", string_value(process.product));
    add(event, "Company", string_value(process.company));
    if (has_original_file_name(host)) add(event, "OriginalFileName", string_value(process.original_file_name));
    add(event, "CommandLine", string_value(process.command_line));
    add(event, "CurrentDirectory", string_value(process.current_directory));
    add(event, "User", string_value(process.user));
    add(event, "LogonGuid", guid_value(process.logon_guid));
    add(event, "LogonId", hex_int64_value(process.logon_id));
    add(event, "TerminalSessionId", uint32_value(process.terminal_session_id));
    add(event, "IntegrityLevel", string_value(process.integrity_level));
    add(event, "Hashes", string_value(sysmon_hashes(process.hashes_seed.empty() ? process.image : process.hashes_seed)));
    add(event, "ParentProcessGuid", guid_value(parent.process_guid));
    add(event, "ParentProcessId", uint32_value(parent.process_id));
    add(event, "ParentImage", string_value(parent.image));
    add(event, "ParentCommandLine", string_value(parent.command_line));
    if (has_user_everywhere(host)) add(event, "ParentUser", string_value(parent.user));
    return event;
}

windows_event sysmon_network_connection(const sysmon_host& host, filetime time, const sysmon_process& process,
                                        const network_connection& c) {
    windows_event event = sysmon_event(host, time, 3, 5);
    add_process_header(event, time, process);
    add(event, "Image", string_value(process.image));
    add(event, "User", string_value(process.user));
    add(event, "Protocol", string_value(c.protocol));
    add(event, "Initiated", bool_value(c.initiated));
    add(event, "SourceIsIpv6", bool_value(c.source_is_ipv6.value_or(c.source_ip.find(':') != std::string::npos)));
    add(event, "SourceIp", string_value(c.source_ip));
    add(event, "SourceHostname", string_value(c.source_hostname));
    add(event, "SourcePort", uint16_value(c.source_port));
    add(event, "SourcePortName", string_value(c.source_port_name));
    add(event, "DestinationIsIpv6",
        bool_value(c.destination_is_ipv6.value_or(c.destination_ip.find(':') != std::string::npos)));
    add(event, "DestinationIp", string_value(c.destination_ip));
    add(event, "DestinationHostname", string_value(c.destination_hostname));
    add(event, "DestinationPort", uint16_value(c.destination_port));
    add(event, "DestinationPortName", string_value(c.destination_port_name));
    return event;
}

windows_event sysmon_process_terminate(const sysmon_host& host, filetime time, const sysmon_process& process) {
    windows_event event = sysmon_event(host, time, 5, 3);
    add_process_header(event, time, process);
    add(event, "Image", string_value(process.image));
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

windows_event sysmon_image_load(const sysmon_host& host, filetime time, const sysmon_process& process,
                                const std::string& image_loaded, const std::string& signature) {
    windows_event event = sysmon_event(host, time, 7, 3);
    add_process_header(event, time, process);
    add(event, "Image", string_value(process.image));
    add(event, "ImageLoaded", string_value(image_loaded));
    const bool microsoft = signature == "Microsoft Windows";
    add(event, "FileVersion", string_value(microsoft ? "10.0.19041.3636 (WinBuild.160101.0800)" : "-"));
    add(event, "Description", string_value("-"));
    add(event, "Product", string_value(microsoft ? "Microsoft\u00AE Windows\u00AE Operating System" : "-"));
    add(event, "Company", string_value(microsoft ? "Microsoft Corporation" : "-"));
    if (has_original_file_name(host)) {
        const std::size_t slash = image_loaded.find_last_of('\\');
        add(event, "OriginalFileName", string_value(image_loaded.substr(slash + 1)));
    }
    add(event, "Hashes", string_value(sysmon_hashes(image_loaded)));
    add(event, "Signed", string_value(signature.empty() ? "false" : "true"));
    add(event, "Signature", string_value(signature));
    add(event, "SignatureStatus", string_value(signature.empty() ? "Unavailable" : "Valid"));
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

windows_event sysmon_file_create(const sysmon_host& host, filetime time, const sysmon_process& process,
                                 const std::string& target_filename) {
    windows_event event = sysmon_event(host, time, 11, 2);
    add_process_header(event, time, process);
    add(event, "Image", string_value(process.image));
    add(event, "TargetFilename", string_value(target_filename));
    add(event, "CreationUtcTime", string_value(utc_time_text(time)));
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

namespace {

windows_event registry_event(const sysmon_host& host, filetime time, std::uint16_t event_id,
                             const sysmon_process& process, const std::string& event_type,
                             const std::string& target_object) {
    windows_event event = sysmon_event(host, time, event_id, 2);
    add(event, "RuleName", string_value("-"));
    add(event, "EventType", string_value(event_type));
    add(event, "UtcTime", string_value(utc_time_text(time)));
    add(event, "ProcessGuid", guid_value(process.process_guid));
    add(event, "ProcessId", uint32_value(process.process_id));
    add(event, "Image", string_value(process.image));
    add(event, "TargetObject", string_value(target_object));
    return event;
}

}  // namespace

windows_event sysmon_registry_key(const sysmon_host& host, filetime time, const sysmon_process& process,
                                  const std::string& event_type, const std::string& target_object) {
    windows_event event = registry_event(host, time, 12, process, event_type, target_object);
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

windows_event sysmon_registry_value(const sysmon_host& host, filetime time, const sysmon_process& process,
                                    const std::string& target_object, const std::string& details) {
    windows_event event = registry_event(host, time, 13, process, "SetValue", target_object);
    add(event, "Details", string_value(details));
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

windows_event sysmon_pipe(const sysmon_host& host, filetime time, const sysmon_process& process, bool created,
                          const std::string& pipe_name) {
    windows_event event = sysmon_event(host, time, created ? 17 : 18, 1);
    add(event, "RuleName", string_value("-"));
    if (host.schema != sysmon_schema::v4_22)
        add(event, "EventType", string_value(created ? "CreatePipe" : "ConnectPipe"));
    add(event, "UtcTime", string_value(utc_time_text(time)));
    add(event, "ProcessGuid", guid_value(process.process_guid));
    add(event, "ProcessId", uint32_value(process.process_id));
    add(event, "PipeName", string_value(pipe_name));
    add(event, "Image", string_value(process.image));
    return event;
}

windows_event sysmon_dns_query(const sysmon_host& host, filetime time, const sysmon_process& process,
                               const std::string& query_name, const std::string& query_results) {
    windows_event event = sysmon_event(host, time, 22, 5);
    add_process_header(event, time, process);
    add(event, "QueryName", string_value(query_name));
    add(event, "QueryStatus", string_value("0"));
    add(event, "QueryResults", string_value(query_results));
    add(event, "Image", string_value(process.image));
    if (has_user_everywhere(host)) add(event, "User", string_value(process.user));
    return event;
}

}  // namespace evtxcar::testdata
