#pragma once
// testdata/sessions/: Security auditing beyond processes, as evtxcar maps it
// to CAR user_session and authentication and to its own account, group and
// scheduled_task objects, and to CAR service and registry.
//   DC01/Security.evtx  a domain controller: Kerberos tickets (AES and RC4),
//                       a password spray (4771), NTLM validation (4776), an
//                       account created, enabled, changed, put in Domain
//                       Admins, renamed, disabled and deleted
//   WS10/Security.evtx  a Windows 10 workstation: interactive and RDP
//                       logons after a brute force (4625), reconnect and
//                       disconnect, lock and unlock, runas (4648), a service
//                       and a scheduled task installed, a Run key written,
//                       a local Administrators member added and removed
//   WS03/Security.evtx  Windows 7: 4624 version 0
//   SRV12/Security.evtx Windows Server 2012 R2: 4624 version 1
// Generic events stay among them (4672, 4798) with their catalog messages.

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> sessions_files();

}  // namespace evtxcar::testdata
