// Code Integrity's Operational log (driver and application control), as
// the catalog describes it; the file names are in the details. Sorted by
// event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view code_integrity = "Microsoft-Windows-CodeIntegrity";

constexpr event_description entries[] = {
    {code_integrity, 3001, "Code Integrity: an unsigned kernel module was loaded", ""},
    {code_integrity, 3002, "Code Integrity could not verify a boot image: its hash was not found", ""},
    {code_integrity, 3003, "Code Integrity could not verify a file: its hash was not found", ""},
    {code_integrity, 3004, "Windows could not verify a file's integrity: its hash was not found (damaged or wrongly signed)",
     ""},
    {code_integrity, 3023, "Code Integrity blocked a driver from loading: it has been revoked", ""},
    {code_integrity, 3033, "Code Integrity: a process tried to load a file that does not meet its signing level", ""},
    {code_integrity, 3065, "Code Integrity: a process tried to load a file that does not meet the signing level requirements",
     ""},
    {code_integrity, 3076, "Code Integrity (audit): the application control policy would have blocked a file", ""},
    {code_integrity, 3077, "Code Integrity: the application control policy blocked a file", ""},
    {code_integrity, 3089, "Code Integrity: signature details of a file in an earlier event", ""},
};

}  // namespace

std::span<const event_description> codeintegrity_events() { return entries; }

}  // namespace evtxcar::catalog
