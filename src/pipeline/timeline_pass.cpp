#include "pipeline/timeline_pass.hpp"

#include <algorithm>

namespace evtxcar {

result<timeline_pass_result> run_timeline_pass(timeline_sorter& sorter,
                                               const std::vector<std::unique_ptr<analytic>>& analytics,
                                               const process_index& processes,
                                               std::vector<std::unique_ptr<report_writer>>& writers,
                                               progress_meter& progress) {
    timeline_pass_result pass;
    std::optional<read_error> writer_failure;
    auto merged = sorter.merge([&](car_event& event) {
        const std::size_t first_new = pass.detections.size();
        for (const auto& candidate : analytics) candidate->evaluate(event, processes, pass.detections, pass.warnings);
        for (std::size_t i = first_new; i < pass.detections.size(); ++i) {
            std::string label = pass.detections[i].label();
            if (std::find(event.analytics.begin(), event.analytics.end(), label) == event.analytics.end()) {
                event.analytics.push_back(std::move(label));
            }
        }
        for (std::size_t i = first_new; i < pass.detections.size(); ++i) {
            detection& found = pass.detections[i];
            found.event.analytics = event.analytics;
            if (!found.process) {
                if (const car_event* process = processes.find_for(event)) found.process = *process;
            }
        }
        ++pass.events;
        progress.add_records(1);
        for (auto& writer : writers) {
            auto written = writer->write_event(event);
            if (!written) {
                writer_failure = written.error();
                return false;
            }
        }
        return true;
    });
    if (writer_failure) return *writer_failure;
    if (!merged) return merged.error();
    return pass;
}

}  // namespace evtxcar
