#pragma once
// sigma_fields: what a Sigma field name reads in an evtxcar event. The
// table is data (sigma_fields.cpp), documented in docs/sigma-mapping.md.
//
// Rules of a category (process_creation, network_connection, ...) are
// written with Sysmon's field names. Where another sensor logs the same
// fact under another name or in another form (Security 4688's
// NewProcessName, hex process ids, 5156's Application and Direction), the
// name reads the CAR field both sensors fill, or a value computed from CAR
// fields in Sysmon's form; so one rule runs on every sensor's events alike.
// Every other name reads the payload field of that name as the record has
// it (Sysmon's own, for Sysmon events): a field another sensor never logs
// is then absent there, and coverage says so.
// Rules of a service (security, system, ...) read payload fields by their
// own names. Both read the System values the specification names (EventID,
// Channel, Provider_Name, ...).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "car/car_event.hpp"

namespace evtxcar::rules {

// Values computed from CAR fields, in the form Sysmon logs them.
enum class computed_field : std::uint8_t {
    user,           // User: the CAR user; the well-known service accounts as "NT AUTHORITY\SYSTEM" ...
    target_object,  // TargetObject: hive\key\value, as Sysmon's registry events log it
    initiated,      // Initiated: "true" when the flow is outbound, "false" inbound
};

// The record's System values, by the names the Sigma specification gives them.
enum class system_field : std::uint8_t {
    event_id, channel, provider_name, computer, level, task, opcode, keywords, event_record_id, version, user_id
};

struct field_target {
    enum class kind : std::uint8_t { car, computed, system, payload } what = kind::payload;
    car_field car = car_field::hostname;
    computed_field computed = computed_field::user;
    system_field system = system_field::event_id;
};

// What `name` reads in a rule of a category (category_rule) or of a service.
// kind::payload means: the payload field named `name`.
field_target resolve_sigma_field(std::string_view name, bool category_rule);

struct category_field {
    std::string_view sigma;  // "Image"
    field_target target;
};
// The category table (for docs and tests).
std::span<const category_field> category_fields();
std::string_view name_of(system_field field);

}  // namespace evtxcar::rules
