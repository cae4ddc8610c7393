// Sysmon -> CAR process: create (1), terminate (5), access (10), and
// evtxcar's own action tamper (25).
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

void map_process_create(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "create";
    set_acting_process(in, out);
    copy_field(in, "CommandLine", out, car_field::command_line);
    copy_field(in, "CurrentDirectory", out, car_field::current_working_directory);
    copy_field(in, "IntegrityLevel", out, car_field::integrity_level);
    copy_field(in, "OriginalFileName", out, car_field::original_file_name);
    copy_field(in, "FileVersion", out, car_field::file_version);
    copy_field(in, "Description", out, car_field::description);
    copy_field(in, "Product", out, car_field::product);
    copy_field(in, "Company", out, car_field::company);
    copy_field(in, "LogonGuid", out, car_field::logon_guid);
    copy_field(in, "LogonId", out, car_field::logon_id);
    copy_field(in, "TerminalSessionId", out, car_field::terminal_session_id);
    set_hashes(in.get("Hashes"), out);
    copy_field(in, "ParentProcessGuid", out, car_field::parent_guid);
    copy_field(in, "ParentProcessId", out, car_field::ppid);
    const std::string_view parent = in.get("ParentImage");
    if (!parent.empty()) {
        out.set(car_field::parent_image_path, std::string(parent));
        out.set(car_field::parent_exe, std::string(path_basename(parent)));
    }
    copy_field(in, "ParentCommandLine", out, car_field::parent_command_line);
}

void map_process_terminate(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "terminate";
    set_acting_process(in, out);
}

void map_process_access(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "access";
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "SourceProcessGUID", out, car_field::guid);
    copy_field(in, "SourceProcessGuid", out, car_field::guid);
    copy_field(in, "SourceProcessId", out, car_field::pid);
    copy_field(in, "SourceThreadId", out, car_field::tid);
    set_image(in, "SourceImage", out);
    set_user(in, "SourceUser", out);
    copy_field(in, "TargetProcessGUID", out, car_field::target_guid);
    copy_field(in, "TargetProcessGuid", out, car_field::target_guid);
    copy_field(in, "TargetProcessId", out, car_field::target_pid);
    copy_field(in, "TargetImage", out, car_field::target_image_path);
    copy_field(in, "GrantedAccess", out, car_field::access_level);
    copy_field(in, "CallTrace", out, car_field::call_trace);
}

void map_process_tampering(const event_fields& in, car_event& out) {
    out.object = "process";
    out.action = "tamper";
    set_acting_process(in, out);
    copy_field(in, "Type", out, car_field::type);
}

}  // namespace evtxcar::sysmon
