#pragma once
// Reads one event's XML text (as libevtx renders it) into an event_record,
// following the field rules in event_record.hpp.

#include <string>

#include "event_record.hpp"
#include "result.hpp"

namespace evtxcar {

// Parses `xml` (modified in place) into `record`. Provenance fields
// (file_offset, recovered) are left as they are. On failure the error's
// reason says what was wrong and `offset` is the position in the XML text.
result<bool> read_event_xml(std::string& xml, event_record& record);

// A System number's text as event_record reads it: decimal, or hex with
// "0x" (strtoull base 0); 0 for empty text or nullptr.
std::uint64_t parse_unsigned(const char* text);

}  // namespace evtxcar
