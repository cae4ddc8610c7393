#pragma once
// Security identifiers in their binary form (as SID substitution values hold them).

#include <string_view>

#include "little_endian.hpp"

namespace evtxcar::evtx_writer {

// "S-1-5-21-1004336348-1177238915-682003330-1001" -> revision, sub-authority
// count, 48-bit big-endian authority, 32-bit little-endian sub-authorities.
// Throws std::invalid_argument for text that is not a SID.
byte_buffer encode_sid(std::string_view text);

}  // namespace evtxcar::evtx_writer
