// Sysmon -> CAR driver/load (6) and module/load (7).
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

void map_driver_load(const event_fields& in, car_event& out) {
    out.object = "driver";
    out.action = "load";
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    // The driver file is the driver's image_path in CAR.
    copy_field(in, "ImageLoaded", out, car_field::image_path);
    set_hashes(in.get("Hashes"), out);
    set_signature(in, out);
}

void map_image_load(const event_fields& in, car_event& out) {
    out.object = "module";
    out.action = "load";
    set_acting_process(in, out);
    copy_field(in, "ImageLoaded", out, car_field::module_path);
    copy_field(in, "OriginalFileName", out, car_field::original_file_name);
    copy_field(in, "FileVersion", out, car_field::file_version);
    copy_field(in, "Description", out, car_field::description);
    copy_field(in, "Product", out, car_field::product);
    copy_field(in, "Company", out, car_field::company);
    set_hashes(in.get("Hashes"), out);
    set_signature(in, out);
}

}  // namespace evtxcar::sysmon
