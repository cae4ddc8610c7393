#pragma once
// libevtx_service: the work done in the libevtx process (child_process) for
// one file: open it with libevtx, say what libevtx sees (record counts,
// flags, version), then answer each request for a range of records with
// the records as event_records (libevtx renders the XML, event_xml.cpp
// reads it) and the failures, each with the record header's id.

#include <string>
#include <vector>

#include "child_process.hpp"

namespace evtxcar::libevtx {

// Serves `path` over `socket` until the other end closes it.
void serve_file(int socket, const std::string& path);

// The child role that serves one file: its one argument is the path.
void serve_file_role_run(int socket, const std::vector<std::string>& arguments);
inline constexpr child_role serve_file_role{"libevtx-serve-file", &serve_file_role_run};

}  // namespace evtxcar::libevtx
