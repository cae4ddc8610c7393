#pragma once
// testdata/windows-logs/: an intrusion on WS10 told by the logs besides
// Sysmon and Security auditing. A help desk account logs on over RDP from
// outside (RdpCoreTS 131, RemoteConnectionManager 261 and 1149,
// LocalSessionManager 21/22), downgrades PowerShell to 2.0 (classic log 400,
// 600, 800, 403), runs script blocks (Operational 4104 in two parts, the
// PowerShell 4.0 layout without Path, 4103), is caught by Defender (1116,
// 1117) and adds an exclusion (5007), installs a service (7045, 7036) and a
// scheduled task (106, 200, 129, 201, 140, 141), binds a WMI consumer
// (5857, 5861), opens the firewall (2004), downloads with BITS (59),
// changes the clock (Kernel-General 1) and clears the System and Security
// logs (104, 1102), then disconnects, reconnects and logs off
// (LocalSessionManager 24, 25, 23). A console logon (21 from LOCAL), a
// service state in German without a state code and a classic PowerShell
// event without its context are the bad values: each is a normalization
// warning, its value kept.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> windows_logs_files();

}  // namespace evtxcar::testdata
