// Security auditing -> CAR authentication: a failed logon (4625), a logon
// with explicit credentials (4648, evtxcar's action explicit_credentials),
// Kerberos tickets (4768, 4769) and pre-authentication (4771), NTLM
// credential validation (4776). As in CAR, user/uid is the account that
// asked (the Subject, where the event names one) and target_user /
// target_uid the account being authenticated.
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

constexpr std::uint64_t keyword_audit_failure = 0x0010000000000000ull;

// success or failure from a Status field (0 is success) and, where the
// status explains itself, decision_reason; a Status that is not a number
// leaves the verdict to the record's audit keyword.
std::string set_verdict(const event_fields& in, car_event& out, std::string_view (*reason_of)(std::uint64_t)) {
    std::string problem = set_code(in, "Status", out, car_field::status);
    const std::optional<std::uint64_t> status = logged_number(in.get("Status"));
    const bool failed = status ? *status != 0 : (in.record().keywords & keyword_audit_failure) != 0;
    out.action = failed ? "failure" : "success";
    if (failed && status) {
        const std::string_view reason = reason_of(*status);
        if (!reason.empty()) out.set(car_field::decision_reason, std::string(reason));
    }
    return problem;
}

// Client address and port as the domain controller saw them.
void set_client(const event_fields& in, car_event& out) {
    set_address(in, "IpAddress", out, car_field::src_ip);
    copy_logged(in, "IpPort", out, car_field::src_port);
}

// The ticket's service, options and encryption type (4768, 4769, 4771).
std::string set_ticket(const event_fields& in, car_event& out) {
    out.set(car_field::method, "Kerberos");
    copy_logged(in, "ServiceName", out, car_field::ticket_service);
    std::string problem = set_code(in, "TicketOptions", out, car_field::ticket_options);
    keep_first(problem, set_code(in, "TicketEncryptionType", out, car_field::ticket_encryption_type));
    copy_logged(in, "PreAuthType", out, car_field::pre_auth_type);
    set_client(in, out);
    return problem;
}

}  // namespace

std::string map_logon_failure(const event_fields& in, car_event& out) {
    out.object = "authentication";
    out.action = "failure";
    set_account(in, subject_account, out, account_user);
    set_account(in, {"TargetUserSid", "TargetUserName", "TargetDomainName", ""}, out, account_target);
    std::string problem = set_code(in, "Status", out, car_field::status);
    keep_first(problem, set_code(in, "SubStatus", out, car_field::sub_status));
    const std::string_view reason = in.get("FailureReason");
    if (!is_placeholder(reason)) out.set(car_field::decision_reason, logon_failure_reason(reason));
    keep_first(problem, set_logon_type(in, out));
    set_logon_process(in, out);
    copy_logged(in, "AuthenticationPackageName", out, car_field::method);
    copy_logged(in, "WorkstationName", out, car_field::src_hostname);
    keep_first(problem, set_process(in, "ProcessId", "ProcessName", out));
    set_client(in, out);
    return problem;
}

std::string map_explicit_credentials(const event_fields& in, car_event& out) {
    out.object = "authentication";
    // Windows logs 4648 when a process hands over credentials, before it
    // knows whether they are good: it says neither success nor failure.
    out.action = "explicit_credentials";
    set_account(in, subject_account, out, account_user);
    set_account(in, {"", "TargetUserName", "TargetDomainName", ""}, out, account_target);
    copy_guid(in, "LogonGuid", out, car_field::logon_guid);
    copy_logged(in, "TargetServerName", out, car_field::auth_target);
    std::string problem = set_process(in, "ProcessId", "ProcessName", out);
    set_client(in, out);
    return problem;
}

std::string map_kerberos_ticket(const event_fields& in, car_event& out) {
    out.object = "authentication";
    // 4768 names the account's SID, 4769 (a service ticket) does not.
    set_account(in, {"TargetSid", "TargetUserName", "TargetDomainName", ""}, out, account_target);
    std::string problem = set_verdict(in, out, kerberos_error);
    keep_first(problem, set_ticket(in, out));
    copy_guid(in, "LogonGuid", out, car_field::logon_guid);
    return problem;
}

std::string map_kerberos_preauthentication(const event_fields& in, car_event& out) {
    out.object = "authentication";
    set_account(in, {"TargetSid", "TargetUserName", "", ""}, out, account_target);
    std::string problem = set_verdict(in, out, kerberos_error);
    out.action = "failure";  // 4771 is logged only when pre-authentication failed
    keep_first(problem, set_ticket(in, out));
    return problem;
}

std::string map_credential_validation(const event_fields& in, car_event& out) {
    out.object = "authentication";
    copy_logged(in, "PackageName", out, car_field::method);
    set_account(in, {"", "TargetUserName", "", ""}, out, account_target);
    copy_logged(in, "Workstation", out, car_field::src_hostname);
    return set_verdict(in, out, ntstatus_reason);
}

}  // namespace evtxcar::security
