#include "rules/sigma_fields.hpp"

#include <array>

namespace evtxcar::rules {

namespace {

constexpr field_target car(car_field field) { return {field_target::kind::car, field}; }
constexpr field_target computed(computed_field field) {
    return {field_target::kind::computed, car_field::hostname, field};
}

// Sigma (Sysmon) names whose fact another sensor logs too: they read the CAR
// field every sensor's mapping fills (docs/data-model.md), or a value
// computed in Sysmon's form.
constexpr category_field category_table[] = {
    {"Image", car(car_field::image_path)},
    {"ProcessId", car(car_field::pid)},  // decimal whatever the sensor wrote (4688's hex too)
    {"CommandLine", car(car_field::command_line)},
    {"ParentImage", car(car_field::parent_image_path)},
    {"ParentProcessId", car(car_field::ppid)},
    {"User", computed(computed_field::user)},
    {"IntegrityLevel", car(car_field::integrity_level)},  // 4688's label SID as Sysmon's word
    {"LogonId", car(car_field::logon_id)},
    {"SourceIp", car(car_field::src_ip)},
    {"SourcePort", car(car_field::src_port)},
    {"DestinationIp", car(car_field::dest_ip)},
    {"DestinationPort", car(car_field::dest_port)},
    {"Protocol", car(car_field::transport_protocol)},
    {"Initiated", computed(computed_field::initiated)},
    {"TargetObject", computed(computed_field::target_object)},
    {"Details", car(car_field::data)},
};

struct system_name {
    std::string_view sigma;
    system_field field;
};
constexpr system_name system_names[] = {
    {"EventID", system_field::event_id},       {"Channel", system_field::channel},
    {"Provider_Name", system_field::provider_name}, {"Computer", system_field::computer},
    {"Level", system_field::level},           {"Task", system_field::task},
    {"Opcode", system_field::opcode},         {"Keywords", system_field::keywords},
    {"EventRecordID", system_field::event_record_id}, {"Version", system_field::version},
    {"Security_UserID", system_field::user_id},  // System/Security/@UserID (tag and attribute joined by _)
};

}  // namespace

field_target resolve_sigma_field(std::string_view name, bool category_rule) {
    for (const system_name& entry : system_names) {
        if (entry.sigma == name) return {field_target::kind::system, car_field::hostname, computed_field::user, entry.field};
    }
    if (category_rule) {
        for (const category_field& entry : category_table) {
            if (entry.sigma == name) return entry.target;
        }
    }
    return {};
}

std::span<const category_field> category_fields() { return category_table; }

std::string_view name_of(system_field field) {
    for (const system_name& entry : system_names) {
        if (entry.field == field) return entry.sigma;
    }
    return {};
}

}  // namespace evtxcar::rules
