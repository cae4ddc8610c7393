#pragma once
// Security-auditing events about processes and connections, with the field
// names, order and value types Windows writes (checked against real logs):
//   4688 process created, in its three versions: 0 (Vista/2008: no command
//        line), 1 (adds CommandLine), 2 (Windows 10: adds the target
//        account, ParentProcessName and MandatoryLabel);
//   4689 process exited;
//   5156 connection permitted, 5157 connection blocked, 5158 bind permitted
//        (Windows Filtering Platform).
// Process ids of 4688/4689 are hexadecimal integers (HexInt64 on 64-bit
// Windows, HexInt32 on 32-bit): "0x0000000000001a2c". The filtering
// platform's ProcessID is a decimal UInt64 and its ports are strings.
// These events are written by the kernel (Execution/@ProcessID 4).

#include <cstdint>
#include <optional>
#include <string>

#include "windows_log_events.hpp"

namespace evtxcar::testdata {

// Width of a pointer-sized value (a process id) as the host writes it.
enum class pointer_width : std::uint8_t { bits32, bits64 };

struct process_creation {
    account subject;
    std::uint64_t new_process_id = 0;
    std::string new_process_name;
    std::string token_elevation_type = "%%1936";  // %%1936 full, %%1937 elevated, %%1938 limited
    std::uint64_t parent_process_id = 0;
    std::string command_line;  // version 1 and 2
    // Version 2: the account the process runs as when it is not the
    // subject's; nothing: NULL SID S-1-0-0, "-", "-", 0x0 as Windows writes it.
    std::optional<account> target;
    std::string parent_process_name;              // version 2
    std::string mandatory_label = "S-1-16-8192";  // version 2; medium integrity
};

windows_event security_process_created(const std::string& computer, filetime time, const process_creation& process,
                                       std::uint8_t version = 2, pointer_width width = pointer_width::bits64);

// 4689; `status` is the exit status (HexInt32).
windows_event security_process_exited(const std::string& computer, filetime time, const account& subject,
                                      std::uint64_t process_id, const std::string& process_name,
                                      std::uint32_t status = 0, pointer_width width = pointer_width::bits64);

inline constexpr const char* direction_inbound = "%%14592";
inline constexpr const char* direction_outbound = "%%14593";
inline constexpr const char* layer_resource_assignment = "%%14608";  // bind
inline constexpr const char* layer_receive_accept = "%%14610";       // inbound
inline constexpr const char* layer_connect = "%%14611";              // outbound
inline constexpr std::uint32_t protocol_icmp = 1;
inline constexpr std::uint32_t protocol_tcp = 6;
inline constexpr std::uint32_t protocol_udp = 17;

// One connection as the filtering platform logs it. SourceAddress and
// SourcePort are always the local end, DestAddress and DestPort the remote
// end, whichever side opened the connection; Direction says which did.
struct wfp_connection {
    std::uint64_t process_id = 0;  // decimal in the event
    std::string application;       // device path: \device\harddiskvolume2\windows\system32\cmstp.exe
    bool inbound = false;
    std::string local_address;
    std::uint16_t local_port = 0;
    std::string remote_address;
    std::uint16_t remote_port = 0;
    std::uint32_t protocol = protocol_tcp;
    std::uint64_t filter_rtid = 0;
};

// 5156 (permitted) or 5157 (blocked; keywords audit failure), version 1.
windows_event security_connection_permitted(const std::string& computer, filetime time,
                                            const wfp_connection& connection);
windows_event security_connection_blocked(const std::string& computer, filetime time,
                                          const wfp_connection& connection);
// 5158, version 0: the local end only (remote fields and direction unused).
windows_event security_bind_permitted(const std::string& computer, filetime time, const wfp_connection& connection);

}  // namespace evtxcar::testdata
