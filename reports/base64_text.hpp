#pragma once
// Base64 (RFC 4648, with padding): how summary.json keeps the exact bytes of
// a path that is not valid UTF-8.

#include <string>
#include <string_view>

namespace evtxcar {

void append_base64(std::string& out, std::string_view bytes);

}  // namespace evtxcar
