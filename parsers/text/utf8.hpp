#pragma once
// Text conversion to valid UTF-8, shared by both record engines.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace evtxcar {

// Appends UTF-16LE code units (as stored in EVTX) as UTF-8. Surrogate pairs
// become one code point; unpaired surrogates become U+FFFD.
void append_utf16le_as_utf8(std::string& out, const std::uint8_t* data, std::size_t code_units);

// The same, stopping at the first NUL character (which is not appended):
// EVTX strings end there, whatever length their container gives them.
// Returns the number of code units read, the NUL excluded.
std::size_t append_utf16le_until_nul_as_utf8(std::string& out, const std::uint8_t* data, std::size_t code_units);

// Appends one code point as UTF-8 (invalid code points and surrogates: U+FFFD).
void append_code_point(std::string& out, std::uint32_t code_point);

// Copy of text with every invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// True when text is valid UTF-8 (no surrogates, no overlong forms).
bool is_valid_utf8(std::string_view text);

}  // namespace evtxcar
