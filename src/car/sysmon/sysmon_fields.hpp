#pragma once
// The conversions Sysmon's mappings share: hashes, users, signatures, the
// acting process. Reading fields by name: car/event_fields.hpp.

#include <string>
#include <string_view>

#include "car/car_event.hpp"
#include "car/event_fields.hpp"

namespace evtxcar::sysmon {

// md5_hash, sha1_hash, sha256_hash, imphash from "SHA1=..,MD5=..,IMPHASH=..".
void set_hashes(std::string_view hashes, car_event& out);

// user, and sid for the well-known service accounts the name identifies.
void set_user(const event_fields& in, std::string_view sysmon_name, car_event& out);

// signature_valid ("true"/"false") from Signed and SignatureStatus, plus signer.
void set_signature(const event_fields& in, car_event& out);

// The fields most Sysmon events share: RuleName, UtcTime, ProcessGuid,
// ProcessId, Image, User.
void set_acting_process(const event_fields& in, car_event& out);

}  // namespace evtxcar::sysmon
