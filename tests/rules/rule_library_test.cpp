// Sigma rules on evtxcar events (src/rules): field names through the CAR
// mapping, computed Sysmon forms, logsources by CAR object or channel, the
// markers of the scan workers, coverage per rule and host, correlations.
// The rules are written here; the events are normalized from records by
// evtxcar's own sensors (Sysmon 1, Security 4688), so a rule meets them as
// it does in a scan.
#include <filesystem>
#include <fstream>

#include "car/event_fields.hpp"
#include "car/normalizer.hpp"
#include "catch.hpp"
#include "pipeline/host_profiles.hpp"
#include "rules/car_event_view.hpp"
#include "rules/rule_coverage.hpp"
#include "rules/rule_library.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

car_event normalized(event_record record) {
    record.time_created = 133500000000000000ULL;
    record.computer = "WS01.corp.example.com";
    car_event event;
    std::string problem;
    for (const auto& normalizer : make_normalizers()) {
        if (normalizer->provider() == record.provider_name && normalizer->normalize(record, event, problem)) {
            keep_record_values(record, event);
            return event;
        }
    }
    set_generic_event(record, event);
    keep_record_values(record, event);
    return event;
}

car_event sysmon_process_create(const std::string& image, const std::string& command_line, const std::string& user) {
    event_record record;
    record.provider_name = "Microsoft-Windows-Sysmon";
    record.channel = "Microsoft-Windows-Sysmon/Operational";
    record.event_id = 1;
    record.kind = payload_kind::event_data;
    record.fields = {{"ProcessId", "4242"}, {"Image", image}, {"OriginalFileName", "Cmd.Exe"},
                     {"CommandLine", command_line}, {"User", user}, {"IntegrityLevel", "High"},
                     {"ParentImage", "C:\\Windows\\explorer.exe"}, {"ParentProcessId", "1200"}};
    return normalized(record);
}

car_event security_process_create(const std::string& image, const std::string& command_line, const std::string& sid) {
    event_record record;
    record.provider_name = "Microsoft-Windows-Security-Auditing";
    record.channel = "Security";
    record.event_id = 4688;
    record.version = 2;
    record.kind = payload_kind::event_data;
    record.fields = {{"SubjectUserSid", sid}, {"SubjectUserName", "WS01$"}, {"SubjectDomainName", "CORP"},
                     {"SubjectLogonId", "0x3e7"}, {"NewProcessId", "0x1092"}, {"NewProcessName", image},
                     {"TokenElevationType", "%%1936"}, {"ProcessId", "0x4b0"}, {"CommandLine", command_line},
                     {"TargetUserSid", "S-1-0-0"}, {"TargetUserName", "-"}, {"TargetDomainName", "-"},
                     {"TargetLogonId", "0x0"}, {"ParentProcessName", "C:\\Windows\\explorer.exe"},
                     {"MandatoryLabel", "S-1-16-12288"}};
    return normalized(record);
}

// Writes `yaml` as a rule file and loads it.
std::unique_ptr<rules::rule_library> library_of(const std::filesystem::path& folder, const std::string& yaml) {
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "rule.yml") << yaml;
    rules::library_options options;
    options.paths = {folder / "rule.yml"};
    options.load.products = {"windows", "car"};
    return rules::rule_library::load(options);
}

std::vector<std::string> marks(const rules::rule_library& library, car_event event) {
    auto marker = library.make_marker();
    marker->mark(event);
    return event.analytics;
}

constexpr const char* whoami_rule = R"(title: whoami as SYSTEM
id: 11111111-1111-4111-8111-111111111111
status: test
level: high
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\whoami.exe'
        User|contains: 'SYSTEM'
        IntegrityLevel: High
        ProcessId: 4242
    condition: selection
)";

}  // namespace

TEST_CASE("rules: a process_creation rule fires on Sysmon 1 and Security 4688 alike", "[rules]") {
    temporary_folder folder;
    const auto library = library_of(folder.path(), whoami_rule);
    REQUIRE(library->runs().size() == 1);
    const std::string label = "11111111-1111-4111-8111-111111111111:sigma";
    // Sysmon logs SYSTEM by name; 4688 by the machine account and S-1-5-18:
    // User reads both as "NT AUTHORITY\SYSTEM". 4688's hex process id 0x1092 is 4242.
    CHECK(marks(*library, sysmon_process_create("C:\\Windows\\System32\\whoami.exe", "whoami /all",
                                                "NT AUTHORITY\\SYSTEM")) == std::vector<std::string>{label});
    CHECK(marks(*library, security_process_create("C:\\Windows\\System32\\whoami.exe", "whoami /all", "S-1-5-18")) ==
          std::vector<std::string>{label});
    // Another user, another image: no mark.
    CHECK(marks(*library, security_process_create("C:\\Windows\\System32\\whoami.exe", "whoami",
                                                  "S-1-5-21-1-2-3-1105")).empty());
    CHECK(marks(*library, sysmon_process_create("C:\\Windows\\System32\\cmd.exe", "cmd", "NT AUTHORITY\\SYSTEM")).empty());
}

TEST_CASE("rules: a service rule reads the payload by its own names and the System values", "[rules]") {
    temporary_folder folder;
    const auto library = library_of(folder.path(), R"(title: 4688 by name
id: 22222222-2222-4222-8222-222222222222
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4688
        Channel: Security
        NewProcessName|endswith: '\whoami.exe'
        MandatoryLabel: S-1-16-12288
    condition: selection
)");
    CHECK(marks(*library, security_process_create("C:\\x\\whoami.exe", "whoami", "S-1-5-18")).size() == 1);
    // Sysmon's copy of the fact is in another channel: a service rule of the Security log never sees it.
    CHECK(marks(*library, sysmon_process_create("C:\\x\\whoami.exe", "whoami", "NT AUTHORITY\\SYSTEM")).empty());
}

TEST_CASE("rules: the event view computes Sysmon's forms", "[rules]") {
    rules::car_field_resolver fields;
    const sigma::logsource category{"windows", "network_connection", "", ""};
    const auto initiated = fields.resolve(category, "Initiated");
    const auto target_object = fields.resolve({"windows", "registry_set", "", ""}, "TargetObject");
    const auto event_id = fields.resolve(category, "EventID");
    const auto data = fields.resolve({"windows", "", "powershell-classic", ""}, "Data");
    const auto absent = fields.resolve(category, "NoSuchField");
    rules::car_event_view view(fields);

    car_event flow;
    flow.object = "flow";
    flow.action = "start";
    flow.event_id = 5156;
    flow.set(car_field::network_direction, "outbound");
    view.point_at(flow);
    CHECK(view.value(initiated) == std::optional<std::string_view>("true"));
    CHECK(view.value(event_id) == std::optional<std::string_view>("5156"));
    CHECK_FALSE(view.value(absent).has_value());
    flow.set(car_field::network_direction, "inbound");
    view.point_at(flow);
    CHECK(view.value(initiated) == std::optional<std::string_view>("false"));

    car_event registry;
    registry.set(car_field::hive, "HKLM");
    registry.set(car_field::key, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
    registry.set(car_field::value, "Updater");
    view.point_at(registry);
    CHECK(view.value(target_object) ==
          std::optional<std::string_view>("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater"));

    car_event classic;
    classic.fields = {{"", "Available"}, {"", "None"}, {"", "HostName=ConsoleHost\nHostVersion=2.0"}};
    view.point_at(classic);
    CHECK(view.value(data) == std::optional<std::string_view>("Available\nNone\nHostName=ConsoleHost\nHostVersion=2.0"));
}

TEST_CASE("rules: coverage says full, partly or none per host from what it logged", "[rules]") {
    temporary_folder folder;
    const auto library = library_of(folder.path(), R"(title: needs OriginalFileName
id: 33333333-3333-4333-8333-333333333333
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        OriginalFileName: Cmd.Exe
    condition: selection
---
title: needs image and command line
id: 44444444-4444-4444-8444-444444444444
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\cmd.exe'
        CommandLine|contains: ' /c '
    condition: selection
---
title: needs image loads
id: 55555555-5555-4555-8555-555555555555
logsource:
    product: windows
    category: image_load
detection:
    selection:
        ImageLoaded|endswith: '\amsi.dll'
    condition: selection
)");
    REQUIRE(library->runs().size() == 3);
    host_profiles profiles;
    profiles.count("SYSMON01", sysmon_process_create("C:\\Windows\\System32\\cmd.exe", "cmd /c dir", "CORP\\jdoe"));
    profiles.count("AUDIT01", security_process_create("C:\\Windows\\System32\\cmd.exe", "cmd /c dir", "S-1-5-21-1-2-3-4"));
    scan_summary summary;
    summary.hosts = host_directory({{"SYSMON01", 1}, {"AUDIT01", 1}}).hosts();
    const std::vector<detection> no_detections;
    const detections_in_memory none(no_detections);
    rules::rule_coverage(*library).add_coverage({profiles, none, false, true}, summary);
    REQUIRE(summary.rule_coverage.size() == 2);
    const rule_host_coverage& audit = summary.rule_coverage[0];  // hosts by name: AUDIT01 first
    const rule_host_coverage& sysmon = summary.rule_coverage[1];
    CHECK(audit.host == "AUDIT01");
    CHECK((audit.full == 1 && audit.partly == 1 && audit.none == 1));
    CHECK((sysmon.full == 2 && sysmon.partly == 0 && sysmon.none == 1));
    // The detail rows say why.
    REQUIRE(summary.coverage.size() == 6);
    for (const coverage_row& row : summary.coverage) {
        CAPTURE(row.host, row.analytic_id, row.why_not);
        if (row.analytic_id.starts_with("3333") && row.host == "AUDIT01") {
            CHECK((row.evaluable && row.partial));
            CHECK(row.why_not.find("OriginalFileName") != std::string::npos);
        }
        if (row.analytic_id.starts_with("5555")) {
            CHECK_FALSE(row.evaluable);
            CHECK(row.why_not.find("image_load") != std::string::npos);
        }
        if (row.analytic_id.starts_with("4444")) CHECK((row.evaluable && !row.partial && row.events_examined == 1));
    }
}

TEST_CASE("rules: a rule of product car reads CAR fields on every sensor's events", "[rules]") {
    temporary_folder folder;
    const auto library = library_of(folder.path(), R"(title: cmd by explorer
id: 66666666-6666-4666-8666-666666666666
logsource:
    product: car
    category: process/create
detection:
    selection:
        exe: cmd.exe
        parent_exe: explorer.exe
    condition: selection
)");
    REQUIRE(library->runs().size() == 1);
    CHECK(marks(*library, sysmon_process_create("C:\\Windows\\System32\\cmd.exe", "cmd", "CORP\\jdoe")).size() == 1);
    CHECK(marks(*library, security_process_create("C:\\Windows\\System32\\cmd.exe", "cmd", "S-1-5-18")).size() == 1);
    CHECK(marks(*library, security_process_create("C:\\Windows\\System32\\notepad.exe", "x", "S-1-5-18")).empty());
}
