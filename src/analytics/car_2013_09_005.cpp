#include "analytics/car_2013_09_005.hpp"

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

car_2013_09_005::car_2013_09_005() : services_(ticks_per_day, minimum_history) {}

std::vector<analytic_variant> car_2013_09_005::variants() const {
    return {{"pseudocode",
             {"process", "create", car_field::parent_exe, "Sysmon 1, Security 4688",
              "Security 4688 logs the parent from Windows 10 on"}},
            {"logpoint", {"service", "create", car_field::image_path, "System 7045, Security 4697"}}};
}

void car_2013_09_005::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object == "process" && event.action == "create") {
        if (!iequals(event.text(car_field::parent_exe), "services.exe")) return;
        const std::string_view program = event.text(car_field::image_path);
        if (program.empty()) return;
        services_.add(event, fold_case(program), std::string(program));
    } else if (event.object == "service" && event.action == "create") {
        const std::string_view command = event.text(car_field::image_path);
        if (command.empty()) return;
        install& seen = installs_[fold_case(command)];
        if (seen.count++ == 0) seen.first = without_payload(event);
        ++seen.hosts[std::string(host_of(event))];
    }
}

void car_2013_09_005::finish(std::vector<detection>& out) const {
    const std::size_t first = out.size();
    const novelty_baseline::verdict verdict = services_.finish();
    for (const novelty_baseline::novelty& found : verdict.novelties) {
        out.push_back(catalogue_detection(
            *this, "pseudocode",
            "services.exe started " + found.shown + " " + std::to_string(found.count) +
                " time(s) on this host in its last day (" + time_text(found.window_start) + " to " +
                time_text(found.window_end) + ") and never before on any host of the collection (baseline: " +
                std::to_string(verdict.history) + " services.exe children before each host's last day; at least " +
                std::to_string(minimum_history) + " needed)",
            found.first, "medium", "persistence"));
    }
    std::uint64_t all = 0;
    for (const auto& [command, seen] : installs_) all += seen.count;
    for (const auto& [command, seen] : installs_) {
        if (seen.count >= rare_installs) continue;
        std::string hosts;
        for (const auto& [host, count] : seen.hosts) hosts += (hosts.empty() ? "" : ", ") + host;
        out.push_back(catalogue_detection(
            *this, "logpoint",
            "service command " + std::string(seen.first.text(car_field::image_path)) + " installed " +
                std::to_string(seen.count) + " time(s) in the collection (on " + hosts + "), fewer than " +
                std::to_string(rare_installs) + " (" + std::to_string(all) + " service installs in all, " +
                std::to_string(installs_.size()) + " distinct commands)",
            seen.first, "low", "persistence"));
    }
    sort_by_event(out, first);
}

}  // namespace evtxcar
