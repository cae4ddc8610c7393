#pragma once
// Case folding as Sigma's case-insensitive matching does it: ASCII letters,
// and the two-byte UTF-8 letters of Latin-1, Latin Extended-A, Greek and
// Cyrillic (simple one-to-one folding: É -> é, Ÿ -> ÿ, Σ -> σ, И -> и).
// Every fold keeps the byte length, so positions in a folded value are
// positions in the value. Other characters are left as they are.

#include <string>
#include <string_view>

#include "text/ascii_case.hpp"

namespace evtxcar::sigma {

// True when `text` is all ASCII (then fold_ascii, text/ascii_case.hpp, byte
// by byte is the fold).
bool is_ascii(std::string_view text);

// `text` folded into `out` (replacing its content).
void fold_text(std::string_view text, std::string& out);
// `text` folded onto the end of `out`.
void append_folded_text(std::string_view text, std::string& out);
std::string folded_text(std::string_view text);

}  // namespace evtxcar::sigma
