#include "scenario_catalog.hpp"

#include "analytics_scenario.hpp"
#include "broken_scenario.hpp"
#include "catalogue_scenarios.hpp"
#include "demo_scenario.hpp"
#include "hostile_scenario.hpp"
#include "mutation_scenario.hpp"
#include "security_scenario.hpp"
#include "sessions_scenario.hpp"
#include "structure_scenario.hpp"
#include "windows_logs_scenario.hpp"

namespace evtxcar::testdata {

std::vector<scenario_file> all_scenario_files() {
    std::vector<scenario_file> files;
    for (auto group : {demo_files, analytics_files, catalogue_files, security_files, sessions_files, windows_logs_files,
                       structure_files, hostile_files, broken_files, mutation_files}) {
        for (scenario_file& file : group()) files.push_back(std::move(file));
    }
    return files;
}

}  // namespace evtxcar::testdata
