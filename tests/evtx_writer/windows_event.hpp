#pragma once
// A Windows event as a scenario describes it: the <System> values and a
// payload (EventData, UserData or none). event_template_cache turns it into
// the template instance that a record stores.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "guid.hpp"
#include "substitution_value.hpp"
#include "utc_time.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

struct system_values {
    std::string provider_name;
    std::optional<guid> provider_guid;  // Guid attribute; classic providers have none
    std::uint16_t event_id = 0;
    std::optional<std::uint16_t> qualifiers;  // EventID/@Qualifiers (classic events)
    std::uint8_t version = 0;
    std::uint8_t level = 4;
    std::uint16_t task = 0;
    std::uint8_t opcode = 0;
    std::uint64_t keywords = 0x8000000000000000ull;
    filetime time_created = 0;
    std::optional<guid> activity_id;
    std::optional<guid> related_activity_id;
    std::uint32_t process_id = 0;
    std::uint32_t thread_id = 0;
    std::string channel;
    std::string computer;                 // literal text in the template, as Windows writes it
    std::optional<std::string> user_sid;  // Security/@UserID
    // EventRecordID when it is not the record's own number: a collector's
    // ForwardedEvents log numbers its records itself, while each event keeps
    // the EventRecordID its source host gave it.
    std::optional<std::uint64_t> event_record_id;
    // Classic (pre-Vista style) events: no Version, Opcode, Correlation or
    // Execution elements in <System>.
    bool classic = false;
};

// One child of <EventData>: <Data Name="name">value</Data>, <Data>value</Data>
// (empty name), or another element such as <Binary> (element_name).
struct data_field {
    std::string name;
    substitution_value value;
    bool optional = false;  // optional substitution: a null value removes the element
    std::string element_name = "Data";
    // When not empty: fixed content written in the template (text, character
    // and entity references, CDATA) instead of a substitution of `value`.
    std::vector<xml_node> literal_content;
    // The type the template declares for the substitution; nothing: the
    // value's own type (set it when the value is null).
    std::optional<std::uint8_t> declared_type;
};

enum class payload_kind : std::uint8_t { none, event_data, user_data };

// How the payload is stored. nested: Windows' way, a <System> template whose
// last value is the payload as nested binary XML (type 0x21) with a template
// of its own. inline_template: one template holds <System> and <EventData>,
// with the data values after the system values.
enum class payload_layout : std::uint8_t { nested, inline_template };

// <RenderingInfo Culture="..."> after the payload: the event's text as the
// machine that rendered it showed it. Windows Event Forwarding stores events
// so in the collector's ForwardedEvents log (the System values stay those of
// the source host). Each text is a string substitution.
struct rendering_info {
    std::string culture = "en-US";
    std::string message;
    std::string level;
    std::string task;
    std::string opcode;
    std::string channel;
    std::string provider;
    std::vector<std::string> keywords;  // one <Keyword> each below <Keywords>
};

struct windows_event {
    system_values system;
    payload_kind kind = payload_kind::event_data;
    payload_layout layout = payload_layout::nested;
    std::vector<data_field> event_data;
    // user_data: the single element below <UserData>, as nested binary XML.
    std::optional<template_instance> user_data;
    std::optional<rendering_info> rendering;  // forwarded events
};

}  // namespace evtxcar::evtx_writer
