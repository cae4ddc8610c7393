#include "car/sysmon/sysmon_fields.hpp"

namespace evtxcar::sysmon {

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

void set_user(const event_fields& in, std::string_view sysmon_name, car_event& out) {
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

void set_signature(const event_fields& in, car_event& out) {
    copy_field(in, "Signature", out, car_field::signer);
    copy_field(in, "SignatureStatus", out, car_field::signature_status);
    const std::string_view signed_text = in.get("Signed");
    const std::string_view status = in.get("SignatureStatus");
    if (signed_text.empty() && status.empty()) return;
    const bool valid = iequals(signed_text, "true") && iequals(status, "Valid");
    out.set(car_field::signature_valid, valid ? "true" : "false");
}

void set_acting_process(const event_fields& in, car_event& out) {
    // Sysmon writes "-" when no rule named the event.
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "ProcessGuid", out, car_field::guid);
    copy_field(in, "ProcessId", out, car_field::pid);
    set_image(in, "Image", out);
    set_user(in, "User", out);
}

}  // namespace evtxcar::sysmon
