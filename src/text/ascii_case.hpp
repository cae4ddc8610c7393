#pragma once
// ASCII case folding, the one every case-insensitive comparison in evtxcar
// shares: A-Z to a-z, every other byte as it is. Locale-independent and
// inline (std::tolower is a call per byte and follows the C locale).

namespace evtxcar {

constexpr char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

}  // namespace evtxcar
