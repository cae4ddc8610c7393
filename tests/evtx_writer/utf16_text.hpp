#pragma once
// UTF-8 <-> UTF-16 for the writer: scenario text is written in UTF-8, EVTX
// stores UTF-16LE. Tests also need UTF-16 that is not valid (lone
// surrogates), so the writer's strings are std::u16string. Written apart
// from parsers/text on purpose: what the writer means a record to say is the
// oracle the parsers are checked against.

#include <string>
#include <string_view>

#include "little_endian.hpp"

namespace evtxcar::evtx_writer {

// UTF-16 code units of valid UTF-8 text; throws std::invalid_argument on
// invalid UTF-8 (a mistake in the scenario, not data).
std::u16string utf16_from_utf8(std::string_view text);

// Appends UTF-16LE bytes (as EVTX stores text): of code units, or of valid
// UTF-8 (throws std::invalid_argument like utf16_from_utf8).
void append_utf16le(byte_buffer& out, std::u16string_view text);
void append_utf16le(byte_buffer& out, std::string_view utf8);

// UTF-8 of UTF-16 code units; a surrogate without its partner becomes U+FFFD.
std::string utf8_from_utf16(std::u16string_view text);

}  // namespace evtxcar::evtx_writer
