#pragma once
// GUIDs as EVTX stores them (Data1..Data3 little-endian, Data4 as bytes) and
// as event XML prints them.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace evtxcar::evtx_writer {

struct guid {
    std::array<std::uint8_t, 16> bytes{};  // on-disk order

    std::uint32_t data1() const;  // the first field; a template's short identifier
    friend bool operator==(const guid&, const guid&) = default;
};

// "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}" (braces optional, any letter case);
// throws std::invalid_argument otherwise.
guid parse_guid(std::string_view text);

// "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}" or, with lowercase, "{5770385f-...}".
std::string format_guid(const guid& value, bool lowercase = false);

// A GUID that depends only on `seed` (FNV-1a based), for templates and
// processes whose identity must be the same on every regeneration.
guid guid_from_seed(std::string_view seed);

}  // namespace evtxcar::evtx_writer
