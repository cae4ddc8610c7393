#include "event_text.hpp"

#include <array>

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("event messages fill the template of the object and action", "[report][event_text]") {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::pid, "4242");
    event.set(car_field::parent_exe, "cmd.exe");
    event.set(car_field::command_line, "cmstp.exe /ni /s x.inf");
    CHECK(event_message(event) == "Process created: cmstp.exe (pid 4242) by cmd.exe (pid -): cmstp.exe /ni /s x.inf");
    event.object = "unknown_object";
    CHECK(event_message(event) == "unknown_object create by cmstp.exe (pid 4242)");
}

TEST_CASE("Security's blocked flows and binds have messages of their own", "[report][event_text]") {
    car_event event;
    event.object = "flow";
    event.action = "block";
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::pid, "6700");
    event.set(car_field::network_direction, "outbound");
    event.set(car_field::transport_protocol, "TCP");
    event.set(car_field::src_ip, "10.20.0.15");
    event.set(car_field::src_port, "49811");
    event.set(car_field::dest_ip, "203.0.113.7");
    event.set(car_field::dest_port, "443");
    CHECK(event_message(event) ==
          "Network connection blocked (outbound) TCP 10.20.0.15:49811 -> 203.0.113.7:443 by cmstp.exe (pid 6700)");
    car_event bind;
    bind.object = "socket";
    bind.action = "bind";
    bind.set(car_field::exe, "cmstp.exe");
    bind.set(car_field::pid, "6700");
    bind.set(car_field::protocol, "UDP");
    bind.set(car_field::local_address, "0.0.0.0");
    bind.set(car_field::local_port, "50123");
    CHECK(event_message(bind) == "cmstp.exe (pid 6700) bound UDP 0.0.0.0:50123");
}

TEST_CASE("event details list the other fields and quote what could split them", "[report][event_text]") {
    car_event event;
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::fqdn, "WS01.corp.example.com");
    event.set(car_field::data, "a; fake=1");
    event.set(car_field::md5_hash, "say \"x\"");
    event.set(car_field::key, " padded");
    constexpr std::array shown = {car_field::exe};
    CHECK(event_details(event, shown) ==
          "fqdn=WS01.corp.example.com; md5_hash=\"say \"\"x\"\"\"; key=\" padded\"; data=\"a; fake=1\"");
}

TEST_CASE("messages put a value on one line: line breaks and tabs and a space before them become one space",
          "[report][event_text]") {
    car_event event;
    event.object = "process";
    event.action = "terminate";
    event.set(car_field::pid, "7");
    event.set(car_field::exe, "\tpowershell.exe -c \r\n  \"a\" \n\tb\t\tc\r\n");
    CHECK(event_message(event) == "Process ended:  powershell.exe -c   \"a\" b c  (pid 7)");
    event.set(car_field::exe, std::string(300, 'a'));
    CHECK(event_message(event) == "Process ended: " + std::string(200, 'a') + "\u2026 (pid 7)");
}

TEST_CASE("details quote values with separators past the first sixteen bytes", "[report][event_text]") {
    car_event event;
    event.set(car_field::data, "HKLM\\Software\\Microsoft\\x=\"1\"");
    event.set(car_field::key, "Software\\Microsoft\\Windows\\Run");
    constexpr std::array<car_field, 0> shown{};
    CHECK(event_details(event, shown) ==
          "key=Software\\Microsoft\\Windows\\Run; data=\"HKLM\\Software\\Microsoft\\x=\"\"1\"\"\"");
}

TEST_CASE("analytics text joins the labels", "[report][event_text]") {
    car_event event;
    CHECK(analytics_text(event).empty());
    event.analytics = {"CAR-2020-11-010:remote", "CAR-2020-11-010:car"};
    CHECK(analytics_text(event) == "CAR-2020-11-010:remote; CAR-2020-11-010:car");
}

TEST_CASE("a [part] of a template is left out when a field in it is absent", "[report][event_text]") {
    car_event logon;
    logon.object = "user_session";
    logon.action = "login";
    logon.set(car_field::user, "CORP\\jdoe");
    logon.set(car_field::login_type, "10");
    logon.set(car_field::logon_id, "0x00000000005d2f1a");
    CHECK(event_message(logon) == "CORP\\jdoe logged on, type 10 (logon id 0x00000000005d2f1a)");
    logon.set(car_field::src_ip, "198.51.100.23");
    logon.set(car_field::src_port, "51234");
    logon.set(car_field::method, "Negotiate");
    logon.set(car_field::elevated_token, "true");
    CHECK(event_message(logon) ==
          "CORP\\jdoe logged on, type 10, from 198.51.100.23 port 51234, Negotiate, elevated true (logon id 0x00000000005d2f1a)");
    // Fields outside brackets read "-" when absent, as in every template.
    car_event lock;
    lock.object = "user_session";
    lock.action = "lock";
    CHECK(event_message(lock) == "- locked the workstation");
    // A session from another sensor (no logon id, a session number).
    car_event rdp;
    rdp.object = "user_session";
    rdp.action = "reconnect";
    rdp.set(car_field::user, "CORP\\jdoe");
    rdp.set(car_field::src_ip, "198.51.100.23");
    rdp.set(car_field::terminal_session_id, "3");
    CHECK(event_message(rdp) == "CORP\\jdoe reconnected from 198.51.100.23, session 3");
}

TEST_CASE("Security auditing's authentication, account and group events have messages", "[report][event_text]") {
    car_event failure;
    failure.object = "authentication";
    failure.action = "failure";
    failure.set(car_field::target_user, "WS05\\Administrator");
    failure.set(car_field::method, "Negotiate");
    failure.set(car_field::decision_reason, "unknown user name or bad password");
    failure.set(car_field::status, "0xc000006d");
    failure.set(car_field::sub_status, "0xc000006a");
    failure.set(car_field::login_type, "10");
    failure.set(car_field::src_ip, "203.0.113.50");
    CHECK(event_message(failure) ==
          "Authentication of WS05\\Administrator failed (Negotiate): unknown user name or bad password, status "
          "0xc000006d/0xc000006a, logon type 10 from 203.0.113.50");
    car_event ticket;
    ticket.object = "authentication";
    ticket.action = "success";
    ticket.set(car_field::target_user, "jdoe@CORP.EXAMPLE.COM");
    ticket.set(car_field::method, "Kerberos");
    ticket.set(car_field::ticket_service, "svc_sql");
    ticket.set(car_field::ticket_encryption_type, "0x17");
    CHECK(event_message(ticket) ==
          "Authentication of jdoe@CORP.EXAMPLE.COM succeeded (Kerberos), ticket for svc_sql, encryption 0x17");
    car_event added;
    added.object = "group";
    added.action = "member_add";
    added.set(car_field::target_uid, "S-1-5-21-1-2-3-1601");
    added.set(car_field::group_scope, "local");
    added.set(car_field::group_name, "Builtin\\Administrators");
    added.set(car_field::user, "CORP\\Administrator");
    CHECK(event_message(added) == "S-1-5-21-1-2-3-1601 added to local group Builtin\\Administrators by CORP\\Administrator");
    car_event renamed;
    renamed.object = "account";
    renamed.action = "rename";
    renamed.set(car_field::previous_target_user, "CORP\\backdoor");
    renamed.set(car_field::target_user, "CORP\\svc_update");
    renamed.set(car_field::user, "CORP\\Administrator");
    CHECK(event_message(renamed) == "Account CORP\\backdoor renamed to CORP\\svc_update by CORP\\Administrator");
}
