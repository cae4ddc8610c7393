#pragma once
// IP addresses and CIDR blocks as analytics judge them: IPv4 and IPv6 in one
// 128-bit form (IPv4 as IPv4-mapped IPv6), so one comparison serves both.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evtxcar {

struct ip_address {
    std::array<std::uint8_t, 16> bytes{};  // network order; IPv4 as ::ffff:a.b.c.d

    bool is_ipv4() const;  // an IPv4 address or an IPv4-mapped IPv6 one
    friend bool operator==(const ip_address&, const ip_address&) = default;
};

// Parses dotted IPv4 ("10.1.2.3") and IPv6 in any notation: compressed
// ("fe80::1"), uncompressed as Sysmon writes it ("0:0:0:0:0:0:0:1"), with an
// embedded IPv4 tail ("::ffff:10.1.2.3"), optionally in brackets and with a
// zone ("fe80::1%12"). Leading and trailing blanks are ignored. Nothing for
// anything else.
std::optional<ip_address> parse_ip_address(std::string_view text);

struct cidr_block {
    ip_address network;
    unsigned prefix_length = 0;  // over the 128-bit form (IPv4 /8 is /104 here)
    std::string text;            // as the user wrote it

    bool contains(const ip_address& address) const;
};

// "10.0.0.0/8", "fc00::/7", or a single address (as /32 or /128).
std::optional<cidr_block> parse_cidr(std::string_view text);

// Comma-separated CIDR list; nothing if any part is malformed (error says which).
std::optional<std::vector<cidr_block>> parse_cidr_list(std::string_view text, std::string& error);

// CAR-2020-11-010's HOMENET: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
std::vector<cidr_block> default_homenet();

// Addresses that are never "external", whatever HOMENET says: loopback,
// unspecified, link-local, multicast, limited broadcast, IPv6 ULA (fc00::/7).
bool is_never_external(const ip_address& address);

}  // namespace evtxcar
