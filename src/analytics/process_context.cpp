#include "analytics/process_context.hpp"

namespace evtxcar {

void pid_tracker::observe(const car_event& event, bool wanted) {
    if (event.object != "process") return;
    const bool created = event.action == "create";
    if (!created && event.action != "terminate") return;
    const bool kept = created && wanted;
    if (!kept && live_.empty()) return;  // nothing known to forget: the usual case
    const std::string_view pid = event.text(car_field::pid);
    if (pid.empty()) return;
    std::string key = process_key(host_of(event), pid);
    if (!kept) {
        live_.erase(key);
        return;
    }
    std::vector<car_event>& copies = live_[std::move(key)];
    if (!copies.empty() && !same_event(copies.front(), event)) copies.clear();  // another process of that pid
    copies.push_back(event);
}

const car_event* pid_tracker::find(std::string_view host, std::string_view pid, std::uint32_t file_index) const {
    if (pid.empty() || live_.empty()) return nullptr;
    const auto found = live_.find(process_key(host, pid));
    if (found == live_.end() || found->second.empty()) return nullptr;
    for (const car_event& copy : found->second) {
        if (copy.file_index == file_index) return &copy;
    }
    return &found->second.front();
}

const car_event* process_context::find_for(const car_event& event) const {
    if (event.get(car_field::guid) != nullptr) return by_guid_.find_for(event);
    return by_pid_.find(host_of(event), event.text(car_field::pid), event.file_index);
}

}  // namespace evtxcar
