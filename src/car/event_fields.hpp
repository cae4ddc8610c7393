#pragma once
// Reading a record's EventData by field name, and the conversions every
// sensor's mappings share: host names, path basenames, copying a field.

#include <string>
#include <string_view>

#include "car/car_event.hpp"
#include "event_record.hpp"

namespace evtxcar {

class event_fields {
public:
    explicit event_fields(const event_record& record) : record_(record) {}
    const event_record& record() const { return record_; }
    // Value of the named field, "" when the event (or its schema version) lacks it.
    std::string_view get(std::string_view name) const;

private:
    const event_record& record_;
};

// Letter case folded comparison of ASCII text (Windows names and paths).
bool iequals(std::string_view a, std::string_view b);
// The text in lower case (ASCII letters), for keys that ignore letter case;
// append_folded adds it to `out`.
std::string fold_case(std::string_view text);
void append_folded(std::string& out, std::string_view text);

// The basename of a Windows or POSIX path: "C:\Windows\cmd.exe" -> "cmd.exe".
std::string_view path_basename(std::string_view path);

// Copies a field to a CAR field (absent or empty: nothing set).
void copy_field(const event_fields& in, std::string_view name, car_event& out, car_field field);

// image_path and exe from a path field (e.g. Sysmon's "Image").
void set_image(const event_fields& in, std::string_view name, car_event& out);

// hostname and fqdn from the record's Computer.
void set_host(const event_record& record, car_event& out);

// Host, time and provenance: what every normalized event carries.
void set_provenance(const event_record& record, car_event& out);

// The record's other System values and its payload, as logged (every event
// in the timeline keeps them).
void keep_record_values(const event_record& record, car_event& out);

// A generic event (object generic_object): provenance and record values only.
void set_generic_event(const event_record& record, car_event& out);

}  // namespace evtxcar
