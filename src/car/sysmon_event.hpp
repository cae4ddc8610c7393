#pragma once
// Reading a Sysmon record's EventData by name, and the conversions every
// Sysmon mapping shares (host names, hashes, image basenames, users).

#include <string>
#include <string_view>

#include "car/car_event.hpp"
#include "event_record.hpp"

namespace evtxcar::sysmon {

class sysmon_event {
public:
    explicit sysmon_event(const event_record& record) : record_(record) {}
    const event_record& record() const { return record_; }
    // Value of the named field, "" when this schema version lacks it.
    std::string_view get(std::string_view name) const;

private:
    const event_record& record_;
};

// The basename of a Windows or POSIX path: "C:\Windows\cmd.exe" -> "cmd.exe".
std::string_view path_basename(std::string_view path);

// Copies a Sysmon field to a CAR field (absent or empty: nothing set).
void copy_field(const sysmon_event& in, std::string_view sysmon_name, car_event& out, car_field field);

// hostname and fqdn from the record's Computer.
void set_host(const event_record& record, car_event& out);

// image_path and exe from a path field (e.g. "Image").
void set_image(const sysmon_event& in, std::string_view sysmon_name, car_event& out);

// md5_hash, sha1_hash, sha256_hash, imphash from "SHA1=..,MD5=..,IMPHASH=..".
void set_hashes(std::string_view hashes, car_event& out);

// user, and sid for the well-known service accounts the name identifies.
void set_user(const sysmon_event& in, std::string_view sysmon_name, car_event& out);

// signature_valid ("true"/"false") from Signed and SignatureStatus, plus signer.
void set_signature(const sysmon_event& in, car_event& out);

// The fields most Sysmon events share: RuleName, UtcTime, ProcessGuid,
// ProcessId, Image, User.
void set_acting_process(const sysmon_event& in, car_event& out);

}  // namespace evtxcar::sysmon
