// Conversions the Security auditing mappings share: numbers and codes,
// process ids, accounts, addresses, mandatory labels, protocol numbers.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>

#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

void keep_first(std::string& problem, std::string next) {
    if (problem.empty()) problem = std::move(next);
}

bool is_placeholder(std::string_view logged) { return logged.empty() || logged == "-"; }

void copy_logged(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view value = in.get(name);
    if (!is_placeholder(value)) out.set(field, std::string(value));
}

std::optional<std::uint64_t> logged_number(std::string_view logged) {
    int base = 10;
    if (logged.size() > 2 && logged[0] == '0' && (logged[1] == 'x' || logged[1] == 'X')) {
        logged.remove_prefix(2);
        base = 16;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(logged.data(), logged.data() + logged.size(), value, base);
    if (logged.empty() || error != std::errc() || end != logged.data() + logged.size()) return std::nullopt;
    return value;
}

std::string decimal_process_id(std::string_view logged) {
    const std::optional<std::uint64_t> value = logged_number(logged);
    return value ? std::to_string(*value) : std::string();
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

bool set_account(const event_fields& in, const account_fields& account, car_event& out, const account_slots& slots) {
    const std::string_view sid = account.sid.empty() ? std::string_view() : in.get(account.sid);
    const std::string_view name = in.get(account.name);
    const std::string_view domain = account.domain.empty() ? std::string_view() : in.get(account.domain);
    const bool no_sid = is_placeholder(sid) || sid == "S-1-0-0";
    const bool no_name = is_placeholder(name);
    if (no_sid && no_name) return false;
    if (!no_name) {
        const bool has_domain = !is_placeholder(domain) && name.find('@') == std::string_view::npos;
        out.set(slots.user, has_domain ? std::string(domain) + "\\" + std::string(name) : std::string(name));
    }
    if (!no_sid) out.set(slots.sid, std::string(sid));
    if (slots.logon_id && !account.logon_id.empty()) copy_field(in, account.logon_id, out, *slots.logon_id);
    return true;
}

std::string set_code(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view logged = in.get(name);
    if (is_placeholder(logged)) return {};
    const std::optional<std::uint64_t> code = logged_number(logged);
    if (!code) {
        out.set(field, std::string(logged));
        return std::string(name) + " '" + std::string(logged) + "' is not a number";
    }
    char hex[24];
    std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(*code));
    out.set(field, hex);
    return {};
}

void set_address(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    std::string_view address = in.get(name);
    if (is_placeholder(address)) return;
    constexpr std::string_view mapped_prefix = "::ffff:";
    if (address.size() > mapped_prefix.size() && iequals(address.substr(0, mapped_prefix.size()), mapped_prefix) &&
        address.find('.') != std::string_view::npos) {
        address.remove_prefix(mapped_prefix.size());
    }
    out.set(field, std::string(address));
}

std::string set_logon_type(const event_fields& in, car_event& out) {
    const std::string_view logged = in.get("LogonType");
    if (logged.empty()) return {};
    out.set(car_field::login_type, std::string(logged));
    const bool digits = std::all_of(logged.begin(), logged.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? std::string() : "LogonType '" + std::string(logged) + "' is not a number";
}

std::string set_process(const event_fields& in, std::string_view pid_name, std::string_view image_name,
                        car_event& out) {
    const std::string_view image = in.get(image_name);
    if (!is_placeholder(image)) set_image(in, image_name, out);
    if (logged_number(in.get(pid_name)) == std::optional<std::uint64_t>(0)) return {};
    return set_process_id(in, pid_name, out, car_field::pid);
}

void set_logon_process(const event_fields& in, car_event& out) {
    std::string_view name = in.get("LogonProcessName");
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!is_placeholder(name)) out.set(car_field::logon_process, std::string(name));
}

void copy_guid(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view guid = in.get(name);
    if (guid == "{00000000-0000-0000-0000-000000000000}") return;
    copy_logged(in, name, out, field);
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
