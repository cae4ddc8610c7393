// Defender's threat events. Its other events (scans, updates, real-time
// protection switched off, configuration changed: 5001, 5007, ...) are
// generic events with the catalog's messages.
#include "car/defender/defender_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping defender_mappings[] = {
    {1116, payload_kind::event_data, defender::map_threat},
    {1117, payload_kind::event_data, defender::map_threat},
};

}  // namespace

std::unique_ptr<event_normalizer> make_defender_normalizer() {
    return make_table_normalizer("Microsoft-Windows-Windows Defender", defender_mappings);
}

}  // namespace evtxcar

namespace evtxcar::defender {

std::string file_path_of(std::string_view resources) {
    constexpr std::string_view file_prefix = "file:_";
    if (resources.starts_with(file_prefix) && resources.find("; ") == std::string_view::npos) {
        return std::string(resources.substr(file_prefix.size()));
    }
    return std::string(resources);
}

std::string map_threat(const event_fields& in, car_event& out) {
    out.object = "malware";
    out.action = in.record().event_id == 1117 ? "remediate" : "detect";
    set_image(in, "Process Name", out);
    copy_field(in, "Detection User", out, car_field::user);
    const std::string_view resources = in.get("Path");
    if (!resources.empty()) out.set(car_field::file_path, file_path_of(resources));
    copy_field(in, "Threat Name", out, car_field::threat_name);
    copy_field(in, "Threat ID", out, car_field::threat_id);
    copy_field(in, "Severity Name", out, car_field::severity);
    copy_field(in, "Category Name", out, car_field::category);
    copy_field(in, "Detection ID", out, car_field::detection_id);
    copy_field(in, "Source Name", out, car_field::detection_source);
    copy_field(in, "Action Name", out, car_field::action_taken);
    copy_field(in, "Remediation User", out, car_field::remediation_user);
    copy_field(in, "Error Code", out, car_field::error_id);
    copy_field(in, "Error Description", out, car_field::error_description);
    // Older platforms name it "Signature Version", newer ones "Security intelligence Version".
    copy_field(in, "Signature Version", out, car_field::signature_version);
    copy_field(in, "Security intelligence Version", out, car_field::signature_version);
    copy_field(in, "Engine Version", out, car_field::engine_version);
    return {};
}

}  // namespace evtxcar::defender
