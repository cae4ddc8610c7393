// Security auditing -> CAR user_session: 4624 (versions 0, 1 and 2), 4634,
// 4647, 4778, 4779, 4800, 4801. Field names, order and value forms are those
// Windows writes (as evtxexport shows them: hexadecimal logon ids padded to
// 16 digits, %%18xx message ids); the CAR names those of docs/data-model.md.
#include "security_test_support.hpp"

using namespace evtxcar;
using namespace evtxcar::test;

namespace {

// 4624 version 0 (Windows Vista / Server 2008): no ImpersonationLevel and
// nothing after IpPort.
std::vector<payload_field> logon_v0(std::string logon_type, std::string ip, std::string port) {
    return {{"SubjectUserSid", "S-1-5-18"},
            {"SubjectUserName", "WS05$"},
            {"SubjectDomainName", "CORP"},
            {"SubjectLogonId", "0x00000000000003e7"},
            {"TargetUserSid", "S-1-5-21-3623811015-3361044348-30300820-1105"},
            {"TargetUserName", "jdoe"},
            {"TargetDomainName", "CORP"},
            {"TargetLogonId", "0x00000000005d2f1a"},
            {"LogonType", std::move(logon_type)},
            {"LogonProcessName", "User32 "},
            {"AuthenticationPackageName", "Negotiate"},
            {"WorkstationName", "WS05"},
            {"LogonGuid", "{4F1C2E3A-9B8D-7C6E-5F4A-3B2C1D0E9F8A}"},
            {"TransmittedServices", "-"},
            {"LmPackageName", "-"},
            {"KeyLength", "0"},
            {"ProcessId", "0x0000000000000c38"},
            {"ProcessName", "C:\\Windows\\System32\\winlogon.exe"},
            {"IpAddress", std::move(ip)},
            {"IpPort", std::move(port)}};
}

// Version 2 (Windows 10 / Server 2016): ImpersonationLevel (version 1) and
// RestrictedAdminMode ... ElevatedToken.
std::vector<payload_field> logon_v2(std::string logon_type, std::string ip, std::string port,
                                    std::string elevated = "%%1842") {
    return with(logon_v0(std::move(logon_type), std::move(ip), std::move(port)),
                {{"ImpersonationLevel", "%%1833"},
                 {"RestrictedAdminMode", "-"},
                 {"TargetOutboundUserName", "-"},
                 {"TargetOutboundDomainName", "-"},
                 {"VirtualAccount", "%%1843"},
                 {"TargetLinkedLogonId", "0x00000000005d2f3b"},
                 {"ElevatedToken", std::move(elevated)}});
}

}  // namespace

TEST_CASE("4624 version 2 becomes user_session/login with every field", "[car][security][session]") {
    const auto out = normalize(security_record(4624, logon_v2("10", "198.51.100.23", "51234"), 2));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "user_session");
    CHECK(out.event.action == "login");
    // The account that logged on.
    CHECK(out.fields.at("user") == "CORP\\jdoe");
    CHECK(out.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-1105");
    CHECK(out.fields.at("logon_id") == "0x00000000005d2f1a");  // as logged: joins 4688's SubjectLogonId
    CHECK(out.fields.at("login_type") == "10");                // the number Windows logs
    // The account that asked for the logon.
    CHECK(out.fields.at("subject_user") == "CORP\\WS05$");
    CHECK(out.fields.at("subject_uid") == "S-1-5-18");
    CHECK(out.fields.at("subject_logon_id") == "0x00000000000003e7");
    CHECK(out.fields.at("logon_process") == "User32");  // without Windows' padding space
    CHECK(out.fields.at("method") == "Negotiate");
    CHECK(out.fields.at("src_hostname") == "WS05");
    CHECK(out.fields.at("logon_guid") == "{4F1C2E3A-9B8D-7C6E-5F4A-3B2C1D0E9F8A}");
    CHECK(out.fields.at("pid") == "3128");  // 0xc38
    CHECK(out.fields.at("image_path") == "C:\\Windows\\System32\\winlogon.exe");
    CHECK(out.fields.at("exe") == "winlogon.exe");
    CHECK(out.fields.at("src_ip") == "198.51.100.23");
    CHECK(out.fields.at("src_port") == "51234");
    CHECK(out.fields.at("elevated_token") == "true");  // %%1842
    CHECK(out.fields.at("hostname") == "WS05");
    CHECK_FALSE(out.has("sid"));  // CAR's user_session names the SID uid
    CHECK(out.fields.size() == 19);
}

TEST_CASE("4624 version 0 and 1: no elevated token; placeholders set nothing", "[car][security][session]") {
    // A network logon with NULL subject, no process, no address, no GUID.
    event_record v0 = security_record(4624, logon_v0("3", "-", "-"));
    v0 = replaced(v0, "SubjectUserSid", "S-1-0-0");
    v0 = replaced(v0, "SubjectUserName", "-");
    v0 = replaced(v0, "SubjectDomainName", "-");
    v0 = replaced(v0, "SubjectLogonId", "0x0000000000000000");
    v0 = replaced(v0, "ProcessId", "0x0000000000000000");
    v0 = replaced(v0, "ProcessName", "-");
    v0 = replaced(v0, "WorkstationName", "");
    v0 = replaced(v0, "LogonProcessName", "NtLmSsp ");
    v0 = replaced(v0, "LogonGuid", "{00000000-0000-0000-0000-000000000000}");
    const auto out = normalize(v0);
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.fields.at("login_type") == "3");
    CHECK(out.fields.at("logon_process") == "NtLmSsp");
    for (const char* absent : {"subject_user", "subject_uid", "subject_logon_id", "pid", "image_path", "exe",
                               "src_ip", "src_port", "src_hostname", "logon_guid", "elevated_token"}) {
        CAPTURE(absent);
        CHECK_FALSE(out.has(absent));
    }

    // Version 1 adds ImpersonationLevel only (kept in the payload).
    auto v1_fields = logon_v0("2", "127.0.0.1", "0");
    v1_fields.push_back({"ImpersonationLevel", "%%1833"});
    const auto v1 = normalize(security_record(4624, v1_fields, 1));
    CHECK(v1.fields.at("src_ip") == "127.0.0.1");
    CHECK(v1.fields.at("src_port") == "0");
    CHECK_FALSE(v1.has("elevated_token"));

    // A process id logged as a decimal size_t (Windows Server 2008) and an empty process name.
    const auto size_t_id = normalize(replaced(replaced(security_record(4624, logon_v0("0", "-", "-")), "ProcessId", "4"),
                                              "ProcessName", ""));
    CHECK(size_t_id.fields.at("pid") == "4");
    CHECK_FALSE(size_t_id.has("image_path"));

    // No elevation: %%1843.
    CHECK(normalize(security_record(4624, logon_v2("2", "-", "-", "%%1843"), 2)).fields.at("elevated_token") == "false");
}

TEST_CASE("4624 values that do not convert are kept as logged and reported", "[car][security][session]") {
    const auto type = normalize(security_record(4624, logon_v2("ten", "-", "-"), 2));
    CHECK(type.mapped);
    CHECK(type.fields.at("login_type") == "ten");
    CHECK(type.problem.find("LogonType") != std::string::npos);

    const auto elevated = normalize(security_record(4624, logon_v2("2", "-", "-", "%%1999"), 2));
    CHECK(elevated.fields.at("elevated_token") == "%%1999");
    CHECK(elevated.problem.find("ElevatedToken") != std::string::npos);

    const auto pid = normalize(replaced(security_record(4624, logon_v0("2", "-", "-")), "ProcessId", "0xZZ"));
    CHECK(pid.fields.at("pid") == "0xZZ");
    CHECK(pid.problem.find("ProcessId") != std::string::npos);
}

TEST_CASE("4634 and 4647 become user_session/logout", "[car][security][session]") {
    const std::vector<payload_field> target = {{"TargetUserSid", "S-1-5-21-3623811015-3361044348-30300820-1105"},
                                               {"TargetUserName", "jdoe"},
                                               {"TargetDomainName", "CORP"},
                                               {"TargetLogonId", "0x00000000005d2f1a"}};
    const auto logoff = normalize(security_record(4634, with(target, {{"LogonType", "3"}})));
    REQUIRE(logoff.mapped);
    CHECK(logoff.event.object == "user_session");
    CHECK(logoff.event.action == "logout");
    CHECK(logoff.fields.at("user") == "CORP\\jdoe");
    CHECK(logoff.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-1105");
    CHECK(logoff.fields.at("logon_id") == "0x00000000005d2f1a");
    CHECK(logoff.fields.at("login_type") == "3");

    const auto user_initiated = normalize(security_record(4647, target));
    CHECK(user_initiated.event.action == "logout");
    CHECK(user_initiated.fields.at("user") == "CORP\\jdoe");
    CHECK_FALSE(user_initiated.has("login_type"));  // 4647 does not log one
}

TEST_CASE("4778 reconnect and 4779 disconnect: session name and client", "[car][security][session]") {
    const std::vector<payload_field> station = {{"AccountName", "admmarsid"},   {"AccountDomain", "OFFSEC"},
                                                {"LogonID", "0x000000000006a423"}, {"SessionName", "RDP-Tcp#8"},
                                                {"ClientName", "JUMP01"},      {"ClientAddress", "10.23.23.9"}};
    const auto reconnect = normalize(security_record(4778, station));
    REQUIRE(reconnect.mapped);
    CHECK(reconnect.problem.empty());
    CHECK(reconnect.event.object == "user_session");
    CHECK(reconnect.event.action == "reconnect");
    CHECK(reconnect.fields.at("user") == "OFFSEC\\admmarsid");
    CHECK(reconnect.fields.at("logon_id") == "0x000000000006a423");
    CHECK(reconnect.fields.at("session_name") == "RDP-Tcp#8");
    CHECK(reconnect.fields.at("src_hostname") == "JUMP01");
    CHECK(reconnect.fields.at("src_ip") == "10.23.23.9");
    CHECK_FALSE(reconnect.has("uid"));  // 4778 names no SID

    const auto disconnect = normalize(security_record(4779, station));
    CHECK(disconnect.event.object == "user_session");
    CHECK(disconnect.event.action == "disconnect");
    CHECK(disconnect.fields.at("session_name") == "RDP-Tcp#8");
}

TEST_CASE("4800 lock and 4801 unlock", "[car][security][session]") {
    const std::vector<payload_field> fields = {{"TargetUserSid", "S-1-5-21-3623811015-3361044348-30300820-1105"},
                                               {"TargetUserName", "jdoe"},
                                               {"TargetDomainName", "CORP"},
                                               {"TargetLogonId", "0x00000000005d2f1a"},
                                               {"SessionId", "2"}};
    const auto lock = normalize(security_record(4800, fields));
    REQUIRE(lock.mapped);
    CHECK(lock.event.object == "user_session");
    CHECK(lock.event.action == "lock");
    CHECK(lock.fields.at("user") == "CORP\\jdoe");
    CHECK(lock.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-1105");
    CHECK(lock.fields.at("logon_id") == "0x00000000005d2f1a");
    CHECK(lock.fields.at("terminal_session_id") == "2");
    CHECK(normalize(security_record(4801, fields)).event.action == "unlock");
}
