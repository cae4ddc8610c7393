#pragma once
// The Sysmon event -> CAR mappings, one function per Sysmon event id, grouped
// by CAR object in one file each (process.cpp, flow.cpp, file.cpp, ...).
// Each sets object, action and fields; the dispatcher sets host and
// provenance. See docs/data-model.md for the table.

#include "car/car_event.hpp"
#include "car/normalizer.hpp"
#include "car/sysmon/sysmon_fields.hpp"

namespace evtxcar {

// The Sysmon normalizer (provider Microsoft-Windows-Sysmon).
std::unique_ptr<event_normalizer> make_sysmon_normalizer();

}  // namespace evtxcar

namespace evtxcar::sysmon {

// process.cpp
void map_process_create(const event_fields& in, car_event& out);      // 1
void map_process_terminate(const event_fields& in, car_event& out);   // 5
void map_process_access(const event_fields& in, car_event& out);      // 10
void map_process_tampering(const event_fields& in, car_event& out);   // 25
// flow.cpp
void map_network_connect(const event_fields& in, car_event& out);     // 3
// file.cpp
void map_file_time_change(const event_fields& in, car_event& out);    // 2
void map_raw_access_read(const event_fields& in, car_event& out);     // 9
void map_file_create(const event_fields& in, car_event& out);         // 11
void map_file_stream_hash(const event_fields& in, car_event& out);    // 15
void map_file_delete(const event_fields& in, car_event& out);         // 23, 26
void map_file_block(const event_fields& in, car_event& out);          // 27, 28
void map_file_executable_detected(const event_fields& in, car_event& out);  // 29
// registry.cpp
void map_registry_object(const event_fields& in, car_event& out);     // 12
void map_registry_value_set(const event_fields& in, car_event& out);  // 13
void map_registry_rename(const event_fields& in, car_event& out);     // 14
// module.cpp
void map_driver_load(const event_fields& in, car_event& out);         // 6
void map_image_load(const event_fields& in, car_event& out);          // 7
// thread.cpp
void map_remote_thread(const event_fields& in, car_event& out);       // 8
// sysmon_extras.cpp: objects CAR does not model
void map_sensor_state(const event_fields& in, car_event& out);        // 4
void map_sensor_config(const event_fields& in, car_event& out);       // 16
void map_pipe(const event_fields& in, car_event& out);                // 17, 18
void map_wmi(const event_fields& in, car_event& out);                 // 19, 20, 21
void map_dns_query(const event_fields& in, car_event& out);           // 22
void map_clipboard_change(const event_fields& in, car_event& out);    // 24
void map_sensor_error(const event_fields& in, car_event& out);        // 255
void map_unknown(const event_fields& in, car_event& out);             // any other id

}  // namespace evtxcar::sysmon
