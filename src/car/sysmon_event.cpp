#include "car/sysmon_event.hpp"

#include <algorithm>
#include <cctype>

namespace evtxcar::sysmon {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

std::string_view sysmon_event::get(std::string_view name) const {
    for (const payload_field& field : record_.fields) {
        if (field.name == name) return field.value;
    }
    return {};
}

std::string_view path_basename(std::string_view path) {
    const std::size_t slash = path.find_last_of("\\/");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void copy_field(const sysmon_event& in, std::string_view sysmon_name, car_event& out, car_field field) {
    const std::string_view value = in.get(sysmon_name);
    if (!value.empty()) out.set(field, std::string(value));
}

void set_host(const event_record& record, car_event& out) {
    const std::string_view computer = record.computer;
    if (computer.empty()) return;
    const std::size_t dot = computer.find('.');
    out.set(car_field::hostname, std::string(computer.substr(0, dot)));
    if (dot != std::string_view::npos) out.set(car_field::fqdn, std::string(computer));
}

void set_image(const sysmon_event& in, std::string_view sysmon_name, car_event& out) {
    const std::string_view path = in.get(sysmon_name);
    if (path.empty()) return;
    out.set(car_field::image_path, std::string(path));
    out.set(car_field::exe, std::string(path_basename(path)));
}

void set_hashes(std::string_view hashes, car_event& out) {
    while (!hashes.empty()) {
        const std::size_t comma = hashes.find(',');
        const std::string_view pair = hashes.substr(0, comma);
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos) {
            const std::string_view algorithm = pair.substr(0, equals);
            const std::string value(pair.substr(equals + 1));
            if (iequals(algorithm, "MD5")) {
                out.set(car_field::md5_hash, value);
            } else if (iequals(algorithm, "SHA1")) {
                out.set(car_field::sha1_hash, value);
            } else if (iequals(algorithm, "SHA256")) {
                out.set(car_field::sha256_hash, value);
            } else if (iequals(algorithm, "IMPHASH")) {
                out.set(car_field::imphash, value);
            }
        }
        if (comma == std::string_view::npos) break;
        hashes.remove_prefix(comma + 1);
    }
}

void set_user(const sysmon_event& in, std::string_view sysmon_name, car_event& out) {
    const std::string_view user = in.get(sysmon_name);
    if (user.empty()) return;
    out.set(car_field::user, std::string(user));
    // Sysmon names the account, not its SID; the record's own Security/UserID
    // is Sysmon's service account, not the process's. Only the built-in
    // service accounts can be named with certainty.
    if (iequals(user, "NT AUTHORITY\\SYSTEM")) {
        out.set(car_field::sid, "S-1-5-18");
    } else if (iequals(user, "NT AUTHORITY\\LOCAL SERVICE")) {
        out.set(car_field::sid, "S-1-5-19");
    } else if (iequals(user, "NT AUTHORITY\\NETWORK SERVICE")) {
        out.set(car_field::sid, "S-1-5-20");
    }
}

void set_signature(const sysmon_event& in, car_event& out) {
    copy_field(in, "Signature", out, car_field::signer);
    copy_field(in, "SignatureStatus", out, car_field::signature_status);
    const std::string_view signed_text = in.get("Signed");
    const std::string_view status = in.get("SignatureStatus");
    if (signed_text.empty() && status.empty()) return;
    const bool valid = iequals(signed_text, "true") && iequals(status, "Valid");
    out.set(car_field::signature_valid, valid ? "true" : "false");
}

void set_acting_process(const sysmon_event& in, car_event& out) {
    // Sysmon writes "-" when no rule named the event.
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "ProcessGuid", out, car_field::guid);
    copy_field(in, "ProcessId", out, car_field::pid);
    set_image(in, "Image", out);
    set_user(in, "User", out);
}

}  // namespace evtxcar::sysmon
