#pragma once
// A Security auditing record built field by field (the names, order and
// value forms Windows writes) and what the Security normalizer makes of it,
// for the tests of each mapping.

#include <map>
#include <string>
#include <vector>

#include "car/normalizer.hpp"
#include "car/security/security_mappings.hpp"
#include "catch.hpp"

namespace evtxcar::test {

inline event_record security_record(std::uint32_t event_id, std::vector<payload_field> fields,
                                    std::uint8_t version = 0) {
    event_record record;
    record.provider_name = "Microsoft-Windows-Security-Auditing";
    record.channel = "Security";
    record.event_id = event_id;
    record.version = version;
    record.computer = "WS05.corp.example.com";
    record.record_id = 77;
    record.time_created = 133800000000000000ULL;
    record.file_offset = 0x2400;
    record.keywords = 0x8020000000000000ULL;  // audit success
    record.kind = payload_kind::event_data;
    record.fields = std::move(fields);
    return record;
}

struct normalized {
    bool mapped = false;
    car_event event;
    std::string problem;
    std::map<std::string, std::string> fields;

    bool has(const std::string& name) const { return fields.count(name) != 0; }
};

inline normalized normalize(const event_record& record) {
    const auto normalizer = make_security_normalizer();
    REQUIRE(normalizer->provider() == record.provider_name);
    normalized out;
    out.mapped = normalizer->normalize(record, out.event, out.problem);
    for (const car_value& value : out.event.values) out.fields.emplace(std::string(name_of(value.field)), value.text);
    return out;
}

inline const std::vector<payload_field> subject_system = {{"SubjectUserSid", "S-1-5-18"},
                                                          {"SubjectUserName", "WS05$"},
                                                          {"SubjectDomainName", "CORP"},
                                                          {"SubjectLogonId", "0x3e7"}};

// A domain administrator acting in its own logon session.
inline const std::vector<payload_field> admin_subject = {
    {"SubjectUserSid", "S-1-5-21-3623811015-3361044348-30300820-500"},
    {"SubjectUserName", "Administrator"},
    {"SubjectDomainName", "CORP"},
    {"SubjectLogonId", "0x00000000001a2b3c"}};

inline std::vector<payload_field> with(std::vector<payload_field> first, const std::vector<payload_field>& more) {
    first.insert(first.end(), more.begin(), more.end());
    return first;
}

// The record with one field's value replaced (the field must exist).
inline event_record replaced(event_record record, const std::string& name, std::string value) {
    for (payload_field& field : record.fields) {
        if (field.name == name) {
            field.value = std::move(value);
            return record;
        }
    }
    FAIL("no field " << name);
    return record;
}

// The record without one field (as an older version of the event).
inline event_record without(event_record record, const std::string& name) {
    std::erase_if(record.fields, [&name](const payload_field& field) { return field.name == name; });
    return record;
}

}  // namespace evtxcar::test
