#include "car/host_directory.hpp"

#include <algorithm>

#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

std::string_view first_label(std::string_view name) { return name.substr(0, name.find('.')); }

}  // namespace

host_directory::host_directory(const std::map<std::string, std::uint64_t>& records_by_computer) {
    // Spellings grouped by their folded form.
    std::map<std::string, std::vector<std::pair<std::string, std::uint64_t>>> by_folded;
    for (const auto& [computer, records] : records_by_computer) by_folded[fold_case(computer)].emplace_back(computer, records);

    // A bare name joins the one full name that starts with it.
    std::map<std::string, std::vector<std::string>> full_names_of_label;  // folded first label -> folded full names
    for (const auto& [folded, spellings] : by_folded) {
        if (folded.find('.') != std::string::npos) full_names_of_label[std::string(first_label(folded))].push_back(folded);
    }
    std::map<std::string, std::string> group_of;  // folded spelling -> folded host key
    for (const auto& [folded, spellings] : by_folded) {
        std::string key = folded;
        if (!folded.empty() && folded.find('.') == std::string::npos) {
            const auto found = full_names_of_label.find(folded);
            if (found != full_names_of_label.end() && found->second.size() == 1) key = found->second.front();
        }
        group_of.emplace(folded, std::move(key));
    }

    std::map<std::string, std::vector<std::pair<std::string, std::uint64_t>>> groups;  // host key -> spellings
    for (const auto& [folded, spellings] : by_folded) {
        auto& members = groups[group_of[folded]];
        members.insert(members.end(), spellings.begin(), spellings.end());
    }
    for (auto& [key, spellings] : groups) {
        host_identity host;
        // The shown name: of the spellings with a dot (else of all), the one
        // with most records, then the first in sorted order.
        const bool has_full_name = key.find('.') != std::string::npos;
        const std::pair<std::string, std::uint64_t>* best = nullptr;
        for (const auto& spelling : spellings) {
            host.records += spelling.second;
            host.logged_as.push_back(spelling.first);
            if (has_full_name && spelling.first.find('.') == std::string::npos) continue;
            if (best == nullptr || spelling.second > best->second ||
                (spelling.second == best->second && spelling.first < best->first)) {
                best = &spelling;
            }
        }
        host.name = best->first;
        host.hostname = std::string(first_label(host.name));
        if (has_full_name) host.fqdn = host.name;
        std::sort(host.logged_as.begin(), host.logged_as.end());
        hosts_.push_back(std::move(host));
    }
    std::sort(hosts_.begin(), hosts_.end(), [](const host_identity& a, const host_identity& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < hosts_.size(); ++i) {
        for (const std::string& spelling : hosts_[i].logged_as) by_spelling_.emplace(spelling, i);
    }
}

const host_identity* host_directory::find(std::string_view computer) const {
    const auto found = by_spelling_.find(std::string(computer));
    return found == by_spelling_.end() ? nullptr : &hosts_[found->second];
}

void host_directory::apply(car_event& event) const {
    const std::string_view computer = event.computer();
    const host_identity* host = find(computer);
    if (host == nullptr || host->name == computer) return;  // the usual case: nothing to change
    std::string logged(computer);
    event.set(car_field::hostname, host->hostname);
    event.set(car_field::fqdn, host->fqdn);
    event.set(car_field::computer, std::move(logged));
}

}  // namespace evtxcar
