// The SMB server's and client's logs, as the catalog describes them; the
// addresses and names are in the details. Sorted by event id, then
// provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view smb_server = "Microsoft-Windows-SMBServer";
constexpr std::string_view smb_client = "Microsoft-Windows-SMBClient";

constexpr event_description entries[] = {
    {smb_server, 551, "SMB session authentication failed", ""},
    {smb_server, 1006, "An SMB share denied access to a client", ""},
    {smb_server, 1009, "The SMB server denied anonymous access to a client", ""},
    {smb_server, 3000, "SMB1 access from client {ClientName}", "ClientName"},
    {smb_client, 31001, "SMB client logon to {ServerName} failed for {UserName}", "ServerName,UserName"},
};

}  // namespace

std::span<const event_description> smb_events() { return entries; }

}  // namespace evtxcar::catalog
