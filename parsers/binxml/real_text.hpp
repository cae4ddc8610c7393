#pragma once
// real_text: floating-point substitution values as libevtx writes them:
// seven significant digits in scientific form, "d.dddddde+ddd" (a leading
// '-' when negative), or "Inf", "NaN", "Ind" (negative quiet NaN).

#include <cstdint>
#include <string>

namespace evtxcar::binxml {

// `bits` holds the IEEE 754 value: the low 32 bits when `single` is true.
void append_real_text(std::string& out, std::uint64_t bits, bool single);

}  // namespace evtxcar::binxml
