// The one list of the C++ analytics evtxcar runs.
#include <algorithm>

#include "analytics/analytic.hpp"
#include "analytics/car_2013_05_009.hpp"
#include "analytics/car_2013_09_005.hpp"
#include "analytics/car_2013_10_001.hpp"
#include "analytics/car_2014_11_002.hpp"
#include "analytics/car_2015_07_001.hpp"
#include "analytics/car_2020_05_003.hpp"
#include "analytics/car_2020_11_010.hpp"
#include "analytics/car_2021_01_002.hpp"

namespace evtxcar {

bool analytic_settings::selected(std::string_view id) const {
    return catalogue && (only.empty() || std::find(only.begin(), only.end(), id) != only.end());
}

std::vector<std::unique_ptr<analytic>> make_analytics(const analytic_settings& settings) {
    std::vector<std::unique_ptr<analytic>> analytics;
    auto add = [&](std::unique_ptr<analytic> candidate) {
        if (settings.selected(candidate->id())) analytics.push_back(std::move(candidate));
    };
    // The catalogue's C++ analytics (the others are rules: src/analytics/car/).
    add(std::make_unique<car_2013_05_009>());
    add(std::make_unique<car_2013_09_005>());
    add(std::make_unique<car_2013_10_001>());
    add(std::make_unique<car_2014_11_002>());
    add(std::make_unique<car_2015_07_001>());
    add(std::make_unique<car_2020_05_003>());
    add(std::make_unique<car_2020_11_010>(settings));
    add(std::make_unique<car_2021_01_002>());
    return analytics;
}

std::vector<const analytic*> process_wanters(const std::vector<std::unique_ptr<analytic>>& analytics) {
    std::vector<const analytic*> wanters;
    for (const auto& candidate : analytics) {
        if (candidate->may_want_processes()) wanters.push_back(candidate.get());
    }
    return wanters;
}

bool wanted_by_any(const std::vector<const analytic*>& wanters, const car_event& event) {
    if (wanters.empty() || event.object != "process" || event.action != "create") return false;
    for (const analytic* candidate : wanters) {
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
