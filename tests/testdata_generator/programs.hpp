#pragma once
// Processes as Sysmon describes them: version resource fields of well-known
// Windows programs, and the logon session a process runs in.

#include <cstdint>
#include <string>

#include "sysmon_events.hpp"

namespace evtxcar::testdata {

struct logon_session {
    std::string user = "NT AUTHORITY\\SYSTEM";  // DOMAIN\name
    std::uint64_t logon_id = 0x3E7;
    std::uint32_t terminal_session_id = 0;
    std::string integrity_level = "System";
};

// A process of `image` started at `start` on `host`. FileVersion,
// Description, Product, Company and OriginalFileName are those of the
// program when evtxcar's table knows it, "-" otherwise; `seed` makes the
// ProcessGuid unique (use something that names the process).
sysmon_process program_process(const sysmon_host& host, filetime start, std::string_view seed, std::uint32_t process_id,
                               const std::string& image, const std::string& command_line, const logon_session& session,
                               const std::string& current_directory = "C:\\Windows\\system32\\");

// The LogonGuid Sysmon shows for a session on a host.
guid logon_guid(const sysmon_host& host, const logon_session& session);

}  // namespace evtxcar::testdata
