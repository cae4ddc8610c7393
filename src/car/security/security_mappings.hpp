#pragma once
// The Windows Security auditing (provider Microsoft-Windows-Security-Auditing)
// event -> CAR mappings, beside Sysmon's (sysmon_mappings.hpp): process
// creation and exit (security_process.cpp), Filtering Platform connections
// and binds (security_network.cpp). Each sets object, action and fields and
// returns a problem ("" when none); the normalizer adds host and provenance.
// docs/data-model.md has the table, field by field.

#include <memory>
#include <string>

#include "car/event_fields.hpp"
#include "car/normalizer.hpp"

namespace evtxcar {

// The Security auditing normalizer.
std::unique_ptr<event_normalizer> make_security_normalizer();

}  // namespace evtxcar

namespace evtxcar::security {

// security_process.cpp
std::string map_process_creation(const event_fields& in, car_event& out);  // 4688
std::string map_process_exit(const event_fields& in, car_event& out);      // 4689
// security_network.cpp
std::string map_connection(const event_fields& in, car_event& out);        // 5156 permitted, 5157 blocked
std::string map_bind(const event_fields& in, car_event& out);              // 5158

// Shared conversions (security_fields.cpp).

// A process id as Security events log it ("0x1a2c" in 4688/4689, decimal in
// the Filtering Platform events) -> decimal text. Empty when not a number.
std::string decimal_process_id(std::string_view logged);

// Copies a process id field as decimal into `field`; a value that is not a
// number is kept as logged and described in the returned problem.
std::string set_process_id(const event_fields& in, std::string_view name, car_event& out, car_field field);

// The fields that name one account in a Security event, and its logon.
struct account_fields {
    std::string_view sid;
    std::string_view name;
    std::string_view domain;
    std::string_view logon_id;
};
inline constexpr account_fields subject_account{"SubjectUserSid", "SubjectUserName", "SubjectDomainName",
                                                "SubjectLogonId"};
inline constexpr account_fields target_account{"TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId"};

// user ("DOMAIN\name"), sid and logon_id from one account's fields. False
// (nothing set) when the account is absent or the NULL SID (S-1-0-0, "-"):
// 4688 writes that as its Target when the new process runs as its creator.
bool set_account(const event_fields& in, const account_fields& account, car_event& out);

// integrity_level from a mandatory label SID (S-1-16-12288 -> "High");
// a label evtxcar does not know is kept as the SID.
std::string integrity_level_of(std::string_view label_sid);

// IANA protocol number -> transport name as Sysmon logs it, upper case
// ("6" -> "TCP"); other numbers stay numbers.
std::string transport_name(std::string_view protocol_number);

}  // namespace evtxcar::security
