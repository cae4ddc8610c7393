// The one list of analytics evtxcar runs.
#include "analytics/analytic.hpp"
#include "analytics/car_2020_11_010.hpp"

namespace evtxcar {

std::vector<std::unique_ptr<analytic>> make_analytics(const analytic_settings& settings) {
    std::vector<std::unique_ptr<analytic>> analytics;
    analytics.push_back(std::make_unique<car_2020_11_010>(settings));
    return analytics;
}

bool wanted_by_any(const std::vector<std::unique_ptr<analytic>>& analytics, const car_event& event) {
    if (event.object != "process" || event.action != "create") return false;
    for (const auto& candidate : analytics) {
        if (candidate->wants_process(event)) return true;
    }
    return false;
}

void analytic_warnings::add_unparsable_address(const car_event& event, std::string_view address) {
    ++unparsable_addresses;
    if (examples.size() < max_examples) {
        examples.push_back(std::string(host_of(event)) + " record " + std::to_string(event.record_id) + ": '" +
                           std::string(address) + "'");
    }
}

}  // namespace evtxcar
