// OpenSSH for Windows' Operational log, as the catalog describes it: the
// server's and agent's own log lines. Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view openssh = "OpenSSH";

constexpr event_description entries[] = {
    {openssh, 4, "{process}: {payload}", "process,payload"},
};

}  // namespace

std::span<const event_description> openssh_events() { return entries; }

}  // namespace evtxcar::catalog
