#pragma once
// row_text: how a text is written into report.html's timeline rows (the
// `evtxcar-rows` element, one row per line, values separated by TAB), the
// only place that escapes it.
//
// A value is its text as is, except for these, each written as '<' and a
// code, so that a value never holds a TAB or a line break (which separate
// values and rows), never a CR or NUL (which an HTML parser would change),
// and never a '<' (so that no text can end the element or start markup in
// it):
//   TAB "<t"   LF "<n"   CR "<r"   '<' "<l"   other C0 controls and DEL "<xHH"
// (HH: two lower-case hex digits). A value that is '<' followed by decimal
// digits is no text but a reference to the row tables' string of that
// number (timeline_row_encoder); no escaped text starts that way.

#include <string>
#include <string_view>

namespace evtxcar {

void append_row_text(std::string& out, std::string_view text);

// A reference to string `index` of the table.
void append_row_reference(std::string& out, std::size_t index);

}  // namespace evtxcar
