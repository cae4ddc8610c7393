#pragma once
// Sysmon events (channel Microsoft-Windows-Sysmon/Operational) with the
// field names, types and order of real Sysmon schema versions.

#include <cstdint>
#include <optional>
#include <string>

#include "guid.hpp"
#include "utc_time.hpp"
#include "windows_event.hpp"

namespace evtxcar::testdata {

using evtx_writer::filetime;
using evtx_writer::guid;
using evtx_writer::windows_event;

enum class sysmon_schema : std::uint8_t {
    v4_22,  // Sysmon 9/10: no OriginalFileName
    v4_50,  // Sysmon 13: OriginalFileName in process create and image load
    v4_90,  // Sysmon 15: also ParentUser, and User in most events
};

struct sysmon_host {
    std::string computer;  // FQDN, e.g. "WS01.corp.example.com"
    std::string address;   // the host's own IPv4 address
    sysmon_schema schema = sysmon_schema::v4_50;
    std::uint32_t sysmon_process_id = 3012;
    std::uint32_t guid_prefix = 0;  // first field of this host's ProcessGuids, as Sysmon derives it per machine
};

struct sysmon_process {
    guid process_guid;
    std::uint32_t process_id = 0;
    std::string image;
    std::string command_line;
    std::string current_directory = "C:\\Windows\\system32\\";
    std::string user = "NT AUTHORITY\\SYSTEM";
    guid logon_guid;
    std::uint64_t logon_id = 0x3E7;
    std::uint32_t terminal_session_id = 0;
    std::string integrity_level = "System";
    std::string file_version = "-";
    std::string description = "-";
    std::string product = "-";
    std::string company = "-";
    std::string original_file_name = "-";
    std::string hashes_seed;  // what Hashes are made from; empty: the image (a copy of a program keeps its hashes)
};

// A ProcessGuid as Sysmon makes them: the host's prefix, then parts from
// the start time and a per-process seed.
guid sysmon_process_guid(const sysmon_host& host, filetime start, std::string_view seed);

// "SHA1=...,MD5=...,SHA256=...,IMPHASH=..." made from `seed`, letter case ignored (not real hashes).
std::string sysmon_hashes(std::string_view seed);

struct network_connection {
    std::string protocol = "tcp";
    bool initiated = true;
    std::string source_ip;
    std::string source_hostname;
    std::uint16_t source_port = 0;
    std::string source_port_name;
    std::string destination_ip;
    std::string destination_hostname;
    std::uint16_t destination_port = 0;
    std::string destination_port_name;
    // SourceIsIpv6/DestinationIsIpv6: nothing means "the address has a colon".
    std::optional<bool> source_is_ipv6;
    std::optional<bool> destination_is_ipv6;
};

// `time` is when the event was logged (TimeCreated); UtcTime, when it
// happened, is a few milliseconds earlier.
windows_event sysmon_process_create(const sysmon_host& host, filetime time, const sysmon_process& process,
                                    const sysmon_process& parent);
windows_event sysmon_network_connection(const sysmon_host& host, filetime time, const sysmon_process& process,
                                        const network_connection& connection);
windows_event sysmon_process_terminate(const sysmon_host& host, filetime time, const sysmon_process& process);
windows_event sysmon_image_load(const sysmon_host& host, filetime time, const sysmon_process& process,
                                const std::string& image_loaded, const std::string& signature);
windows_event sysmon_file_create(const sysmon_host& host, filetime time, const sysmon_process& process,
                                 const std::string& target_filename);
// Event 12 ("CreateKey"/"DeleteKey") or 13 ("SetValue", with details).
windows_event sysmon_registry_key(const sysmon_host& host, filetime time, const sysmon_process& process,
                                  const std::string& event_type, const std::string& target_object);
windows_event sysmon_registry_value(const sysmon_host& host, filetime time, const sysmon_process& process,
                                    const std::string& target_object, const std::string& details);
// Event 17 (created) or 18 (connected).
windows_event sysmon_pipe(const sysmon_host& host, filetime time, const sysmon_process& process, bool created,
                          const std::string& pipe_name);
windows_event sysmon_dns_query(const sysmon_host& host, filetime time, const sysmon_process& process,
                               const std::string& query_name, const std::string& query_results);

}  // namespace evtxcar::testdata
