// Sysmon -> CAR file: timestomp (2), create (11), delete (23, 26), and
// evtxcar's own actions raw_access_read (9), create_stream_hash (15),
// block_executable (27), block_shredding (28), executable_detected (29).
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

namespace {
void set_target_file(const event_fields& in, car_event& out) {
    copy_field(in, "TargetFilename", out, car_field::file_path);
}
}  // namespace

void map_file_time_change(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "timestomp";
    set_acting_process(in, out);
    set_target_file(in, out);
    copy_field(in, "CreationUtcTime", out, car_field::creation_time);
    copy_field(in, "PreviousCreationUtcTime", out, car_field::previous_creation_time);
}

void map_raw_access_read(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "raw_access_read";
    set_acting_process(in, out);
    copy_field(in, "Device", out, car_field::device);
}

void map_file_create(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "create";
    set_acting_process(in, out);
    set_target_file(in, out);
    copy_field(in, "CreationUtcTime", out, car_field::creation_time);
}

void map_file_stream_hash(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "create_stream_hash";
    set_acting_process(in, out);
    set_target_file(in, out);
    copy_field(in, "CreationUtcTime", out, car_field::creation_time);
    set_hashes(in.get("Hash"), out);
    copy_field(in, "Contents", out, car_field::stream_hash_contents);
}

void map_file_delete(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "delete";
    set_acting_process(in, out);
    set_target_file(in, out);
    set_hashes(in.get("Hashes"), out);
    copy_field(in, "IsExecutable", out, car_field::is_executable);
    copy_field(in, "Archived", out, car_field::archived);
}

void map_file_block(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = in.record().event_id == 27 ? "block_executable" : "block_shredding";
    set_acting_process(in, out);
    set_target_file(in, out);
    set_hashes(in.get("Hashes"), out);
    copy_field(in, "IsExecutable", out, car_field::is_executable);
}

void map_file_executable_detected(const event_fields& in, car_event& out) {
    out.object = "file";
    out.action = "executable_detected";
    set_acting_process(in, out);
    set_target_file(in, out);
    set_hashes(in.get("Hashes"), out);
}

}  // namespace evtxcar::sysmon
