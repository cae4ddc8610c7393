#pragma once
// Many small, ordinary Sysmon events (process terminate, file create,
// registry key) for logs whose size matters more than their story.

#include <string>
#include <vector>

#include "scenario.hpp"
#include "sysmon_events.hpp"

namespace evtxcar::testdata {

std::vector<scenario_record> bulk_sysmon_records(const sysmon_host& host, filetime start, unsigned count,
                                                 std::uint64_t seed, const std::string& label);

}  // namespace evtxcar::testdata
