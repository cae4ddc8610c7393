// Scheduled tasks as the Task Scheduler logs them. (Security 4698/4699/4702
// log the same changes with the task's XML, where "Audit Other Object Access
// Events" is on.) The log's other events (100 task started, 102 finished,
// 129 task process created, ...) are generic events with the catalog's
// messages.
#include "car/taskscheduler/taskscheduler_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping taskscheduler_mappings[] = {
    {106, payload_kind::event_data, taskscheduler::map_task_registered},
    {140, payload_kind::event_data, taskscheduler::map_task_changed},
    {141, payload_kind::event_data, taskscheduler::map_task_changed},
    {200, payload_kind::event_data, taskscheduler::map_action},
    {201, payload_kind::event_data, taskscheduler::map_action},
};

}  // namespace

std::unique_ptr<event_normalizer> make_taskscheduler_normalizer() {
    return make_table_normalizer("Microsoft-Windows-TaskScheduler", taskscheduler_mappings);
}

}  // namespace evtxcar

namespace evtxcar::taskscheduler {

std::string map_task_registered(const event_fields& in, car_event& out) {
    out.object = "scheduled_task";
    out.action = "create";
    copy_field(in, "TaskName", out, car_field::task_name);
    copy_field(in, "UserContext", out, car_field::user);  // the account that registered it
    return {};
}

std::string map_task_changed(const event_fields& in, car_event& out) {
    out.object = "scheduled_task";
    out.action = in.record().event_id == 141 ? "delete" : "update";
    copy_field(in, "TaskName", out, car_field::task_name);
    copy_field(in, "UserName", out, car_field::user);
    return {};
}

std::string map_action(const event_fields& in, car_event& out) {
    out.object = "scheduled_task";
    out.action = in.record().event_id == 201 ? "complete" : "start";
    copy_field(in, "TaskName", out, car_field::task_name);
    copy_field(in, "ActionName", out, car_field::action_name);
    copy_field(in, "TaskInstanceId", out, car_field::task_instance_id);
    copy_field(in, "ResultCode", out, car_field::result_code);  // 201
    return {};
}

}  // namespace evtxcar::taskscheduler
