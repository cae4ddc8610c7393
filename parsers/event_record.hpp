#pragma once
// event_record: one EVTX record as both record engines deliver it.
//
// The record is defined by the event XML that the record renders to (the
// form libevtx's evtxexport prints). Every engine must fill it exactly as
// described here, so that records from two engines compare equal field for
// field (tests/parsers/engine_differential_test.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evtxcar {

// Windows FILETIME: 100-nanosecond ticks since 1601-01-01T00:00:00Z.
using filetime_ticks = std::uint64_t;

// One name/value pair of the record's payload, in document order.
struct payload_field {
    std::string name;
    std::string value;
    friend bool operator==(const payload_field&, const payload_field&) = default;
};

enum class payload_kind : std::uint8_t {
    none,        // neither <EventData> nor <UserData>
    event_data,  // <EventData>
    user_data,   // <UserData>
};

struct event_record {
    // --- <System>
    std::string provider_name;                   // Provider/@Name
    std::string provider_guid;                   // Provider/@Guid, as rendered: "{5770385F-C22A-...}"
    std::uint32_t event_id = 0;                  // EventID
    std::optional<std::uint16_t> event_id_qualifiers;  // EventID/@Qualifiers, when present
    std::uint8_t version = 0;                    // Version
    std::uint8_t level = 0;                      // Level
    std::uint16_t task = 0;                      // Task
    std::uint8_t opcode = 0;                     // Opcode
    std::uint64_t keywords = 0;                  // Keywords ("0x8000000000000000")
    filetime_ticks time_created = 0;             // TimeCreated/@SystemTime, full 100 ns precision
    std::uint64_t record_id = 0;                 // EventRecordID
    std::uint32_t process_id = 0;                // Execution/@ProcessID
    std::uint32_t thread_id = 0;                 // Execution/@ThreadID
    std::string channel;                         // Channel
    std::string computer;                        // Computer
    std::string user_sid;                        // Security/@UserID ("S-1-5-18"), empty when absent

    // --- payload
    // event_data: one field per child element of <EventData>, in order.
    //   name  = the child's Name attribute; when it has none, "" for <Data>
    //           and the element name otherwise (e.g. "Binary").
    //   value = the child's text content (all text below it, concatenated).
    // user_data: payload_name is the name of the single element below
    //   <UserData>; below that element, in document order, every attribute
    //   yields ("path@attribute", value) and every element without child
    //   elements yields ("path", text), where path is the element names from
    //   that root (exclusive) joined with '/'.
    payload_kind kind = payload_kind::none;
    std::string payload_name;
    std::vector<payload_field> fields;

    // --- where the record came from (not part of the event itself)
    std::uint64_t file_offset = 0;  // byte offset of the record header in the file
    bool recovered = false;         // carved from slack space (--recovered)

    // All text is valid UTF-8: entities and character references are
    // decoded, characters outside the BMP come from their surrogate pairs,
    // and invalid UTF-16 or UTF-8 becomes U+FFFD.

    // Value of the first payload field with this name, or nullptr.
    const std::string* field(std::string_view name) const;

    friend bool operator==(const event_record&, const event_record&) = default;
};

}  // namespace evtxcar
