#include "session_audit_events.hpp"

#include "guid.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr std::uint16_t task_logon = 12544;
constexpr std::uint16_t task_logoff = 12545;
constexpr std::uint16_t task_other_logon_logoff = 12551;
constexpr std::uint16_t task_credential_validation = 14336;
constexpr std::uint16_t task_kerberos_service_ticket = 14337;
constexpr std::uint16_t task_kerberos_authentication = 14339;
constexpr std::uint64_t keywords_audit_failure = 0x8010000000000000ull;

windows_event audit_event(const std::string& computer, filetime time, std::uint16_t event_id, std::uint8_t version,
                          std::uint16_t task, bool failed) {
    windows_event event = security_auditing_event(computer, time, event_id, version, task);
    if (failed) event.system.keywords = keywords_audit_failure;
    return event;
}

void add_process(windows_event& event, const logon_details& d) {
    add_field(event, "ProcessId", hex_int64_value(d.process_id));
    add_field(event, "ProcessName", string_value(d.process_name));
    add_field(event, "IpAddress", string_value(d.ip_address));
    add_field(event, "IpPort", string_value(d.ip_port));
}

// LogonType ... WorkstationName, as 4624 and 4625 both log them.
void add_logon_kind(windows_event& event, const logon_details& d) {
    add_field(event, "LogonType", uint32_value(d.logon_type));
    add_field(event, "LogonProcessName", string_value(d.logon_process));
    add_field(event, "AuthenticationPackageName", string_value(d.authentication_package));
    add_field(event, "WorkstationName", string_value(d.workstation));
}

void add_packages(windows_event& event, const logon_details& d) {
    add_field(event, "TransmittedServices", string_value("-"));
    const bool ntlm = d.authentication_package == "NTLM";
    add_field(event, "LmPackageName", string_value(ntlm ? "NTLM V2" : "-"));
    add_field(event, "KeyLength", uint32_value(ntlm ? 128 : 0));
}

void add_certificate(windows_event& event) {
    add_field(event, "CertIssuerName", string_value(""));
    add_field(event, "CertSerialNumber", string_value(""));
    add_field(event, "CertThumbprint", string_value(""));
}

}  // namespace

windows_event security_logon_version(const std::string& computer, filetime time, const account& subject,
                                     const account& target, const logon_details& d, std::uint8_t version) {
    windows_event event = audit_event(computer, time, 4624, version, task_logon, false);
    add_subject(event, subject);
    add_target(event, target);
    add_logon_kind(event, d);
    add_field(event, "LogonGuid", guid_value(guid_from_seed(computer + target.name + std::to_string(target.logon_id))));
    add_field(event, "TransmittedServices", string_value("-"));
    add_field(event, "LmPackageName", string_value("-"));
    add_field(event, "KeyLength", uint32_value(0));
    // Windows Server 2008 logs the process id as a size_t (decimal), later
    // versions as HexInt64.
    add_field(event, "ProcessId", version == 0 ? size_t_value(d.process_id) : hex_int64_value(d.process_id));
    add_field(event, "ProcessName", string_value(d.process_name));
    add_field(event, "IpAddress", string_value(d.ip_address));
    add_field(event, "IpPort", string_value(d.ip_port));
    if (version >= 1) add_field(event, "ImpersonationLevel", string_value("%%1833"));
    if (version >= 2) {
        add_field(event, "RestrictedAdminMode", string_value("-"));
        add_field(event, "TargetOutboundUserName", string_value("-"));
        add_field(event, "TargetOutboundDomainName", string_value("-"));
        add_field(event, "VirtualAccount", string_value("%%1843"));
        add_field(event, "TargetLinkedLogonId", hex_int64_value(0));
        add_field(event, "ElevatedToken", string_value(d.elevated ? "%%1842" : "%%1843"));
    }
    return event;
}

windows_event security_logon_failed(const std::string& computer, filetime time, const logon_failure& f) {
    windows_event event = audit_event(computer, time, 4625, 0, task_logon, true);
    add_subject(event, f.subject);
    add_field(event, "TargetUserSid", sid_value(f.target.sid));
    add_field(event, "TargetUserName", string_value(f.target.name));
    add_field(event, "TargetDomainName", string_value(f.target.domain));
    add_field(event, "Status", hex_int32_value(f.status));
    add_field(event, "FailureReason", string_value(f.failure_reason));
    add_field(event, "SubStatus", hex_int32_value(f.sub_status));
    add_logon_kind(event, f.details);
    add_packages(event, f.details);
    add_process(event, f.details);
    return event;
}

windows_event security_user_logoff(const std::string& computer, filetime time, const account& target) {
    windows_event event = audit_event(computer, time, 4647, 0, task_logoff, false);
    add_target(event, target);
    return event;
}

windows_event security_explicit_credentials(const std::string& computer, filetime time, const explicit_logon& l) {
    windows_event event = audit_event(computer, time, 4648, 0, task_logon, false);
    add_subject(event, l.subject);
    add_field(event, "LogonGuid", guid_value(guid{}));
    add_field(event, "TargetUserName", string_value(l.target_user));
    add_field(event, "TargetDomainName", string_value(l.target_domain));
    add_field(event, "TargetLogonGuid", guid_value(guid{}));
    add_field(event, "TargetServerName", string_value(l.target_server));
    add_field(event, "TargetInfo", string_value(l.target_info));
    add_field(event, "ProcessId", hex_int64_value(l.process_id));
    add_field(event, "ProcessName", string_value(l.process_name));
    add_field(event, "IpAddress", string_value(l.ip_address));
    add_field(event, "IpPort", string_value(l.ip_port));
    return event;
}

windows_event security_session_station(const std::string& computer, filetime time, const window_station& s,
                                       bool reconnected) {
    windows_event event = audit_event(computer, time, reconnected ? 4778 : 4779, 0, task_other_logon_logoff, false);
    add_field(event, "AccountName", string_value(s.account_name));
    add_field(event, "AccountDomain", string_value(s.account_domain));
    add_field(event, "LogonID", hex_int64_value(s.logon_id));
    add_field(event, "SessionName", string_value(s.session_name));
    add_field(event, "ClientName", string_value(s.client_name));
    add_field(event, "ClientAddress", string_value(s.client_address));
    return event;
}

windows_event security_workstation_lock(const std::string& computer, filetime time, const account& target,
                                        std::uint32_t session_id, bool locked) {
    windows_event event = audit_event(computer, time, locked ? 4800 : 4801, 0, task_other_logon_logoff, false);
    add_target(event, target);
    add_field(event, "SessionId", uint32_value(session_id));
    return event;
}

windows_event security_kerberos_tgt(const std::string& computer, filetime time, const kerberos_request& r) {
    windows_event event = audit_event(computer, time, 4768, 0, task_kerberos_authentication, r.status != 0);
    add_field(event, "TargetUserName", string_value(r.user));
    add_field(event, "TargetDomainName", string_value(r.realm));
    add_field(event, "TargetSid", sid_value(r.user_sid));
    add_field(event, "ServiceName", string_value(r.service));
    add_field(event, "ServiceSid", sid_value(r.service_sid));
    add_field(event, "TicketOptions", hex_int32_value(r.ticket_options));
    add_field(event, "Status", hex_int32_value(r.status));
    add_field(event, "TicketEncryptionType", hex_int32_value(r.encryption_type));
    add_field(event, "PreAuthType", string_value(r.pre_auth_type));
    add_field(event, "IpAddress", string_value(r.ip_address));
    add_field(event, "IpPort", string_value(r.ip_port));
    add_certificate(event);
    return event;
}

windows_event security_kerberos_service_ticket(const std::string& computer, filetime time, const kerberos_request& r) {
    windows_event event = audit_event(computer, time, 4769, 0, task_kerberos_service_ticket, r.status != 0);
    add_field(event, "TargetUserName", string_value(r.user));
    add_field(event, "TargetDomainName", string_value(r.realm));
    add_field(event, "ServiceName", string_value(r.service));
    add_field(event, "ServiceSid", sid_value(r.service_sid));
    add_field(event, "TicketOptions", hex_int32_value(r.ticket_options));
    add_field(event, "TicketEncryptionType", hex_int32_value(r.encryption_type));
    add_field(event, "IpAddress", string_value(r.ip_address));
    add_field(event, "IpPort", string_value(r.ip_port));
    add_field(event, "Status", hex_int32_value(r.status));
    add_field(event, "LogonGuid", guid_value(guid_from_seed(r.logon_guid_seed)));
    add_field(event, "TransmittedServices", string_value("-"));
    return event;
}

windows_event security_kerberos_preauth_failed(const std::string& computer, filetime time, const kerberos_request& r) {
    windows_event event = audit_event(computer, time, 4771, 0, task_kerberos_authentication, true);
    add_field(event, "TargetUserName", string_value(r.user));
    add_field(event, "TargetSid", sid_value(r.user_sid));
    add_field(event, "ServiceName", string_value(r.service));
    add_field(event, "TicketOptions", hex_int32_value(r.ticket_options));
    add_field(event, "Status", hex_int32_value(r.status));
    add_field(event, "PreAuthType", string_value(r.pre_auth_type));
    add_field(event, "IpAddress", string_value(r.ip_address));
    add_field(event, "IpPort", string_value(r.ip_port));
    add_certificate(event);
    return event;
}

windows_event security_credential_validation(const std::string& computer, filetime time, const std::string& user,
                                             const std::string& workstation, std::uint32_t status) {
    windows_event event = audit_event(computer, time, 4776, 0, task_credential_validation, status != 0);
    add_field(event, "PackageName", string_value("MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"));
    add_field(event, "TargetUserName", string_value(user));
    add_field(event, "Workstation", string_value(workstation));
    add_field(event, "Status", hex_int32_value(status));
    return event;
}

}  // namespace evtxcar::testdata
