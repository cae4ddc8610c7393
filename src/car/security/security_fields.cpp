// Conversions the Security auditing mappings share: process ids, accounts,
// mandatory labels, protocol numbers.
#include <charconv>
#include <cstdint>

#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

std::string decimal_process_id(std::string_view logged) {
    int base = 10;
    if (logged.size() > 2 && logged[0] == '0' && (logged[1] == 'x' || logged[1] == 'X')) {
        logged.remove_prefix(2);
        base = 16;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(logged.data(), logged.data() + logged.size(), value, base);
    if (logged.empty() || error != std::errc() || end != logged.data() + logged.size()) return {};
    return std::to_string(value);
}

std::string set_process_id(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view logged = in.get(name);
    if (logged.empty()) return {};
    std::string decimal = decimal_process_id(logged);
    if (!decimal.empty()) {
        out.set(field, std::move(decimal));
        return {};
    }
    out.set(field, std::string(logged));
    return std::string(name) + " '" + std::string(logged) + "' is not a process id";
}

bool set_account(const event_fields& in, const account_fields& account, car_event& out) {
    const std::string_view sid = in.get(account.sid);
    const std::string_view name = in.get(account.name);
    const std::string_view domain = in.get(account.domain);
    const bool no_sid = sid.empty() || sid == "S-1-0-0" || sid == "-";
    const bool no_name = name.empty() || name == "-";
    if (no_sid && no_name) return false;
    if (!no_name) {
        const bool has_domain = !domain.empty() && domain != "-";
        out.set(car_field::user, has_domain ? std::string(domain) + "\\" + std::string(name) : std::string(name));
    }
    if (!no_sid) out.set(car_field::sid, std::string(sid));
    copy_field(in, account.logon_id, out, car_field::logon_id);
    return true;
}

std::string integrity_level_of(std::string_view label_sid) {
    struct level {
        std::string_view sid;
        std::string_view name;
    };
    // The mandatory label SIDs Windows defines (S-1-16-<RID>); names as
    // Sysmon's IntegrityLevel writes them where it has one.
    static constexpr level levels[] = {
        {"S-1-16-0", "Untrusted"},     {"S-1-16-4096", "Low"},     {"S-1-16-8192", "Medium"},
        {"S-1-16-8448", "MediumPlus"}, {"S-1-16-12288", "High"},   {"S-1-16-16384", "System"},
        {"S-1-16-20480", "Protected"},
    };
    for (const level& known : levels) {
        if (iequals(known.sid, label_sid)) return std::string(known.name);
    }
    return std::string(label_sid);
}

std::string transport_name(std::string_view protocol_number) {
    struct protocol {
        std::string_view number;
        std::string_view name;
    };
    static constexpr protocol protocols[] = {
        {"1", "ICMP"}, {"2", "IGMP"}, {"6", "TCP"},  {"17", "UDP"},     {"41", "IPV6"},
        {"47", "GRE"}, {"50", "ESP"}, {"51", "AH"}, {"58", "ICMPV6"}, {"132", "SCTP"},
    };
    for (const protocol& known : protocols) {
        if (known.number == protocol_number) return std::string(known.name);
    }
    return std::string(protocol_number);
}

}  // namespace evtxcar::security
