#pragma once
// Remote Desktop Services' logs -> CAR user_session, one normalizer per
// provider:
//  - Microsoft-Windows-TerminalServices-RemoteConnectionManager: 1149, an
//    RDP user authenticated (UserData EventXML Param1 user, Param2 domain,
//    Param3 client address);
//  - Microsoft-Windows-TerminalServices-LocalSessionManager: 21 logon,
//    22 shell start, 23 logoff, 24 disconnect, 25 reconnect (UserData
//    EventXML User, SessionID, Address).
// docs/data-model.md has the table, field by field.

#include <memory>
#include <string>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_remote_connection_normalizer();
std::unique_ptr<event_normalizer> make_local_session_normalizer();

}  // namespace evtxcar

namespace evtxcar::terminal_services {

// Security's logon type number for a remote interactive (RDP) logon.
inline constexpr std::string_view remote_interactive_logon = "10";

std::string map_rdp_authenticated(const event_fields& in, car_event& out);  // 1149
std::string map_local_session(const event_fields& in, car_event& out);      // 21-25

}  // namespace evtxcar::terminal_services
