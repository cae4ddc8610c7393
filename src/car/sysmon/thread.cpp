// Sysmon -> CAR thread/remote_create (8). The source process is also the
// event's acting process (image_path, pid, guid), as on every other object.
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

void map_remote_thread(const event_fields& in, car_event& out) {
    out.object = "thread";
    out.action = "remote_create";
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "SourceProcessGuid", out, car_field::guid);
    copy_field(in, "SourceProcessId", out, car_field::pid);
    copy_field(in, "SourceProcessId", out, car_field::src_pid);
    set_image(in, "SourceImage", out);
    set_user(in, "SourceUser", out);
    copy_field(in, "TargetProcessGuid", out, car_field::target_guid);
    copy_field(in, "TargetProcessId", out, car_field::tgt_pid);
    copy_field(in, "TargetImage", out, car_field::target_image_path);
    copy_field(in, "NewThreadId", out, car_field::tgt_tid);
    copy_field(in, "StartAddress", out, car_field::start_address);
    copy_field(in, "StartModule", out, car_field::start_module);
    copy_field(in, "StartFunction", out, car_field::start_function);
}

}  // namespace evtxcar::sysmon
