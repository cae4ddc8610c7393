#include "sid.hpp"

#include <charconv>
#include <stdexcept>
#include <string>
#include <vector>

namespace evtxcar::evtx_writer {

byte_buffer encode_sid(std::string_view text) {
    const auto fail = [&]() { return std::invalid_argument("not a SID: " + std::string(text)); };
    if (text.size() < 4 || text.substr(0, 2) != "S-") throw fail();
    std::vector<std::uint64_t> parts;
    std::size_t at = 2;
    while (at <= text.size()) {
        const std::size_t end = std::min(text.find('-', at), text.size());
        std::uint64_t part = 0;
        const auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + end, part);
        if (ec != std::errc{} || ptr != text.data() + end) throw fail();
        parts.push_back(part);
        at = end + 1;
    }
    // revision, authority, then up to 15 sub-authorities
    if (parts.size() < 2 || parts.size() > 17 || parts[0] > 0xFF || parts[1] > 0xFFFFFFFFFFFFull) throw fail();
    byte_buffer out;
    out.push_back(static_cast<std::uint8_t>(parts[0]));
    out.push_back(static_cast<std::uint8_t>(parts.size() - 2));
    for (int shift = 40; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(parts[1] >> shift));
    for (std::size_t i = 2; i < parts.size(); ++i) {
        if (parts[i] > 0xFFFFFFFFu) throw fail();
        append_le(out, static_cast<std::uint32_t>(parts[i]));
    }
    return out;
}

}  // namespace evtxcar::evtx_writer
