#include "ip_address.hpp"

#include <cstring>

namespace evtxcar {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<std::array<std::uint8_t, 4>> parse_ipv4_octets(std::string_view text) {
    std::array<std::uint8_t, 4> octets{};
    std::size_t part = 0;
    std::size_t i = 0;
    while (part < 4) {
        std::size_t digits = 0;
        unsigned value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
            if (++digits > 3 || value > 255) return std::nullopt;
            ++i;
        }
        if (digits == 0) return std::nullopt;
        octets[part++] = static_cast<std::uint8_t>(value);
        if (part < 4) {
            if (i >= text.size() || text[i] != '.') return std::nullopt;
            ++i;
        }
    }
    if (i != text.size()) return std::nullopt;
    return octets;
}

ip_address mapped_ipv4(const std::array<std::uint8_t, 4>& octets) {
    ip_address address;
    address.bytes[10] = 0xff;
    address.bytes[11] = 0xff;
    std::memcpy(address.bytes.data() + 12, octets.data(), 4);
    return address;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<ip_address> parse_ipv6(std::string_view text) {
    // Split at "::" (at most once), parse the groups on each side.
    std::array<std::uint16_t, 8> head{}, tail{};
    std::size_t head_count = 0, tail_count = 0;
    bool compressed = false;
    std::optional<std::array<std::uint8_t, 4>> ipv4_tail;

    std::size_t i = 0;
    if (text.substr(0, 2) == "::") {
        compressed = true;
        i = 2;
    } else if (!text.empty() && text[0] == ':') {
        return std::nullopt;
    }
    while (i < text.size()) {
        // An IPv4 tail: the rest contains a '.' and no ':'.
        const std::string_view rest = text.substr(i);
        if (rest.find('.') != std::string_view::npos && rest.find(':') == std::string_view::npos) {
            ipv4_tail = parse_ipv4_octets(rest);
            if (!ipv4_tail) return std::nullopt;
            i = text.size();
            break;
        }
        std::size_t digits = 0;
        unsigned value = 0;
        while (i < text.size() && hex_value(text[i]) >= 0) {
            value = value * 16 + static_cast<unsigned>(hex_value(text[i]));
            if (++digits > 4) return std::nullopt;
            ++i;
        }
        if (digits == 0) return std::nullopt;
        auto& groups = compressed ? tail : head;
        auto& count = compressed ? tail_count : head_count;
        if (count >= 8) return std::nullopt;
        groups[count++] = static_cast<std::uint16_t>(value);
        if (i == text.size()) break;
        if (text[i] != ':') return std::nullopt;
        ++i;
        if (i < text.size() && text[i] == ':') {
            if (compressed) return std::nullopt;  // a second "::"
            compressed = true;
            ++i;
        } else if (i == text.size()) {
            return std::nullopt;  // trailing single ':'
        }
    }
    const std::size_t group_total = head_count + tail_count + (ipv4_tail ? 2 : 0);
    if (compressed ? group_total > 7 : group_total != 8) return std::nullopt;

    std::array<std::uint16_t, 8> groups{};
    for (std::size_t k = 0; k < head_count; ++k) groups[k] = head[k];
    const std::size_t tail_start = 8 - tail_count - (ipv4_tail ? 2 : 0);
    for (std::size_t k = 0; k < tail_count; ++k) groups[tail_start + k] = tail[k];
    ip_address address;
    for (std::size_t k = 0; k < 8; ++k) {
        address.bytes[2 * k] = static_cast<std::uint8_t>(groups[k] >> 8);
        address.bytes[2 * k + 1] = static_cast<std::uint8_t>(groups[k] & 0xff);
    }
    if (ipv4_tail) std::memcpy(address.bytes.data() + 12, ipv4_tail->data(), 4);
    return address;
}

}  // namespace

bool ip_address::is_ipv4() const {
    for (std::size_t i = 0; i < 10; ++i) {
        if (bytes[i] != 0) return false;
    }
    return bytes[10] == 0xff && bytes[11] == 0xff;
}

std::optional<ip_address> parse_ip_address(std::string_view text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 64) return std::nullopt;
    if (text.find(':') == std::string_view::npos) {
        const auto octets = parse_ipv4_octets(text);
        if (!octets) return std::nullopt;
        return mapped_ipv4(*octets);
    }
    const std::size_t zone = text.find('%');
    if (zone != std::string_view::npos) {
        if (zone + 1 == text.size()) return std::nullopt;
        text = text.substr(0, zone);
    }
    return parse_ipv6(text);
}

bool cidr_block::contains(const ip_address& address) const {
    unsigned remaining = prefix_length;
    for (std::size_t i = 0; i < 16 && remaining > 0; ++i) {
        const unsigned bits = remaining >= 8 ? 8 : remaining;
        const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((address.bytes[i] & mask) != (network.bytes[i] & mask)) return false;
        remaining -= bits;
    }
    return true;
}

std::optional<cidr_block> parse_cidr(std::string_view text) {
    text = trim(text);
    const std::size_t slash = text.find('/');
    const std::string_view address_text = text.substr(0, slash);
    const auto address = parse_ip_address(address_text);
    if (!address) return std::nullopt;
    const bool v4 = address_text.find(':') == std::string_view::npos;
    const unsigned maximum = v4 ? 32 : 128;
    unsigned length = maximum;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3) return std::nullopt;
        length = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            length = length * 10 + static_cast<unsigned>(c - '0');
        }
        if (length > maximum) return std::nullopt;
    }
    cidr_block block;
    block.network = *address;
    block.prefix_length = v4 ? length + 96 : length;
    block.text = std::string(text);
    return block;
}

std::optional<std::vector<cidr_block>> parse_cidr_list(std::string_view text, std::string& error) {
    std::vector<cidr_block> blocks;
    while (true) {
        const std::size_t comma = text.find(',');
        const std::string_view part = trim(text.substr(0, comma));
        if (!part.empty()) {
            auto block = parse_cidr(part);
            if (!block) {
                error = "not an IPv4 or IPv6 CIDR block: '" + std::string(part) + "'";
                return std::nullopt;
            }
            blocks.push_back(std::move(*block));
        }
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (blocks.empty()) {
        error = "no CIDR block given";
        return std::nullopt;
    }
    return blocks;
}

std::vector<cidr_block> default_homenet() {
    std::vector<cidr_block> blocks;
    for (std::string_view text : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}) blocks.push_back(*parse_cidr(text));
    return blocks;
}

bool is_never_external(const ip_address& address) {
    static constexpr std::string_view never_external_text[] = {
        "127.0.0.0/8",         // IPv4 loopback
        "0.0.0.0/32",          // IPv4 unspecified
        "169.254.0.0/16",      // IPv4 link-local
        "224.0.0.0/4",         // IPv4 multicast
        "255.255.255.255/32",  // limited broadcast
        "::1/128",             // IPv6 loopback
        "::/128",              // IPv6 unspecified
        "fe80::/10",           // IPv6 link-local
        "ff00::/8",            // IPv6 multicast
        "fc00::/7",            // IPv6 unique local addresses
    };
    // Constant data, parsed once.
    static const std::vector<cidr_block> never_external = [] {
        std::vector<cidr_block> blocks;
        for (std::string_view text : never_external_text) blocks.push_back(*parse_cidr(text));
        return blocks;
    }();
    for (const cidr_block& block : never_external) {
        if (block.contains(address)) return true;
    }
    return false;
}

}  // namespace evtxcar
