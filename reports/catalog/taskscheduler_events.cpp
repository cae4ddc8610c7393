// The Task Scheduler's Operational log, as the catalog describes it.
// Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view task_scheduler = "Microsoft-Windows-TaskScheduler";

constexpr event_description entries[] = {
    {task_scheduler, 100, "Task {TaskName} started for {UserContext} (instance {InstanceId})",
     "TaskName,UserContext,InstanceId"},
    {task_scheduler, 101, "Task {TaskName} failed to start for {UserContext}: {ResultCode}",
     "TaskName,UserContext,ResultCode"},
    {task_scheduler, 102, "Task {TaskName} finished for {UserContext} (instance {InstanceId})",
     "TaskName,UserContext,InstanceId"},
    {task_scheduler, 103, "Task {TaskName} failed to start one of its actions", "TaskName"},
    {task_scheduler, 106, "Task {TaskName} registered by {UserContext}", "TaskName,UserContext"},
    {task_scheduler, 107, "Task {TaskName} triggered on its schedule (instance {InstanceId})", "TaskName,InstanceId"},
    {task_scheduler, 108, "Task {TaskName} triggered by an event (instance {InstanceId})", "TaskName,InstanceId"},
    {task_scheduler, 110, "Task {TaskName} triggered by {UserContext} (instance {InstanceId})",
     "TaskName,UserContext,InstanceId"},
    {task_scheduler, 111, "Task {TaskName} terminated (instance {InstanceId})", "TaskName,InstanceId"},
    {task_scheduler, 118, "Task {TaskName} triggered at system startup (instance {InstanceId})", "TaskName,InstanceId"},
    {task_scheduler, 119, "Task {TaskName} triggered at the logon of {UserName} (instance {InstanceId})",
     "TaskName,UserName,InstanceId"},
    {task_scheduler, 129, "Task {TaskName} started process {Path} (pid {ProcessID})", "TaskName,Path,ProcessID"},
    {task_scheduler, 140, "Task {TaskName} updated by {UserName}", "TaskName,UserName"},
    {task_scheduler, 141, "Task {TaskName} deleted by {UserName}", "TaskName,UserName"},
    {task_scheduler, 142, "Task {TaskName} disabled by {UserName}", "TaskName,UserName"},
    {task_scheduler, 200, "Task {TaskName} started action {ActionName} (instance {TaskInstanceId})",
     "TaskName,ActionName,TaskInstanceId"},
    {task_scheduler, 201, "Task {TaskName} completed action {ActionName} with result {ResultCode} (instance {TaskInstanceId})",
     "TaskName,ActionName,ResultCode,TaskInstanceId"},
    {task_scheduler, 202, "Task {TaskName} failed to complete one of its actions", "TaskName"},
    {task_scheduler, 203, "Task {TaskName} failed to start action {ActionName}: {ResultCode}",
     "TaskName,ActionName,ResultCode"},
    {task_scheduler, 322, "Task {TaskName}: a launch request was ignored, an instance is already running", "TaskName"},
    {task_scheduler, 325, "Task {TaskName}: a launch request was queued", "TaskName"},
    {task_scheduler, 329, "Task {TaskName} was stopped: it ran longer than its time limit", "TaskName"},
};

}  // namespace

std::span<const event_description> taskscheduler_events() { return entries; }

}  // namespace evtxcar::catalog
