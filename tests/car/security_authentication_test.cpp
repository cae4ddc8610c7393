// Security auditing -> CAR authentication: 4625, 4648, 4768, 4769, 4771,
// 4776. Field names, order and value forms are those Windows writes (as
// evtxexport shows them: HexInt32 codes padded to 8 digits); the CAR names
// and the code forms ("0x17") those of docs/data-model.md.
#include "security_test_support.hpp"

using namespace evtxcar;
using namespace evtxcar::test;

namespace {

std::vector<payload_field> failed_logon() {
    return {{"SubjectUserSid", "S-1-5-18"},
            {"SubjectUserName", "WS05$"},
            {"SubjectDomainName", "CORP"},
            {"SubjectLogonId", "0x00000000000003e7"},
            {"TargetUserSid", "S-1-0-0"},
            {"TargetUserName", "Administrator"},
            {"TargetDomainName", "WS05"},
            {"Status", "0xc000006d"},
            {"FailureReason", "%%2313"},
            {"SubStatus", "0xc000006a"},
            {"LogonType", "10"},
            {"LogonProcessName", "User32 "},
            {"AuthenticationPackageName", "Negotiate"},
            {"WorkstationName", "WS05"},
            {"TransmittedServices", "-"},
            {"LmPackageName", "-"},
            {"KeyLength", "0"},
            {"ProcessId", "0x0000000000000c38"},
            {"ProcessName", "C:\\Windows\\System32\\winlogon.exe"},
            {"IpAddress", "203.0.113.50"},
            {"IpPort", "60167"}};
}

std::vector<payload_field> ticket_granting(std::string status, std::string sid, std::string encryption,
                                           std::string pre_auth) {
    return {{"TargetUserName", "jdoe"},
            {"TargetDomainName", "CORP.EXAMPLE.COM"},
            {"TargetSid", std::move(sid)},
            {"ServiceName", "krbtgt"},
            {"ServiceSid", "S-1-5-21-3623811015-3361044348-30300820-502"},
            {"TicketOptions", "0x40810010"},
            {"Status", std::move(status)},
            {"TicketEncryptionType", std::move(encryption)},
            {"PreAuthType", std::move(pre_auth)},
            {"IpAddress", "::ffff:10.20.5.55"},
            {"IpPort", "49822"},
            {"CertIssuerName", ""},
            {"CertSerialNumber", ""},
            {"CertThumbprint", ""}};
}

std::vector<payload_field> credential_validation(std::string status) {
    return {{"PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"},
            {"TargetUserName", "Administrator"},
            {"Workstation", "ATTACKER01"},
            {"Status", std::move(status)}};
}

}  // namespace

TEST_CASE("4625 becomes authentication/failure: reason, status, sub status, logon", "[car][security][authentication]") {
    const auto out = normalize(security_record(4625, failed_logon()));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "authentication");
    CHECK(out.event.action == "failure");
    // CAR: user is who asked, target_user the account being authenticated.
    CHECK(out.fields.at("user") == "CORP\\WS05$");
    CHECK(out.fields.at("uid") == "S-1-5-18");
    CHECK(out.fields.at("logon_id") == "0x00000000000003e7");
    CHECK(out.fields.at("target_user") == "WS05\\Administrator");
    CHECK_FALSE(out.has("target_uid"));  // S-1-0-0: Windows did not resolve the name
    CHECK(out.fields.at("decision_reason") == "unknown user name or bad password");  // %%2313
    CHECK(out.fields.at("status") == "0xc000006d");
    CHECK(out.fields.at("sub_status") == "0xc000006a");
    CHECK(out.fields.at("login_type") == "10");
    CHECK(out.fields.at("logon_process") == "User32");
    CHECK(out.fields.at("method") == "Negotiate");
    CHECK(out.fields.at("src_hostname") == "WS05");
    CHECK(out.fields.at("pid") == "3128");
    CHECK(out.fields.at("exe") == "winlogon.exe");
    CHECK(out.fields.at("src_ip") == "203.0.113.50");
    CHECK(out.fields.at("src_port") == "60167");
    CHECK(out.fields.size() == 18);  // the 16 above (image_path too) and hostname, fqdn
}

TEST_CASE("4625 without a subject, with codes evtxcar does not know or cannot read", "[car][security][authentication]") {
    event_record network = security_record(4625, failed_logon());
    network = replaced(network, "SubjectUserSid", "S-1-0-0");
    network = replaced(network, "SubjectUserName", "-");
    network = replaced(network, "SubjectDomainName", "-");
    network = replaced(network, "SubjectLogonId", "0x0000000000000000");
    network = replaced(network, "FailureReason", "%%2399");
    network = replaced(network, "SubStatus", "0x00000000");
    network = replaced(network, "ProcessId", "0x0000000000000000");
    network = replaced(network, "ProcessName", "-");
    network = replaced(network, "IpPort", "-");
    const auto out = normalize(network);
    CHECK(out.problem.empty());
    CHECK_FALSE(out.has("user"));
    CHECK_FALSE(out.has("uid"));
    CHECK_FALSE(out.has("pid"));
    CHECK_FALSE(out.has("src_port"));
    CHECK(out.fields.at("decision_reason") == "%%2399");  // kept as logged
    CHECK(out.fields.at("sub_status") == "0x0");

    const auto bad = normalize(replaced(security_record(4625, failed_logon()), "Status", "denied"));
    CHECK(bad.event.action == "failure");
    CHECK(bad.fields.at("status") == "denied");
    CHECK(bad.problem.find("Status") != std::string::npos);
}

TEST_CASE("4648 becomes authentication/explicit_credentials", "[car][security][authentication]") {
    // Windows Server 2008 logs the second GUID as LogonGuid again and the
    // process id as a decimal size_t; later versions name it TargetLogonGuid.
    const std::vector<payload_field> fields = with(
        subject_system, {{"LogonGuid", "{00000000-0000-0000-0000-000000000000}"},
                         {"TargetUserName", "svc_backup"},
                         {"TargetDomainName", "CORP"},
                         {"LogonGuid", "{00000000-0000-0000-0000-000000000000}"},
                         {"TargetServerName", "fs01.corp.example.com"},
                         {"TargetInfo", "fs01.corp.example.com"},
                         {"ProcessId", "588"},
                         {"ProcessName", "C:\\Windows\\System32\\services.exe"},
                         {"IpAddress", "-"},
                         {"IpPort", "-"}});
    const auto out = normalize(security_record(4648, fields));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "authentication");
    CHECK(out.event.action == "explicit_credentials");
    CHECK(out.fields.at("user") == "CORP\\WS05$");
    CHECK(out.fields.at("uid") == "S-1-5-18");
    CHECK(out.fields.at("logon_id") == "0x3e7");
    CHECK(out.fields.at("target_user") == "CORP\\svc_backup");
    CHECK_FALSE(out.has("target_uid"));  // 4648 names no SID for the target
    CHECK(out.fields.at("auth_target") == "fs01.corp.example.com");
    CHECK(out.fields.at("pid") == "588");
    CHECK(out.fields.at("exe") == "services.exe");
    CHECK_FALSE(out.has("logon_guid"));
    CHECK_FALSE(out.has("src_ip"));
}

TEST_CASE("4768: a TGT granted is a success, refused a failure with the Kerberos reason", "[car][security][authentication]") {
    const auto granted = normalize(security_record(
        4768, ticket_granting("0x00000000", "S-1-5-21-3623811015-3361044348-30300820-1105", "0x00000012", "2")));
    REQUIRE(granted.mapped);
    CHECK(granted.problem.empty());
    CHECK(granted.event.object == "authentication");
    CHECK(granted.event.action == "success");
    CHECK(granted.fields.at("target_user") == "CORP.EXAMPLE.COM\\jdoe");
    CHECK(granted.fields.at("target_uid") == "S-1-5-21-3623811015-3361044348-30300820-1105");
    CHECK(granted.fields.at("method") == "Kerberos");
    CHECK(granted.fields.at("ticket_service") == "krbtgt");
    CHECK(granted.fields.at("ticket_options") == "0x40810010");
    CHECK(granted.fields.at("ticket_encryption_type") == "0x12");
    CHECK(granted.fields.at("pre_auth_type") == "2");
    CHECK(granted.fields.at("status") == "0x0");
    CHECK(granted.fields.at("src_ip") == "10.20.5.55");  // IPv4-mapped address as IPv4
    CHECK(granted.fields.at("src_port") == "49822");
    CHECK_FALSE(granted.has("decision_reason"));
    CHECK_FALSE(granted.has("user"));  // the domain controller logs no subject

    const auto unknown_user = normalize(security_record(4768, ticket_granting("0x00000006", "S-1-0-0", "0xffffffff", "-")));
    CHECK(unknown_user.event.action == "failure");
    CHECK(unknown_user.fields.at("decision_reason") == "unknown user (KDC_ERR_C_PRINCIPAL_UNKNOWN)");
    CHECK(unknown_user.fields.at("status") == "0x6");
    CHECK(unknown_user.fields.at("ticket_encryption_type") == "0xffffffff");
    CHECK_FALSE(unknown_user.has("target_uid"));
    CHECK_FALSE(unknown_user.has("pre_auth_type"));

    // A Status that is not a number: kept, reported, and the audit keyword decides.
    event_record unreadable = security_record(4768, ticket_granting("bad", "S-1-0-0", "0xffffffff", "-"));
    unreadable.keywords = 0x8010000000000000ULL;  // audit failure
    const auto by_keyword = normalize(unreadable);
    CHECK(by_keyword.event.action == "failure");
    CHECK(by_keyword.fields.at("status") == "bad");
    CHECK(by_keyword.problem.find("Status") != std::string::npos);
}

TEST_CASE("4769: a service ticket with RC4 encryption (Kerberoasting) keeps 0x17", "[car][security][authentication]") {
    const auto out = normalize(security_record(4769, {{"TargetUserName", "jdoe@CORP.EXAMPLE.COM"},
                                                      {"TargetDomainName", "CORP.EXAMPLE.COM"},
                                                      {"ServiceName", "svc_sql"},
                                                      {"ServiceSid", "S-1-5-21-3623811015-3361044348-30300820-1310"},
                                                      {"TicketOptions", "0x40810000"},
                                                      {"TicketEncryptionType", "0x00000017"},
                                                      {"IpAddress", "::ffff:10.20.5.55"},
                                                      {"IpPort", "50612"},
                                                      {"Status", "0x00000000"},
                                                      {"LogonGuid", "{58ADC6C7-668E-A999-C52A-384B1CB8E553}"},
                                                      {"TransmittedServices", "-"}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.action == "success");
    CHECK(out.fields.at("target_user") == "jdoe@CORP.EXAMPLE.COM");  // a principal name names its realm
    CHECK_FALSE(out.has("target_uid"));
    CHECK(out.fields.at("ticket_service") == "svc_sql");
    CHECK(out.fields.at("ticket_encryption_type") == "0x17");
    CHECK(out.fields.at("ticket_options") == "0x40810000");
    CHECK(out.fields.at("logon_guid") == "{58ADC6C7-668E-A999-C52A-384B1CB8E553}");
    CHECK(out.fields.at("src_ip") == "10.20.5.55");
}

TEST_CASE("4771: failed pre-authentication is a failure with its reason", "[car][security][authentication]") {
    const auto out = normalize(security_record(4771, {{"TargetUserName", "Administrator"},
                                                      {"TargetSid", "S-1-5-21-3623811015-3361044348-30300820-500"},
                                                      {"ServiceName", "krbtgt/CORP.EXAMPLE.COM"},
                                                      {"TicketOptions", "0x00000010"},
                                                      {"Status", "0x00000018"},
                                                      {"PreAuthType", "2"},
                                                      {"IpAddress", "172.16.66.1"},
                                                      {"IpPort", "55967"},
                                                      {"CertIssuerName", ""},
                                                      {"CertSerialNumber", ""},
                                                      {"CertThumbprint", ""}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "authentication");
    CHECK(out.event.action == "failure");
    CHECK(out.fields.at("target_user") == "Administrator");  // 4771 logs no domain
    CHECK(out.fields.at("target_uid") == "S-1-5-21-3623811015-3361044348-30300820-500");
    CHECK(out.fields.at("decision_reason") == "bad password (KDC_ERR_PREAUTH_FAILED)");
    CHECK(out.fields.at("status") == "0x18");
    CHECK(out.fields.at("ticket_options") == "0x10");
    CHECK(out.fields.at("ticket_service") == "krbtgt/CORP.EXAMPLE.COM");
    CHECK(out.fields.at("pre_auth_type") == "2");
    CHECK(out.fields.at("src_ip") == "172.16.66.1");
    CHECK(out.fields.at("method") == "Kerberos");
    CHECK_FALSE(out.has("ticket_encryption_type"));  // 4771 logs none
}

TEST_CASE("4776: NTLM validation, success or failure by its status", "[car][security][authentication]") {
    const auto good = normalize(security_record(4776, credential_validation("0x00000000")));
    REQUIRE(good.mapped);
    CHECK(good.problem.empty());
    CHECK(good.event.object == "authentication");
    CHECK(good.event.action == "success");
    CHECK(good.fields.at("method") == "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0");
    CHECK(good.fields.at("target_user") == "Administrator");
    CHECK(good.fields.at("src_hostname") == "ATTACKER01");
    CHECK(good.fields.at("status") == "0x0");

    const auto bad_password = normalize(security_record(4776, credential_validation("0xc000006a")));
    CHECK(bad_password.event.action == "failure");
    CHECK(bad_password.fields.at("decision_reason") == "bad password (STATUS_WRONG_PASSWORD)");
    const auto other = normalize(security_record(4776, credential_validation("0xc0000999")));
    CHECK(other.event.action == "failure");
    CHECK_FALSE(other.has("decision_reason"));  // a status evtxcar has no words for
    CHECK(other.fields.at("status") == "0xc0000999");
}
