#pragma once
// The catalog's parts, one per log; event_catalog.cpp lists them.

#include <span>

#include "event_catalog.hpp"

namespace evtxcar::catalog {

std::span<const event_description> security_events();
std::span<const event_description> system_events();
std::span<const event_description> powershell_events();

}  // namespace evtxcar::catalog
