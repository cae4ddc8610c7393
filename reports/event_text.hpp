#pragma once
// The human-readable parts of a timeline row, shared by every writer:
// the one-line message and the `details` list of the other CAR fields.

#include <span>
#include <string>

#include "car/car_event.hpp"

namespace evtxcar {

// "Process created: cmstp.exe (pid 4242) by cmd.exe: cmstp.exe /ni /s https://..."
// The wording is data: one template per object/action for typed CAR events
// (event_text.cpp: an absent field reads "-", a [part] of the template is
// left out when a field in it is absent; the object's template with action
// "" serves its other actions), for generic events the event catalog's template for its
// provider and event id (event_catalog.hpp), else "<channel> <event id>: "
// and its first payload fields. In every message a value is cut at
// max_message_value bytes (the whole value is in the details and
// events.jsonl) and line breaks and tabs become spaces, so the message is
// one line (a PowerShell script block, a service's command line).
std::string event_message(const car_event& event);
void append_event_message(std::string& out, const car_event& event);  // the same, appended to `out`
inline constexpr std::size_t max_message_value = 200;

// Typed CAR events: "fqdn=WS01.corp.example.com; guid={...}; md5_hash=..."
// for every field of the event not in `shown`, in car_field order.
// Generic events: every payload field as name=value, the catalog's key
// fields first, then the others in record order (a field without a name is
// Data[1], Data[2], ...), then the record's level, task, opcode, keywords
// (hex) and user_sid where not zero or empty.
// A value containing ';', '=', '"', CR or LF, or starting or ending with a
// space, is written in double quotes with inner quotes doubled, so the list
// always splits unambiguously.
std::string event_details(const car_event& event, std::span<const car_field> shown);
void append_event_details(std::string& out, const car_event& event, std::span<const car_field> shown);  // appended

// The name a payload field goes by in details and events.jsonl: its own
// name, or Data[n] for the n-th field without one.
std::string payload_label(const std::vector<payload_field>& fields, std::size_t index);

// What an event's time is, in words, for timeline tools (Timesketch's
// `timestamp_desc`): every time evtxcar writes is the record's TimeCreated.
inline constexpr std::string_view event_timestamp_description = "Event Logged (TimeCreated)";

// "CAR-2020-11-010:remote; CAR-2020-11-010:cmdline-url"
std::string analytics_text(const car_event& event);
void append_analytics_text(std::string& out, const car_event& event);  // the same, appended to `out`

}  // namespace evtxcar
