#pragma once
// The Windows Security auditing (provider Microsoft-Windows-Security-Auditing)
// event -> CAR mappings, beside Sysmon's (sysmon_mappings.hpp): process
// creation and exit (security_process.cpp), Filtering Platform connections
// and binds (security_network.cpp), logon sessions (security_session.cpp),
// authentication (security_authentication.cpp), accounts and group members
// (security_accounts.cpp), services, scheduled tasks and registry values
// (security_service.cpp, security_scheduled_task.cpp, security_registry.cpp).
// Each sets object, action and fields and returns a problem ("" when none);
// the normalizer adds host and provenance. Windows' codes and the words
// evtxcar writes for them are in security_codes.cpp.
// docs/data-model.md has the table, field by field.

#include <cstdint>
#include <memory>
#include <optional>
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

// security_session.cpp: user_session
std::string map_logon(const event_fields& in, car_event& out);              // 4624 login
std::string map_logoff(const event_fields& in, car_event& out);             // 4634, 4647 logout
std::string map_session_reconnect(const event_fields& in, car_event& out);  // 4778 reconnect, 4779 disconnect
std::string map_workstation_lock(const event_fields& in, car_event& out);   // 4800 lock, 4801 unlock
// security_authentication.cpp: authentication
std::string map_logon_failure(const event_fields& in, car_event& out);         // 4625
std::string map_explicit_credentials(const event_fields& in, car_event& out);  // 4648
std::string map_kerberos_ticket(const event_fields& in, car_event& out);       // 4768 TGT, 4769 service ticket
std::string map_kerberos_preauthentication(const event_fields& in, car_event& out);  // 4771
std::string map_credential_validation(const event_fields& in, car_event& out);  // 4776
// security_accounts.cpp: account, group
std::string map_account(const event_fields& in, car_event& out);         // 4720, 4722, 4725, 4726, 4738
std::string map_account_rename(const event_fields& in, car_event& out);  // 4781
std::string map_group_member(const event_fields& in, car_event& out);    // 4728, 4729, 4732, 4733, 4756, 4757
// security_service.cpp, security_scheduled_task.cpp, security_registry.cpp
std::string map_service_install(const event_fields& in, car_event& out);  // 4697
std::string map_scheduled_task(const event_fields& in, car_event& out);   // 4698, 4699, 4702
std::string map_registry_value(const event_fields& in, car_event& out);   // 4657

// Shared conversions (security_fields.cpp).

// The first problem of several conversions.
void keep_first(std::string& problem, std::string next);

// Windows' placeholder for a value it does not have: empty or "-".
bool is_placeholder(std::string_view logged);

// Copies a field unless it is a placeholder.
void copy_logged(const event_fields& in, std::string_view name, car_event& out, car_field field);

// A number as Security events log it, decimal or "0x" hexadecimal (any
// padding); nothing when it is not one.
std::optional<std::uint64_t> logged_number(std::string_view logged);

// A process id as Security events log it ("0x1a2c" in 4688/4689, decimal in
// the Filtering Platform events) -> decimal text. Empty when not a number.
std::string decimal_process_id(std::string_view logged);

// Copies a process id field as decimal into `field`; a value that is not a
// number is kept as logged and described in the returned problem.
std::string set_process_id(const event_fields& in, std::string_view name, car_event& out, car_field field);

// The fields that name one account in a Security event, and its logon
// ("" where the event has no such field).
struct account_fields {
    std::string_view sid;
    std::string_view name;
    std::string_view domain;
    std::string_view logon_id;
};
inline constexpr account_fields subject_account{"SubjectUserSid", "SubjectUserName", "SubjectDomainName",
                                                "SubjectLogonId"};
inline constexpr account_fields target_account{"TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId"};
// The account an account or group management event acts on (4720-4781).
inline constexpr account_fields managed_account{"TargetSid", "TargetUserName", "TargetDomainName", ""};

// The CAR fields one account goes to: the process's owner (process,
// registry... as CAR's process names it), a session's or initiator's account
// (uid: CAR's user_session and authentication), the account asking on
// another's behalf (subject_*: evtxcar's own), the account acted on.
struct account_slots {
    car_field user;
    car_field sid;
    std::optional<car_field> logon_id;
};
inline constexpr account_slots process_owner{car_field::user, car_field::sid, car_field::logon_id};
inline constexpr account_slots account_user{car_field::user, car_field::uid, car_field::logon_id};
inline constexpr account_slots account_subject{car_field::subject_user, car_field::subject_uid,
                                               car_field::subject_logon_id};
inline constexpr account_slots account_target{car_field::target_user, car_field::target_uid, std::nullopt};

// "DOMAIN\name", sid and logon id from one account's fields into `slots`.
// False (nothing set) when the account is absent or the NULL SID (S-1-0-0,
// "-"): 4688 writes that as its Target when the new process runs as its
// creator. A name holding '@' (a user principal name, as Kerberos logs it)
// names its domain and is kept alone.
bool set_account(const event_fields& in, const account_fields& account, car_event& out,
                 const account_slots& slots = process_owner);

// A hexadecimal code (a status, ticket options, an encryption type) as
// "0x" and lower-case digits without leading zeros ("0x00000017" -> "0x17").
// A value that is not a number is kept as logged and described in the
// returned problem; a placeholder sets nothing.
std::string set_code(const event_fields& in, std::string_view name, car_event& out, car_field field);

// An address field (IpAddress, ClientAddress): a placeholder sets nothing,
// an IPv4-mapped IPv6 address ("::ffff:10.0.0.5", as domain controllers
// log IPv4 clients) becomes the IPv4 address.
void set_address(const event_fields& in, std::string_view name, car_event& out, car_field field);

// login_type from LogonType, the number as logged ("10"); a value that is
// not a number is kept and described in the returned problem.
std::string set_logon_type(const event_fields& in, car_event& out);

// pid and image_path/exe of the process a Security event names; a process
// id of 0 and the placeholder name "-" mean "no process" and set nothing.
std::string set_process(const event_fields& in, std::string_view pid_name, std::string_view image_name, car_event& out);

// logon_process from LogonProcessName without the space Windows pads it
// with ("User32 " -> "User32").
void set_logon_process(const event_fields& in, car_event& out);

// A GUID field unless it is the all-zero GUID (Windows' "none").
void copy_guid(const event_fields& in, std::string_view name, car_event& out, car_field field);

// integrity_level from a mandatory label SID (S-1-16-12288 -> "High");
// a label evtxcar does not know is kept as the SID.
std::string integrity_level_of(std::string_view label_sid);

// IANA protocol number -> transport name as Sysmon logs it, upper case
// ("6" -> "TCP"); other numbers stay numbers.
std::string transport_name(std::string_view protocol_number);

// security_codes.cpp: Windows' codes -> the words evtxcar writes.

// 4625 FailureReason (%%2304-%%2313) -> evtxcar's short wording; another
// value is returned as logged.
std::string logon_failure_reason(std::string_view logged);
// A Kerberos error code (RFC 4120; 4768, 4769, 4771 Status) or an NTSTATUS
// (4776 Status) -> its name with a few words; "" for codes evtxcar does
// not know.
std::string_view kerberos_error(std::uint64_t code);
std::string_view ntstatus_reason(std::uint64_t code);
// ServiceType / StartType in System 7045's words ("user mode service",
// "demand start"): 4697 logs numbers (0x10, 3), 7045 words. A number
// without a word, or a word, is returned as logged; nothing when the value
// is neither a number nor one of 7045's words.
std::optional<std::string> service_type_words(std::string_view logged);
std::optional<std::string> start_type_words(std::string_view logged);
// A registry value type as 4657 logs it (%%1873) -> "REG_SZ"; another value
// is returned as logged.
std::string registry_type_name(std::string_view logged);
// %%1842 / %%1843 (and the words a rendered copy shows) -> "true" / "false";
// nothing for another value.
std::optional<std::string> yes_no(std::string_view logged);

}  // namespace evtxcar::security
