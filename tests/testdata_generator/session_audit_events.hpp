#pragma once
// Security-auditing events about logon sessions and authentication, with
// the field names, order and value types Windows writes (checked against
// real logs with evtxexport and python-evtx):
//   4624 an account logged on, in its three versions: 0 (Vista/2008), 1
//        (adds ImpersonationLevel), 2 (Windows 10: adds RestrictedAdminMode,
//        TargetOutboundUserName/DomainName, VirtualAccount,
//        TargetLinkedLogonId, ElevatedToken);
//   4625 a logon failed; 4634 logged off; 4647 logoff asked for by the user;
//   4648 a logon with explicit credentials;
//   4778 / 4779 a session reconnected to / disconnected from a window station;
//   4800 / 4801 the workstation locked / unlocked;
//   4768 a Kerberos TGT asked for, 4769 a service ticket, 4771
//   pre-authentication failed, 4776 NTLM credentials validated.
// Logon ids and process ids are HexInt64, statuses and Kerberos codes
// HexInt32, LogonType a UInt32; addresses and ports are strings ("-" when
// none). These events are written by lsass (Execution/@ProcessID 684).

#include <cstdint>
#include <string>

#include "windows_log_events.hpp"

namespace evtxcar::testdata {

// 4624 in the given version (0, 1 or 2).
windows_event security_logon_version(const std::string& computer, filetime time, const account& subject,
                                     const account& target, const logon_details& details, std::uint8_t version);

struct logon_failure {
    account subject;            // the process that took the credentials; NULL SID for a network logon
    account target;             // sid "S-1-0-0" when the name is unknown; logon id unused
    std::uint32_t status = 0xC000006D;
    std::string failure_reason = "%%2313";  // unknown user name or bad password
    std::uint32_t sub_status = 0xC000006A;  // bad password
    logon_details details;
};
windows_event security_logon_failed(const std::string& computer, filetime time, const logon_failure& failure);

// 4647: only the target account; 4634 is security_logoff.
windows_event security_user_logoff(const std::string& computer, filetime time, const account& target);

struct explicit_logon {
    account subject;
    std::string target_user;
    std::string target_domain;
    std::string target_server;
    std::string target_info;
    std::uint64_t process_id = 0;
    std::string process_name;
    std::string ip_address = "-";
    std::string ip_port = "-";
};
windows_event security_explicit_credentials(const std::string& computer, filetime time, const explicit_logon& logon);

struct window_station {
    std::string account_name;
    std::string account_domain;
    std::uint64_t logon_id = 0;
    std::string session_name;   // "RDP-Tcp#3"
    std::string client_name;    // the client computer
    std::string client_address;
};
// 4778 (reconnected) or 4779 (disconnected).
windows_event security_session_station(const std::string& computer, filetime time, const window_station& station,
                                       bool reconnected);

// 4800 (locked) or 4801 (unlocked).
windows_event security_workstation_lock(const std::string& computer, filetime time, const account& target,
                                        std::uint32_t session_id, bool locked);

struct kerberos_request {
    std::string user;         // TargetUserName: "jdoe" (4768, 4771) or "jdoe@CORP.EXAMPLE.COM" (4769)
    std::string realm;        // TargetDomainName
    std::string user_sid;     // TargetSid (4768, 4771); "S-1-0-0" when the KDC does not know the user
    std::string service;      // ServiceName
    std::string service_sid;  // ServiceSid (4768, 4769)
    std::uint32_t ticket_options = 0x40810010;
    std::uint32_t status = 0;
    std::uint32_t encryption_type = 0x12;  // AES256; 0x17 RC4; 0xffffffff when refused
    std::string pre_auth_type = "2";       // "-" when refused before pre-authentication
    std::string ip_address;                // "::ffff:10.20.5.55" as domain controllers log IPv4
    std::string ip_port;
    std::string logon_guid_seed;  // 4769's LogonGuid
};
// Audit failure when the status is not 0.
windows_event security_kerberos_tgt(const std::string& computer, filetime time, const kerberos_request& request);
windows_event security_kerberos_service_ticket(const std::string& computer, filetime time,
                                               const kerberos_request& request);
windows_event security_kerberos_preauth_failed(const std::string& computer, filetime time,
                                               const kerberos_request& request);

// 4776: NTLM validation on the domain controller (or a host, local accounts).
windows_event security_credential_validation(const std::string& computer, filetime time, const std::string& user,
                                             const std::string& workstation, std::uint32_t status);

}  // namespace evtxcar::testdata
