// Microsoft Defender 1116 / 1117 -> evtxcar's malware object. The 42 fields
// and their names (with spaces) as evtxexport shows real logs; older
// platforms write "Signature Version", newer "Security intelligence Version".
#include "car/defender/defender_mappings.hpp"
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* defender_provider = "Microsoft-Windows-Windows Defender";

std::vector<payload_field> threat_fields(const std::string& path, const std::string& action_name,
                                         const char* version_field) {
    return {{"Product Name", "%%827"},
            {"Product Version", "4.18.1906.3"},
            {"Detection ID", "{511224D4-1EB4-47B9-BC4A-37E21F923FED}"},
            {"Detection Time", "2019-07-18T20:40:00.580Z"},
            {"Unused", ""},
            {"Unused2", ""},
            {"Threat ID", "2147725349"},
            {"Threat Name", "Trojan:PowerShell/Powersploit.M"},
            {"Severity ID", "5"},
            {"Severity Name", "Severe"},
            {"Category ID", "8"},
            {"Category Name", "Trojan"},
            {"FWLink", "https://go.microsoft.com/fwlink/?linkid=37020&name=Trojan:PowerShell/Powersploit.M"},
            {"Status Code", "1"},
            {"Status Description", ""},
            {"State", "1"},
            {"Source ID", "3"},
            {"Source Name", "%%818"},
            {"Process Name", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"},
            {"Detection User", "MSEDGEWIN10\\IEUser"},
            {"Unused3", ""},
            {"Path", path},
            {"Origin ID", "1"},
            {"Origin Name", "%%845"},
            {"Execution ID", "1"},
            {"Execution Name", "%%813"},
            {"Type ID", "0"},
            {"Type Name", "%%822"},
            {"Pre Execution Status", "0"},
            {"Action ID", "9"},
            {"Action Name", action_name},
            {"Unused4", ""},
            {"Error Code", "0x00000000"},
            {"Error Description", "The operation completed successfully. "},
            {"Unused5", ""},
            {"Post Clean Status", "0"},
            {"Additional Actions ID", "0"},
            {"Additional Actions String", "No additional actions required"},
            {"Remediation User", action_name == "%%887" ? "" : "NT AUTHORITY\\SYSTEM"},
            {"Unused6", ""},
            {version_field, "AV: 1.297.1333.0, AS: 1.297.1333.0, NIS: 1.297.1333.0"},
            {"Engine Version", "AM: 1.1.16100.4, NIS: 1.1.16100.4"}};
}

event_record defender_record(std::uint32_t event_id, std::vector<payload_field> fields) {
    return log_record(defender_provider, "Microsoft-Windows-Windows Defender/Operational", event_id, payload_kind::event_data,
                      std::move(fields));
}

}  // namespace

TEST_CASE("1116 becomes malware/detect: threat, severity, category, the file, the process and user",
          "[car][defender]") {
    const auto out = normalize_record(defender_record(
        1116, threat_fields("file:_C:\\AtomicRedTeam\\atomics\\T1056\\Get-Keystrokes.ps1", "%%887", "Signature Version")));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "malware");
    CHECK(out.event.action == "detect");
    CHECK(out.fields.at("threat_name") == "Trojan:PowerShell/Powersploit.M");
    CHECK(out.fields.at("threat_id") == "2147725349");
    CHECK(out.fields.at("severity") == "Severe");
    CHECK(out.fields.at("category") == "Trojan");
    CHECK(out.fields.at("file_path") == "C:\\AtomicRedTeam\\atomics\\T1056\\Get-Keystrokes.ps1");
    CHECK(out.fields.at("image_path") == "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
    CHECK(out.fields.at("exe") == "powershell.exe");
    CHECK(out.fields.at("user") == "MSEDGEWIN10\\IEUser");
    CHECK(out.fields.at("detection_id") == "{511224D4-1EB4-47B9-BC4A-37E21F923FED}");
    CHECK(out.fields.at("detection_source") == "%%818");
    CHECK(out.fields.at("action_taken") == "%%887");
    CHECK(out.fields.at("error_id") == "0x00000000");
    CHECK(out.fields.at("error_description") == "The operation completed successfully. ");
    CHECK(out.fields.at("signature_version") == "AV: 1.297.1333.0, AS: 1.297.1333.0, NIS: 1.297.1333.0");
    CHECK(out.fields.at("engine_version") == "AM: 1.1.16100.4, NIS: 1.1.16100.4");
    CHECK_FALSE(out.has("remediation_user"));  // logged empty
}

TEST_CASE("1117 becomes malware/remediate; the newer version field name; a resource list stays as logged",
          "[car][defender]") {
    const std::string resources =
        "containerfile:_C:\\shells\\b.jsp; file:_C:\\shells\\b.jsp->(SCRIPT0005); file:_C:\\shells\\b.jsp->(SCRIPT0037)";
    const auto out = normalize_record(defender_record(1117, threat_fields(resources, "%%809", "Security intelligence Version")));
    REQUIRE(out.mapped);
    CHECK(out.event.action == "remediate");
    CHECK(out.fields.at("file_path") == resources);
    CHECK(out.fields.at("action_taken") == "%%809");
    CHECK(out.fields.at("remediation_user") == "NT AUTHORITY\\SYSTEM");
    CHECK(out.fields.at("signature_version") == "AV: 1.297.1333.0, AS: 1.297.1333.0, NIS: 1.297.1333.0");
}

TEST_CASE("Defender's resource paths, and events with fields missing", "[car][defender]") {
    CHECK(defender::file_path_of("file:_C:\\a\\b.exe") == "C:\\a\\b.exe");
    CHECK(defender::file_path_of("file:_C:\\a\\b.zip->x.js") == "C:\\a\\b.zip->x.js");
    CHECK(defender::file_path_of("process:_pid:4242,ProcessStart:132") == "process:_pid:4242,ProcessStart:132");
    CHECK(defender::file_path_of("regkey:_HKLM\\SOFTWARE\\x") == "regkey:_HKLM\\SOFTWARE\\x");
    const auto bare = normalize_record(defender_record(1116, {{"Threat Name", "EICAR_Test_File"}}));
    REQUIRE(bare.mapped);
    CHECK(bare.fields.at("threat_name") == "EICAR_Test_File");
    CHECK_FALSE(bare.has("file_path"));
    CHECK_FALSE(bare.has("image_path"));
    CHECK_FALSE(bare.has("user"));
    CHECK_FALSE(normalize_record(defender_record(5007, {{"Old Value", "x"}})).mapped);  // catalog only
    CHECK(test::mapped_event_ids(defender_provider) == std::vector<std::uint32_t>{1116, 1117});
}
