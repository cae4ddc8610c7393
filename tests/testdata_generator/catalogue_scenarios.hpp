#pragma once
// testdata/analytics/<CAR id>/: the cases of every analytic of the CAR
// catalogue evtxcar runs (src/analytics/car/, docs/analytics/), each built
// from the analytic's own text (the programs, command lines, parents and
// registry keys it names): at least one case it must find and one it must
// not, on Sysmon and, where the events exist there, on Security auditing
// alone. Every record lists every detection it is designed to produce,
// from any analytic of the catalogue (scanning one analytic's folder with
// the whole catalogue on gives exactly those).

#include <string>
#include <vector>

#include "catalogue_log.hpp"
#include "windows_log_events.hpp"
#include "scenario.hpp"

namespace evtxcar::testdata {

// "CAR-2013-02-003:pseudocode"
inline std::string car_label(const char* id, const char* variant) { return std::string(id) + ":" + variant; }

// What the catalogue's cases add to the tree, one group per file.
void catalogue_process_cases(std::vector<scenario_file>& out);   // process/create analytics
void catalogue_object_cases(std::vector<scenario_file>& out);    // registry, files, threads, flows, sessions, services, logs
void catalogue_join_cases(std::vector<scenario_file>& out);      // correlations (joins, sequences, counts)
void catalogue_baseline_cases(std::vector<scenario_file>& out);  // the C++ analytics (collection baselines)

std::vector<scenario_file> catalogue_files();

// A process_spec of `image` with `command_line`, started by `parent_image`.
process_spec program(const std::string& image, const std::string& command_line = {},
                     const std::string& parent_image = explorer_image, const std::string& parent_command_line = {});
// The same process as SYSTEM, or at another integrity level.
process_spec as_system(process_spec spec);
process_spec with_integrity(process_spec spec, const std::string& integrity);
// A network logon (type 3) by Kerberos, as a server logs it (4624).
logon_details network_logon();
// Appends `log`'s files to `out`.
void add_files(std::vector<scenario_file>& out, const catalogue_log& log, const std::string& exercises);

// Names the cases share.
inline const std::string sys32 = R"(C:\Windows\System32\)";
inline const std::string cmd_image = sys32 + "cmd.exe";
inline const std::string services_image = sys32 + "services.exe";
inline const std::string own_ip = "10.30.1.10";  // the Sysmon host's address
inline const std::string tester_user_sid = "S-1-5-21-3958402125-1735296127-2840197753-1107";
inline const labels none;
inline const std::string cmd_label = car_label("CAR-2013-02-003", "pseudocode");             // cmd.exe started
inline const std::string host_discovery = car_label("CAR-2016-03-001", "pseudocode");        // hostname, net, whoami...
inline const std::string dumping_logons = car_label("CAR-2015-07-001", "pseudocode");        // on lsass dumps
inline const std::string rare_install = car_label("CAR-2013-09-005", "logpoint");            // a service installed < 5 times

}  // namespace evtxcar::testdata
