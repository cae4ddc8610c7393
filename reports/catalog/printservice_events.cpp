// The print spooler's logs (PrintService Admin and Operational), as the
// catalog describes them: printers, drivers (PrintNightmare installs one)
// and printed documents. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view print_service = "Microsoft-Windows-PrintService";

constexpr event_description entries[] = {
    {print_service, 300, "Printer {Param1} was created", "Param1"},
    {print_service, 301, "Printer {Param1} was deleted", "Param1"},
    {print_service, 307, "Document {Param2} of {Param3} on {Param4} printed on {Param5} through port {Param6}",
     "Param2,Param3,Param4,Param5,Param6,Param7,Param8"},
    {print_service, 316, "Printer driver {Param1} for {Param2} {Param3} was added or updated",
     "Param1,Param2,Param3,Param4"},
    {print_service, 808, "The print spooler failed to load plug-in module {PluginDllName} (error {ErrorCode})",
     "PluginDllName,ErrorCode"},
};

}  // namespace

std::span<const event_description> printservice_events() { return entries; }

}  // namespace evtxcar::catalog
