#pragma once
// The Task Scheduler's Operational log (provider
// Microsoft-Windows-TaskScheduler) -> evtxcar's scheduled_task object: a
// task registered (106), updated (140), deleted (141), and one of its
// actions started (200) and completed (201). docs/data-model.md has the
// table, field by field.

#include <memory>
#include <string>

#include "car/table_normalizer.hpp"

namespace evtxcar {

std::unique_ptr<event_normalizer> make_taskscheduler_normalizer();

}  // namespace evtxcar

namespace evtxcar::taskscheduler {

std::string map_task_registered(const event_fields& in, car_event& out);  // 106
std::string map_task_changed(const event_fields& in, car_event& out);     // 140 update, 141 delete
std::string map_action(const event_fields& in, car_event& out);           // 200 start, 201 complete

}  // namespace evtxcar::taskscheduler
