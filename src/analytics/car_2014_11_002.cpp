#include "analytics/car_2014_11_002.hpp"

#include "analytics/catalogue_support.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

car_2014_11_002::car_2014_11_002() : parents_(ticks_per_day, minimum_history) {}

std::vector<analytic_variant> car_2014_11_002::variants() const {
    return {{"pseudocode",
             {"process", "create", car_field::parent_exe, "Sysmon 1, Security 4688",
              "Security 4688 logs the parent from Windows 10 on"}}};
}

void car_2014_11_002::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object != "process" || event.action != "create") return;
    if (!iequals(event.text(car_field::exe), "cmd.exe")) return;
    const std::string_view parent = event.text(car_field::parent_exe);
    if (parent.empty()) return;  // a start without its parent cannot be judged
    parents_.add(event, fold_case(parent), std::string(parent));
}

void car_2014_11_002::finish(std::vector<detection>& out) const {
    const novelty_baseline::verdict verdict = parents_.finish();
    for (const novelty_baseline::novelty& found : verdict.novelties) {
        out.push_back(catalogue_detection(
            *this, "pseudocode",
            found.shown + " started cmd.exe " + std::to_string(found.count) + " time(s) on this host in its last day (" +
                time_text(found.window_start) + " to " + time_text(found.window_end) +
                ") and never before on any host of the collection (baseline: " + std::to_string(verdict.history) +
                " cmd.exe starts before each host's last day; at least " + std::to_string(minimum_history) +
                " needed)",
            found.first, "medium", "execution"));
    }
}

}  // namespace evtxcar
