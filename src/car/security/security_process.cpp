// Security auditing -> CAR process: create (4688), terminate (4689).
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

std::string map_process_creation(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "create";
    std::string problem;
    set_image(in, "NewProcessName", out);
    keep_first(problem, set_process_id(in, "NewProcessId", out, car_field::pid));
    // ProcessId is the creator's id: the new process's parent.
    keep_first(problem, set_process_id(in, "ProcessId", out, car_field::ppid));
    copy_field(in, "CommandLine", out, car_field::command_line);
    const std::string_view parent = in.get("ParentProcessName");
    if (!parent.empty() && parent != "-") {
        out.set(car_field::parent_image_path, std::string(parent));
        out.set(car_field::parent_exe, std::string(path_basename(parent)));
    }
    // The new process runs as the Target account when one is named
    // (version 2), else as its creator, the Subject.
    if (!set_account(in, target_account, out)) set_account(in, subject_account, out);
    const std::string_view label = in.get("MandatoryLabel");
    if (!label.empty() && label != "-") out.set(car_field::integrity_level, integrity_level_of(label));
    return problem;
}

std::string map_process_exit(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "terminate";
    set_image(in, "ProcessName", out);
    std::string problem = set_process_id(in, "ProcessId", out, car_field::pid);
    set_account(in, subject_account, out);
    return problem;
}

}  // namespace evtxcar::security
