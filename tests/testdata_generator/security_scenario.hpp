#pragma once
// testdata/security/: CAR-2020-11-010 (CMSTP) from Windows' own auditing
// instead of Sysmon. Process creation and exit (4688 in versions 0, 1 and 2,
// 4689) give the process context; the filtering platform's connection
// events (5156 permitted, 5157 blocked, 5158 bind) give the flows.
//   WS05/Security.evtx         every variant from Security events alone,
//                              IPv6, pid reuse, blocked and bind events
//   WS07/Security.evtx         process events and no network events at all
//   WEC01/ForwardedEvents.evtx a collector's forwarded Security (WS08) and
//                              Sysmon (WS09) events, with RenderingInfo

#include <vector>

#include "scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> security_files();

}  // namespace evtxcar::testdata
