// Security auditing -> CAR user_session: login (4624), logout (4634, 4647),
// reconnect / disconnect of a window station (4778, 4779), lock / unlock
// (4800, 4801). The session's account is user/uid with its logon id; the
// account that asked for the logon (4624's Subject, usually the computer
// account of the service that took the credentials) is subject_*.
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

std::string map_logon(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = "login";
    std::string problem = set_logon_type(in, out);
    set_account(in, target_account, out, account_user);
    set_account(in, subject_account, out, account_subject);
    set_logon_process(in, out);
    copy_logged(in, "AuthenticationPackageName", out, car_field::method);
    copy_logged(in, "WorkstationName", out, car_field::src_hostname);
    copy_guid(in, "LogonGuid", out, car_field::logon_guid);
    keep_first(problem, set_process(in, "ProcessId", "ProcessName", out));
    set_address(in, "IpAddress", out, car_field::src_ip);
    copy_logged(in, "IpPort", out, car_field::src_port);
    const std::string_view elevated = in.get("ElevatedToken");  // version 2
    if (!elevated.empty()) {
        if (std::optional<std::string> words = yes_no(elevated)) {
            out.set(car_field::elevated_token, std::move(*words));
        } else {
            out.set(car_field::elevated_token, std::string(elevated));
            keep_first(problem, "ElevatedToken '" + std::string(elevated) + "' is neither yes nor no");
        }
    }
    return problem;
}

std::string map_logoff(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = "logout";
    set_account(in, target_account, out, account_user);
    return set_logon_type(in, out);  // 4647 (logoff the user asked for) has none
}

std::string map_session_reconnect(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = in.record().event_id == 4779 ? "disconnect" : "reconnect";
    set_account(in, {"", "AccountName", "AccountDomain", "LogonID"}, out, account_user);
    copy_logged(in, "SessionName", out, car_field::session_name);
    copy_logged(in, "ClientName", out, car_field::src_hostname);
    set_address(in, "ClientAddress", out, car_field::src_ip);
    return {};
}

std::string map_workstation_lock(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = in.record().event_id == 4801 ? "unlock" : "lock";
    set_account(in, target_account, out, account_user);
    copy_logged(in, "SessionId", out, car_field::terminal_session_id);
    return {};
}

}  // namespace evtxcar::security
