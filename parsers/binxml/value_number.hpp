#pragma once
// value_number: the numbers the System fields take from substitution values,
// read straight from the value's bytes. Each agrees with reading the
// value's text (value_text.hpp) the way event_xml.cpp reads libevtx's XML:
// strtoull with base 0 for counts and identifiers, ISO 8601 for
// TimeCreated. Types for which that shortcut does not hold return nothing,
// and the caller reads the text instead.

#include <cstdint>
#include <optional>
#include <string>

#include "../event_record.hpp"
#include "value_ref.hpp"

namespace evtxcar::binxml {

// What strtoull(text, nullptr, 0) yields for the value's text, for integer,
// hex integer and size_t values; nothing for other types.
std::optional<std::uint64_t> value_as_unsigned(const value_ref& value);

// What parse_iso8601(text).value_or(0) yields for a FILETIME value's text;
// nothing for other types.
std::optional<filetime_ticks> value_as_filetime(const value_ref& value);

}  // namespace evtxcar::binxml
