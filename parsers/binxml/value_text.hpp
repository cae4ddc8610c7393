#pragma once
// value_text: the text of a substitution value, as it appears in the event
// XML that libevtx renders (evtxexport -f xml), so that both record engines
// fill event_records with the same strings. The forms per type:
//
//   string, ANSI string   the characters up to the first NUL (ANSI: Windows-1252)
//   integers              decimal, width from the value's size (1, 2, 4 or 8 bytes)
//   hex integers          "0x" and two lowercase digits per byte: 0x00000010
//   size_t                decimal
//   boolean               "true" for any non-zero value, else "false"
//   real32, real64        "d.dddddde+ddd", 7 significant digits; Inf, NaN, Ind
//   binary                two uppercase hex digits per byte
//   GUID                  {5770385F-C22A-43E0-BF4C-06F5698FFBD9}
//   SID                   S-1-5-21-...
//   FILETIME              2017-12-26T13:10:29.136879200Z (9 fraction digits);
//                         beyond year 9999: "(0xUPPER 0xLOWER)" in hex
//   SYSTEMTIME            2017-12-26T13:10:29.136Z
//   null                  empty
// Values whose size does not fit their type, and types without a text form
// (EvtHandle, EvtXml, unknown types) are written as binary.
//
// Where evtxcar departs from libevtx on purpose (negative integers, characters
// outside the BMP, unpaired surrogates), docs/engine-differences.md says so.

#include <string>

#include "value_ref.hpp"

namespace evtxcar::binxml {

// Appends the text of one value (not an array: pass array items one by one).
void append_value_text(std::string& out, const value_ref& value);

// True when the value's text is exactly one line feed (libevtx renders an
// element whose only content is a lone "\n" as empty).
// (Inline: it is asked of every value that may be an element's text.)
inline bool value_is_lone_line_feed(const value_ref& value) {
    switch (value.base_type()) {
        case value_string:
            return value.size >= 2 && value.data[0] == '\n' && value.data[1] == 0 &&
                   (value.size < 4 || (value.data[2] == 0 && value.data[3] == 0));
        case value_ansi_string:
            return value.size >= 1 && value.data[0] == '\n' && (value.size < 2 || value.data[1] == 0);
        default:
            return false;
    }
}

}  // namespace evtxcar::binxml
