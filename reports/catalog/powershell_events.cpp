// PowerShell's events (Microsoft-Windows-PowerShell/Operational and the
// classic "Windows PowerShell" log, whose events carry unnamed data), as
// the catalog describes them. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view powershell = "Microsoft-Windows-PowerShell";
constexpr std::string_view windows_powershell = "PowerShell";

constexpr event_description entries[] = {
    {windows_powershell, 400, "PowerShell engine state changed from {Data[2]} to {Data[1]}", ""},
    {windows_powershell, 403, "PowerShell engine state changed from {Data[2]} to {Data[1]}", ""},
    {windows_powershell, 500, "PowerShell command {Data[1]} is {Data[2]}", ""},
    {windows_powershell, 501, "PowerShell command {Data[1]} is {Data[2]}", ""},
    {windows_powershell, 600, "PowerShell provider {Data[1]} is {Data[2]}", ""},
    {windows_powershell, 800, "PowerShell pipeline execution: {Data[1]}: {Data[3]}", ""},
    {powershell, 4100, "PowerShell error: {Payload}", "Payload,ContextInfo"},
    {powershell, 4103, "PowerShell module logging: {Payload}", "Payload,ContextInfo"},
    {powershell, 4104, "PowerShell script block {MessageNumber} of {MessageTotal} ({Path}): {ScriptBlockText}",
     "ScriptBlockText,ScriptBlockId,Path,MessageNumber,MessageTotal"},
    {powershell, 4105, "PowerShell script block {ScriptBlockId} started", "ScriptBlockId,RunspaceId"},
    {powershell, 4106, "PowerShell script block {ScriptBlockId} completed", "ScriptBlockId,RunspaceId"},
    {powershell, 40961, "The PowerShell console is starting up", ""},
    {powershell, 40962, "The PowerShell console is ready for user input", ""},
    {powershell, 53504, "PowerShell started an IPC listening thread in process {param1}, AppDomain {param2}",
     "param1,param2"},
};

}  // namespace

std::span<const event_description> powershell_events() { return entries; }

}  // namespace evtxcar::catalog
