// Security auditing -> evtxcar's own object scheduled_task: create (4698),
// delete (4699), update (4702). The account that acted is user / uid with
// its logon id; version 1 (Windows 10 and later) adds the client process.
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

std::string map_scheduled_task(const event_fields& in, car_event& out) {
    const std::uint32_t id = in.record().event_id;
    out.object = "scheduled_task";
    out.action = id == 4698 ? "create" : id == 4699 ? "delete" : "update";
    copy_logged(in, "TaskName", out, car_field::task_name);
    // 4702 logs the task's definition after the update as TaskContentNew.
    copy_logged(in, id == 4702 ? "TaskContentNew" : "TaskContent", out, car_field::task_content);
    set_account(in, subject_account, out, account_user);
    std::string problem = set_process_id(in, "ClientProcessId", out, car_field::pid);
    keep_first(problem, set_process_id(in, "ParentProcessId", out, car_field::ppid));
    return problem;
}

}  // namespace evtxcar::security
