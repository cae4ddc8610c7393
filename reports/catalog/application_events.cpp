// The Application log's events: program crashes and hangs, Windows Error
// Reporting, Windows Installer, the Security Center, SQL Server logons.
// Most of them carry unnamed data (Data[n], in the message's order).
// Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view application_error = "Application Error";
constexpr std::string_view application_hang = "Application Hang";
constexpr std::string_view error_reporting = "Windows Error Reporting";
constexpr std::string_view msi_installer = "MsiInstaller";
constexpr std::string_view security_center = "SecurityCenter";
constexpr std::string_view audit_cve = "Microsoft-Windows-Audit-CVE";
constexpr std::string_view sql_server = "MSSQLSERVER";
constexpr std::string_view vss = "VSS";

constexpr event_description entries[] = {
    {audit_cve, 1, "Possible exploitation attempt of {CVEID}: {AdditionalDetails}", "CVEID,AdditionalDetails"},
    {security_center, 15, "Security Center: {Data[1]} is now {Data[2]}", ""},
    {application_error, 1000, "{Data[1]} {Data[2]} crashed in {Data[4]} {Data[5]} (exception {Data[7]}, offset {Data[8]}, pid {Data[9]}): {Data[11]}",
     ""},
    {error_reporting, 1001, "Windows Error Reporting: {Data[3]} ({Data[4]}), P1 {Data[6]}, P2 {Data[7]}", ""},
    {application_hang, 1002, "{Data[1]} {Data[2]} stopped responding and was closed", ""},
    {msi_installer, 1022, "Windows Installer installed update {Data[2]} for {Data[1]}", ""},
    {msi_installer, 1033, "Windows Installer installed {Data[1]} {Data[2]} of {Data[5]} (status {Data[4]})", ""},
    {msi_installer, 1034, "Windows Installer removed {Data[1]} {Data[2]} of {Data[5]} (status {Data[4]})", ""},
    {msi_installer, 1040, "Windows Installer transaction started: {Data[1]} (client pid {Data[2]})", ""},
    {msi_installer, 1042, "Windows Installer transaction ended: {Data[1]} (client pid {Data[2]})", ""},
    {vss, 8224, "The Volume Shadow Copy service is shutting down after its idle timeout", ""},
    {msi_installer, 11707, "Windows Installer: {Data[1]}", ""},
    {msi_installer, 11708, "Windows Installer: {Data[1]}", ""},
    {msi_installer, 11724, "Windows Installer: {Data[1]}", ""},
    {msi_installer, 11728, "Windows Installer: {Data[1]}", ""},
    {sql_server, 18456, "SQL Server logon failed for {Data[1]}:{Data[2]}{Data[3]}", ""},
};

}  // namespace

std::span<const event_description> application_events() { return entries; }

}  // namespace evtxcar::catalog
