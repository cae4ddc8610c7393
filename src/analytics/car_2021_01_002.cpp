#include "analytics/car_2021_01_002.hpp"

#include <algorithm>

#include <cstdio>

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

std::vector<analytic_variant> car_2021_01_002::variants() const {
    return {{"splunk", {"process", "create", car_field::command_line, "Sysmon 1, Security 4688",
                        "Security 4688 logs the command line only with command-line process auditing on"}}};
}

void car_2021_01_002::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object != "process" || event.action != "create") return;
    const std::string* line = event.get(car_field::command_line);
    if (line == nullptr) return;
    host& on = hosts_[fold_case(host_of(event))];
    ++on.lines;
    // Characters, as a person reads the line: UTF-8 bytes other than continuation bytes.
    const auto length = static_cast<std::size_t>(
        std::count_if(line->begin(), line->end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    on.characters += length;
    std::string key = fold_case(*line);
    if (auto found = on.longest.find(key); found != on.longest.end()) {
        ++found->second.runs;
        return;
    }
    if (on.longest.size() >= kept_per_host) {
        const auto shortest = on.by_length.begin();
        if (shortest->first >= length) return;  // not among the longest
        on.longest.erase(shortest->second);
        on.by_length.erase(shortest);
    }
    on.by_length.emplace(length, key);
    on.longest.emplace(key, long_line{length, key, without_payload(event), 1});
}

void car_2021_01_002::finish(std::vector<detection>& out) const {
    const std::size_t first = out.size();
    for (const auto& [name, on] : hosts_) {
        if (on.lines < minimum_command_lines) continue;
        const double mean = static_cast<double>(on.characters) / static_cast<double>(on.lines);
        const double threshold = times_mean * mean;
        char numbers[64];
        std::snprintf(numbers, sizeof numbers, "%.1f characters, threshold %.1f", mean, threshold);
        for (const auto& [key, line] : on.longest) {
            if (static_cast<double>(line.length) <= threshold) continue;
            out.push_back(catalogue_detection(
                *this, "splunk",
                "command line of " + std::to_string(line.length) + " characters (" + std::to_string(line.runs) +
                    " run(s)); the " + std::to_string(on.lines) + " command lines of this host average " + numbers +
                    " (10 x the mean)",
                line.first, "low", "execution"));
        }
    }
    sort_by_event(out, first);
}

}  // namespace evtxcar
