// Remote Desktop Services' logs (LocalSessionManager, RemoteConnectionManager,
// RdpCoreTS, the RD Gateway), as the catalog describes them. Session
// events are UserData <EventXML> (fields below it: User, SessionID, ...).
// Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view local_session = "Microsoft-Windows-TerminalServices-LocalSessionManager";
constexpr std::string_view remote_connection = "Microsoft-Windows-TerminalServices-RemoteConnectionManager";
constexpr std::string_view rdp_core = "Microsoft-Windows-RemoteDesktopServices-RdpCoreTS";
constexpr std::string_view rd_gateway = "Microsoft-Windows-TerminalServices-Gateway";

constexpr event_description entries[] = {
    {local_session, 21, "Session {SessionID} logon of {User} from {Address}", "User,SessionID,Address"},
    {local_session, 22, "Shell start for {User}, session {SessionID} from {Address}", "User,SessionID,Address"},
    {local_session, 23, "Session {SessionID} logoff of {User}", "User,SessionID"},
    {local_session, 24, "Session {SessionID} of {User} disconnected from {Address}", "User,SessionID,Address"},
    {local_session, 25, "Session {SessionID} of {User} reconnected from {Address}", "User,SessionID,Address"},
    {local_session, 39, "Session {TargetSession} was disconnected by session {Source}", "TargetSession,Source"},
    {local_session, 40, "Session {Session} was disconnected (reason {Reason})", "Session,Reason"},
    {local_session, 41, "Session arbitration began for {User}, session {SessionID}", "User,SessionID"},
    {local_session, 42, "Session arbitration ended for {User}, session {SessionID}", "User,SessionID"},
    {rdp_core, 65, "RDP connection {ConnectionName} created", "ConnectionName"},
    {rdp_core, 98, "An RDP TCP connection was established", ""},
    {rdp_core, 102, "The server ended the main RDP connection with the client", ""},
    {rdp_core, 103, "RDP disconnect reason: {ReasonCode}", "ReasonCode"},
    {rdp_core, 104, "The RDP client's time zone bias is {TimezoneBiasHour} hours", "TimezoneBiasHour"},
    {rdp_core, 131, "The RDP server accepted a new {ConnType} connection from {ClientIP}", "ClientIP,ConnType"},
    {rdp_core, 140, "An RDP connection from {IPString} failed: the user name or password is not correct", "IPString"},
    {rdp_core, 148, "RDP channel {ChannelName} closed on tunnel {TunnelID}", "ChannelName,TunnelID"},
    {rd_gateway, 200, "RD Gateway: {Username} from {IpAddress} met the connection authorization policy ({AuthType})",
     "Username,IpAddress,AuthType,ErrorCode"},
    {remote_connection, 258, "RDP listener {listenerName} started listening", "listenerName"},
    {remote_connection, 261, "RDP listener {listenerName} received a connection", "listenerName"},
    {rd_gateway, 300, "RD Gateway: {Username} from {IpAddress} met the resource authorization policy for {Resource}",
     "Username,IpAddress,Resource,ErrorCode"},
    {rd_gateway, 302, "RD Gateway: {Username} from {IpAddress} connected to {Resource}",
     "Username,IpAddress,Resource,ConnectionProtocol"},
    {rd_gateway, 303, "RD Gateway: {Username} from {IpAddress} disconnected from {Resource} after {SessionDuration} s",
     "Username,IpAddress,Resource,SessionDuration,BytesReceived,BytesTransfered"},
    {remote_connection, 1149, "RDP user authentication succeeded: {Param2}\\{Param1} from {Param3}",
     "Param1,Param2,Param3"},
};

}  // namespace

std::span<const event_description> terminal_services_events() { return entries; }

}  // namespace evtxcar::catalog
