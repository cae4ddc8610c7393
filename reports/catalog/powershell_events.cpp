// PowerShell's events (Microsoft-Windows-PowerShell/Operational and the
// classic "Windows PowerShell" log), as the catalog describes them. Sorted by
// event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view powershell = "Microsoft-Windows-PowerShell";

constexpr event_description entries[] = {
    {powershell, 4104, "PowerShell script block {MessageNumber} of {MessageTotal} ({Path}): {ScriptBlockText}",
     "ScriptBlockText,ScriptBlockId,Path,MessageNumber,MessageTotal"},
};

}  // namespace

std::span<const event_description> powershell_events() { return entries; }

}  // namespace evtxcar::catalog
