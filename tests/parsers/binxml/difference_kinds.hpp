#pragma once
// difference_kinds: the documented kinds of difference between the libevtx
// engine and the fast engine (docs/engine-differences.md), each recognised
// from the data itself.

#include <cstdint>
#include <string>

#include "engine_output.hpp"

namespace evtxcar::testing {

// The documented kinds (categories of the differential test).
inline constexpr const char* kind_unescaped_ansi_markup =
    "libevtx reads markup in an ANSI string value as XML (it does not escape ANSI strings)";
inline constexpr const char* kind_live_after_damage =
    "libevtx delivers the records after a damaged record only as recovered records";
inline constexpr const char* kind_entity_reference_in_attribute =
    "libevtx fails on an entity reference in an attribute value";
inline constexpr const char* kind_no_dependency_id =
    "libevtx fails on element starts written without a dependency id (forwarded events)";
inline constexpr const char* kind_character_reference = "libevtx fails on a character reference";
inline constexpr const char* kind_xml_does_not_parse =
    "libevtx writes XML that does not parse (an unescaped attribute value or ANSI string)";
inline constexpr const char* kind_negative_integer =
    "libevtx writes a negative integer as '-' and the magnitude of its low bits";
inline constexpr const char* kind_outside_bmp =
    "libevtx decodes a character outside the BMP 0x3FF too low (surrogate pair arithmetic)";
inline constexpr const char* kind_after_lone_surrogate = "libevtx drops the character after an unpaired high surrogate";
inline constexpr const char* kind_leading_bom = "libevtx drops a byte-order mark that starts a string";
inline constexpr const char* kind_cdata_element =
    "libevtx drops an element that holds a CDATA section (it renders the section in its place)";
inline constexpr const char* kind_lone_special_character =
    "libevtx fails on an element whose whole text is one '&', '<' or '>'";
inline constexpr const char* kind_truncated_chunk =
    "libevtx skips a chunk the end of the file cuts short (the fast engine reads its whole records)";
inline constexpr const char* kind_record_at_chunk_end =
    "libevtx does not deliver a live record that ends exactly at the end of its chunk";
inline constexpr const char* kind_overwritten_template =
    "libevtx carves a record through a template or name overwritten since (the fast engine refuses it)";

// The category of a pair of records for the same event that differ; `detail`
// receives the first differing field with both values.
std::string classify_difference(const event_record& libevtx, const event_record& fast, std::string& detail);

// Why libevtx did not deliver a record the fast engine delivered, as a
// category; `reason` is libevtx's error for that record when one is known.
std::string classify_libevtx_failure(const engine_output& libevtx, const std::string* reason);

}  // namespace evtxcar::testing
