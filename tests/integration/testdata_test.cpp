// The built binary on testdata/, checked against what each scenario wrote
// (testdata/expected/*.jsonl and MANIFEST.tsv, produced by the generator from
// the scenario definitions, not by evtxcar's code).
#include <nlohmann/json.hpp>

#include "support/jsonl_text.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/detection_keys.hpp"
#include "support/details_text.hpp"
#include "support/expected_records.hpp"
#include "support/other_log_expectations.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

const std::vector<std::string> engines = {"fast", "libevtx"};

struct scan_output {
    test::process_result run;
    json summary;
    test::csv_table timeline;
    test::csv_table detections;
};

scan_output scan(const std::vector<std::string>& folders, const std::filesystem::path& out, const std::string& engine,
                 std::vector<std::string> extra = {}) {
    std::vector<std::string> arguments = {"scan"};
    for (const std::string& folder : folders) arguments.push_back((test::testdata_root() / folder).string());
    for (const std::string& word : std::vector<std::string>{"-o", out.string(), "--quiet", "--no-html", "--engine", engine}) {
        arguments.push_back(word);
    }
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    scan_output result;
    result.run = test::run_evtxcar(arguments);
    INFO(result.run.output);
    REQUIRE(result.run.signal == 0);
    result.summary = json::parse(test::read_file((out / "summary.json").string()));
    result.timeline = test::read_csv_table((out / "timeline.csv").string());
    result.detections = test::read_csv_table((out / "detections.csv").string());
    return result;
}

using test::detection_key;
using test::expected_detections;
using test::found_detections;

std::string hostname_of(const std::string& computer) { return computer.substr(0, computer.find('.')); }

// The process create (Sysmon 1) of a host and ProcessGuid, anywhere in `records`.
const test::expected_record* process_create_of(const std::vector<test::expected_record>& records,
                                                const std::string& computer, const std::string& guid) {
    for (const auto& record : records) {
        if (record.is_sysmon() && record.data["event_id"] == 1 && record.computer() == computer &&
            record.field("ProcessGuid") == guid) {
            return &record;
        }
    }
    return nullptr;
}

std::string src(const std::string& path) { return (test::testdata_root() / path).string(); }

// What a CSV cell holds for a value: a leading apostrophe on anything a
// spreadsheet would evaluate (but a lone "-").
std::string neutralized(const std::string& value) {
    const bool formula = value.size() > 0 && value != "-" && std::string("=+-@\t\r").find(value.front()) != std::string::npos;
    return formula ? "'" + value : value;
}

// A Security auditing process id ("0x1a2c" in 4688/4689, decimal in the
// Filtering Platform events) as a decimal number.
std::string decimal_pid(const std::string& logged) {
    if (logged.rfind("0x", 0) == 0) return std::to_string(std::stoull(logged.substr(2), nullptr, 16));
    return logged;
}

// "DOMAIN\name" of an account the event names with <prefix>UserName/DomainName.
std::string account_of(const test::expected_record& record, const std::string& prefix) {
    return record.field(prefix + "DomainName") + "\\" + record.field(prefix + "UserName");
}

// What the timeline row of a Security auditing record must say, from the
// record's fields and the rules of docs/data-model.md.
void check_security_row(const test::csv_table& t, std::size_t i, const test::expected_record& record) {
    const int id = record.event_id();
    if (id == 4688) {
        CHECK(t.at(i, "object") == "process");
        CHECK(t.at(i, "action") == "create");
        CHECK(t.at(i, "image_path") == neutralized(record.field("NewProcessName")));
        CHECK(t.at(i, "pid") == decimal_pid(record.field("NewProcessId")));
        CHECK(t.at(i, "ppid") == decimal_pid(record.field("ProcessId")));
        CHECK(t.at(i, "command_line") == neutralized(record.field("CommandLine")));
        const std::string parent = record.field("ParentProcessName");
        CHECK(t.at(i, "parent_image_path") == neutralized(parent == "-" ? "" : parent));
        const std::string target_sid = record.field("TargetUserSid");
        const bool runs_as_target = !target_sid.empty() && target_sid != "S-1-0-0" && record.field("TargetUserName") != "-";
        CHECK(t.at(i, "user") == account_of(record, runs_as_target ? "Target" : "Subject"));
    } else if (id == 4689) {
        CHECK(t.at(i, "object") == "process");
        CHECK(t.at(i, "action") == "terminate");
        CHECK(t.at(i, "image_path") == neutralized(record.field("ProcessName")));
        CHECK(t.at(i, "pid") == decimal_pid(record.field("ProcessId")));
        CHECK(t.at(i, "user") == account_of(record, "Subject"));
    } else if (id == 5156 || id == 5157) {
        CHECK(t.at(i, "object") == "flow");
        CHECK(t.at(i, "action") == (id == 5156 ? "start" : "block"));
        CHECK(t.at(i, "image_path") == neutralized(record.field("Application")));
        CHECK(t.at(i, "pid") == decimal_pid(record.field("ProcessID")));
        // Source* is this host's end; CAR's src is whoever initiated.
        const bool inbound = record.field("Direction") == "%%14592";
        REQUIRE((inbound || record.field("Direction") == "%%14593"));
        CHECK(t.at(i, "src_ip") == neutralized(record.field(inbound ? "DestAddress" : "SourceAddress")));
        CHECK(t.at(i, "src_port") == record.field(inbound ? "DestPort" : "SourcePort"));
        CHECK(t.at(i, "dest_ip") == neutralized(record.field(inbound ? "SourceAddress" : "DestAddress")));
        CHECK(t.at(i, "dest_port") == record.field(inbound ? "SourcePort" : "DestPort"));
    } else if (id == 5158) {
        CHECK(t.at(i, "object") == "socket");
        CHECK(t.at(i, "action") == "bind");
        CHECK(t.at(i, "image_path") == neutralized(record.field("Application")));
        CHECK(t.at(i, "pid") == decimal_pid(record.field("ProcessId")));
    } else if (const auto wanted = test::expected_auditing_event(id, record.pairs())) {
        // Sessions, authentication, accounts...: the columns timeline.csv has
        // (every field is held to the record in the sessions test below).
        CHECK(t.at(i, "object") == wanted->object);
        CHECK(t.at(i, "action") == wanted->action);
        for (const char* column : {"user", "image_path", "pid", "src_ip", "src_port"}) {
            const auto field = wanted->fields.find(column);
            if (field == wanted->fields.end()) continue;
            CAPTURE(column);
            CHECK(t.at(i, column) == neutralized(field->second));
        }
    }
}

// The events.jsonl objects of a scan, by (source file, record id).
std::map<std::pair<std::string, std::uint64_t>, json> events_by_record(const std::filesystem::path& out) {
    std::map<std::pair<std::string, std::uint64_t>, json> events;
    std::ifstream jsonl(out / "events.jsonl");
    for (std::string line; std::getline(jsonl, line);) {
        json event = json::parse(line);
        const std::pair<std::string, std::uint64_t> key{event["source_file"], event["record_id"]};
        events.emplace(key, std::move(event));
    }
    return events;
}

// A row's CAR fields by name: its columns (the spreadsheet guard undone)
// and its details.
std::map<std::string, std::string> row_fields(const test::csv_table& t, std::size_t i) {
    std::map<std::string, std::string> fields;
    for (const char* column : {"hostname", "exe", "image_path", "pid", "ppid", "guid", "command_line",
                               "parent_image_path", "user", "src_ip", "src_port", "dest_ip", "dest_port"}) {
        std::string value = t.at(i, column);
        if (value.size() > 1 && value.front() == '\'' && std::string("=+-@\t\r").find(value[1]) != std::string::npos) {
            value.erase(0, 1);
        }
        if (!value.empty()) fields[column] = value;
    }
    for (auto& [name, value] : test::split_details(t.at(i, "details"))) fields[name] = value;
    return fields;
}

// What the row of a record of the System, PowerShell, Defender,
// TaskScheduler, WMI-Activity, RDP and event log service logs must say
// (support/other_log_expectations.hpp, from the record's fields).
void check_other_log_row(const test::csv_table& t, std::size_t i, const test::expected_record& record) {
    test::record_view view;
    view.provider = record.data["provider"];
    view.channel = record.data["channel"];
    view.event_id = record.event_id();
    view.user_sid = record.data["user_sid"];
    for (const auto& pair : record.data["fields"]) view.fields.emplace_back(pair[0], pair[1]);
    const test::expected_event expected = test::expected_other_log_event(view);
    CHECK(t.at(i, "object") == expected.object);
    CHECK(t.at(i, "action") == expected.action);
    CHECK_FALSE(t.at(i, "message").empty());
    const std::map<std::string, std::string> row = row_fields(t, i);
    for (const auto& [name, value] : expected.fields) {
        CAPTURE(name, value);
        if (value.empty()) {
            CHECK(row.count(name) == 0);
        } else {
            REQUIRE(row.count(name) == 1);
            CHECK(row.at(name) == value);
        }
    }
}

// A record no CAR mapping describes is a generic event: object "event", no
// action, a message, and every payload field in `details` under its name
// (Data[n] for the n-th field without one), with the value as the record has it.
void check_generic_row(const test::csv_table& t, std::size_t i, const test::expected_record& record) {
    CHECK(t.at(i, "object") == "event");
    CHECK(t.at(i, "action") == "");
    CHECK_FALSE(t.at(i, "message").empty());
    std::multiset<std::pair<std::string, std::string>> shown;
    for (auto& pair : test::split_details(t.at(i, "details"))) shown.insert(std::move(pair));
    std::size_t unnamed = 0;
    for (const auto& pair : record.data["fields"]) {
        std::string name = pair[0];
        if (name.empty()) name = "Data[" + std::to_string(++unnamed) + "]";
        const std::string value = pair[1];
        CAPTURE(name, value);
        CHECK(shown.count({name, value}) == 1);
    }
    if (!record.data["user_sid"].get<std::string>().empty()) CHECK(shown.count({"user_sid", record.data["user_sid"]}) == 1);
}

}  // namespace

TEST_CASE("demo: the scan reads every record and finds the attack", "[integration][demo]") {
    const auto expected = test::expected_records("demo", test::testdata_root().string());
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        const auto result = scan({"demo"}, out.path(), engine);
        CHECK(result.run.exit_status == 0);
        const json& summary = result.summary;
        CHECK(summary["complete"] == true);
        CHECK(summary["files"]["total"] == 7);
        CHECK(summary["files"]["complete"] == 7);
        CHECK(summary["records"]["read"] == expected.size());
        CHECK(summary["records"]["failed"] == 0);

        std::map<std::string, std::uint64_t> by_channel, by_host;
        std::uint64_t normalized = 0;
        for (const auto& record : expected) {
            ++by_channel[record.data["channel"].get<std::string>()];
            ++by_host[record.computer()];
            normalized += record.is_normalized() ? 1u : 0u;
        }
        // Every record is in the timeline: typed CAR events and generic events alike.
        CHECK(summary["records"]["timeline_events"] == expected.size());
        CHECK(result.timeline.rows.size() == expected.size());
        for (const auto& [channel, count] : by_channel) {
            CHECK(summary["records_by_channel"][channel] == count);
            CHECK(summary["timeline_by_channel"][channel] == count);
        }
        for (const auto& [host, count] : by_host) CHECK(summary["hosts"][host] == count);

        // Exactly the detections the attack was written to produce.
        const auto wanted = expected_detections(expected);
        // CMSTP's four, and what the CAR catalogue's other analytics find in the demo.
        CHECK(std::count_if(wanted.begin(), wanted.end(), [](const detection_key& key) {
                  return std::get<2>(key).rfind("CAR-2020-11-010:", 0) == 0;
              }) == 4);
        CHECK(found_detections(result.detections) == wanted);
        CHECK(summary["detections"]["total"] == wanted.size());

        // --timeline car: only the records a CAR mapping describes; the same detections.
        temporary_folder car_out;
        const auto car_only = scan({"demo"}, car_out.path(), engine, {"--timeline", "car"});
        CHECK(car_only.run.exit_status == 0);
        CHECK(car_only.summary["run"]["timeline"] == "car");
        CHECK(car_only.summary["records"]["timeline_events"] == normalized);
        CHECK(car_only.timeline.rows.size() == normalized);
        CHECK(car_only.summary["records"]["read"] == expected.size());
        CHECK(found_detections(car_only.detections) == wanted);
    }
}

TEST_CASE("demo: every detection carries the context of its process create", "[integration][demo]") {
    const auto expected = test::expected_records("demo", test::testdata_root().string());
    temporary_folder out;
    const auto result = scan({"demo"}, out.path(), engines.front());
    const auto& d = result.detections;
    REQUIRE_FALSE(d.rows.empty());
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const std::uint64_t record_id = std::stoull(d.at(i, "record_id"));
        const test::expected_record* fired = nullptr;
        for (const auto& record : expected) {
            if (record.record_id() == record_id && record.source_file == d.at(i, "source_file")) fired = &record;
        }
        REQUIRE(fired != nullptr);
        CAPTURE(record_id, d.at(i, "analytic_id"));
        if (d.at(i, "analytic_id") != "CAR-2020-11-010") {
            // The catalogue's analytics: a process create is its own context.
            if (fired->event_id() == 4688 || (fired->is_sysmon() && fired->event_id() == 1)) {
                CHECK(d.at(i, "process_record_id") == std::to_string(fired->record_id()));
            }
            continue;
        }
        if (fired->is_security()) {
            // A Security 4688 is its own process context (joined by pid).
            REQUIRE(fired->event_id() == 4688);
            CHECK(d.at(i, "process_record_id") == std::to_string(fired->record_id()));
            CHECK(d.at(i, "command_line") == fired->field("CommandLine"));
            CHECK(d.at(i, "image_path") == fired->field("NewProcessName"));
            CHECK(d.at(i, "pid") == decimal_pid(fired->field("NewProcessId")));
            continue;
        }
        const auto* process = process_create_of(expected, fired->computer(), fired->field("ProcessGuid"));
        REQUIRE(process != nullptr);
        CHECK(d.at(i, "process_guid") == fired->field("ProcessGuid"));
        CHECK(d.at(i, "hostname") == hostname_of(fired->computer()));
        CHECK(d.at(i, "image_path") == fired->field("Image"));
        CHECK(d.at(i, "command_line") == process->field("CommandLine"));
        CHECK(d.at(i, "parent_image_path") == process->field("ParentImage"));
        CHECK(d.at(i, "parent_command_line") == process->field("ParentCommandLine"));
        CHECK(d.at(i, "integrity_level") == process->field("IntegrityLevel"));
        CHECK(d.at(i, "user") == fired->field("User"));
        CHECK(d.at(i, "process_record_id") == std::to_string(process->record_id()));
        CHECK(d.at(i, "process_source_file") == process->source_file);
        CHECK(d.at(i, "technique") == "T1218.003");
        CHECK_FALSE(d.at(i, "reason").empty());
        if (d.at(i, "variant") == "remote") {
            CHECK(d.at(i, "dest_ip") == fired->field("DestinationIp"));
            CHECK(d.at(i, "direction") == (fired->field("Initiated") == "true" ? "outbound" : "inbound"));
        }
    }
}

TEST_CASE("timeline rows hold what each record says", "[integration][timeline]") {
    auto expected = test::expected_records("demo", test::testdata_root().string());
    for (const char* folder : {"analytics/CAR-2020-11-010", "security", "sessions", "windows-logs"}) {
        const auto more = test::expected_records(folder, test::testdata_root().string());
        expected.insert(expected.end(), more.begin(), more.end());
    }
    temporary_folder out;
    // A row per record, copies too (security/ holds forwarded copies).
    const auto result =
        scan({"demo", "analytics/CAR-2020-11-010", "security", "sessions", "windows-logs"}, out.path(), engines.front(),
             {"--keep-duplicates"});
    const auto& t = result.timeline;
    std::map<std::pair<std::string, std::uint64_t>, std::size_t> row_of;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        CHECK(row_of.emplace(std::make_pair(t.at(i, "source_file"), std::stoull(t.at(i, "record_id"))), i).second);
    }
    for (const auto& record : expected) {
        CAPTURE(record.source_file, record.record_id());
        const auto found = row_of.find({record.source_file, record.record_id()});
        REQUIRE(found != row_of.end());
        const std::size_t i = found->second;
        CHECK(t.at(i, "datetime") == record.data["time"]);
        CHECK(t.at(i, "event_id") == std::to_string(record.data["event_id"].get<int>()));
        CHECK(t.at(i, "hostname") == hostname_of(record.computer()));
        CHECK(t.at(i, "channel") == record.data["channel"]);
        CHECK(t.at(i, "provider") == record.data["provider"]);
        if (!record.is_normalized()) {
            check_generic_row(t, i, record);
            continue;
        }
        if (record.is_security()) {
            check_security_row(t, i, record);
            continue;
        }
        if (record.is_other_log_normalized()) {
            check_other_log_row(t, i, record);
            continue;
        }
        const int id = record.data["event_id"];
        if (record.has_field("Image") && id != 6) CHECK(t.at(i, "image_path") == neutralized(record.field("Image")));
        if (record.has_field("ProcessId")) CHECK(t.at(i, "pid") == neutralized(record.field("ProcessId")));
        if (record.has_field("ProcessGuid")) CHECK(t.at(i, "guid") == neutralized(record.field("ProcessGuid")));
        if (record.has_field("CommandLine")) CHECK(t.at(i, "command_line") == neutralized(record.field("CommandLine")));
        if (record.has_field("ParentImage")) CHECK(t.at(i, "parent_image_path") == neutralized(record.field("ParentImage")));
        if (record.has_field("User") && id != 19 && id != 20 && id != 21) CHECK(t.at(i, "user") == neutralized(record.field("User")));
        if (id == 3) {
            CHECK(t.at(i, "src_ip") == neutralized(record.field("SourceIp")));
            CHECK(t.at(i, "src_port") == neutralized(record.field("SourcePort")));
            CHECK(t.at(i, "dest_ip") == neutralized(record.field("DestinationIp")));
            CHECK(t.at(i, "dest_port") == neutralized(record.field("DestinationPort")));
            CHECK(t.at(i, "object") == "flow");
            CHECK(t.at(i, "action") == "start");
        }
        std::string labels;
        for (const auto& label : record.data["detections"]) labels += (labels.empty() ? "" : "; ") + label.get<std::string>();
        // The row's analytics column lists what the record was designed to trigger (order as evtxcar found them).
        std::set<std::string> wanted(record.data["detections"].begin(), record.data["detections"].end());
        std::set<std::string> got;
        std::string cell = t.at(i, "analytics");
        for (std::size_t start = 0; start < cell.size();) {
            const std::size_t end = cell.find("; ", start);
            got.insert(cell.substr(start, end - start));
            start = end == std::string::npos ? cell.size() : end + 2;
        }
        CHECK(got == wanted);
    }
    CHECK(t.rows.size() == expected.size());
    for (std::size_t i = 1; i < t.rows.size(); ++i) REQUIRE(t.at(i - 1, "datetime") <= t.at(i, "datetime"));
}

TEST_CASE("analytics: exactly the detections each case was designed for", "[integration][analytics]") {
    const auto expected = test::expected_records("analytics/CAR-2020-11-010", test::testdata_root().string());
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        const auto result = scan({"analytics/CAR-2020-11-010"}, out.path(), engine);
        CHECK(result.run.exit_status == 0);
        const auto wanted = expected_detections(expected);
        const auto found = found_detections(result.detections);
        std::vector<detection_key> missing, extra;
        std::set_difference(wanted.begin(), wanted.end(), found.begin(), found.end(), std::back_inserter(missing));
        std::set_difference(found.begin(), found.end(), wanted.begin(), wanted.end(), std::back_inserter(extra));
        for (const auto& [file, record, label] : missing) UNSCOPED_INFO("missing " << file << " #" << record << " " << label);
        for (const auto& [file, record, label] : extra) UNSCOPED_INFO("extra " << file << " #" << record << " " << label);
        CHECK(missing.empty());
        CHECK(extra.empty());
        CHECK(result.detections.rows.size() == wanted.size());  // no duplicates either
        // Every detection found its process create, even across files and out of order.
        for (std::size_t i = 0; i < result.detections.rows.size(); ++i) {
            CAPTURE(result.detections.at(i, "record_id"));
            CHECK_FALSE(result.detections.at(i, "process_record_id").empty());
        }
        // The addresses that do not parse are counted as warnings.
        CHECK(result.summary["warnings"]["unparsable_addresses"].get<int>() > 0);
    }
}

TEST_CASE("security: every CMSTP variant from Security events alone, and from forwarded logs", "[integration][security]") {
    const auto expected = test::expected_records("security", test::testdata_root().string());
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        // Every copy evaluated: a forwarded event and its source's own copy each fire.
        const auto result = scan({"security"}, out.path(), engine, {"--keep-duplicates"});
        CHECK(result.run.exit_status == 0);
        CHECK(result.summary["warnings"]["normalization"]["count"] == 0);
        const auto wanted = expected_detections(expected);
        std::set<std::string> variants;
        for (const auto& [file, record, label] : wanted) {
            if (label.rfind("CAR-2020-11-010:", 0) == 0) variants.insert(label);
        }
        CHECK(variants.size() == 3);  // car, remote and cmdline-url all designed in
        CHECK(found_detections(result.detections) == wanted);
        CHECK(result.detections.rows.size() == wanted.size());
        const auto& d = result.detections;
        for (std::size_t i = 0; i < d.rows.size(); ++i) {
            CAPTURE(d.at(i, "source_file"), d.at(i, "record_id"));
            // The process context is the process create of the same host and
            // pid (Security: the latest before the event) or ProcessGuid
            // (Sysmon). A forwarded event and its source's own copy are the
            // same process create logged twice: either may be the context.
            const test::expected_record* fired = nullptr;
            for (const auto& record : expected) {
                if (record.source_file == d.at(i, "source_file") && record.record_id() == std::stoull(d.at(i, "record_id"))) {
                    fired = &record;
                }
            }
            REQUIRE(fired != nullptr);
            std::string latest_time;
            std::set<std::pair<std::string, std::uint64_t>> contexts;  // (file, record id) of the creates at that time
            for (const auto& record : expected) {
                if (record.computer() != fired->computer() || record.data["time"] > fired->data["time"]) continue;
                bool same_process = false;
                if (fired->is_security() && record.is_security() && record.event_id() == 4688) {
                    const std::string pid = fired->event_id() == 4688 ? fired->field("NewProcessId") : fired->field("ProcessID");
                    same_process = decimal_pid(record.field("NewProcessId")) == decimal_pid(pid);
                } else if (fired->is_sysmon() && record.is_sysmon() && record.event_id() == 1) {
                    same_process = record.field("ProcessGuid") == fired->field("ProcessGuid");
                }
                if (!same_process) continue;
                const std::string time = record.data["time"];
                if (time > latest_time) {
                    latest_time = time;
                    contexts.clear();
                }
                if (time == latest_time) contexts.emplace(record.source_file, record.record_id());
            }
            REQUIRE_FALSE(contexts.empty());
            CHECK(contexts.count({d.at(i, "process_source_file"), std::stoull(d.at(i, "process_record_id"))}) == 1);
            // The context comes from the detection's own copy where that file holds the process.
            bool own_file_has_it = false;
            for (const auto& [file, record_id] : contexts) own_file_has_it = own_file_has_it || file == d.at(i, "source_file");
            if (own_file_has_it) CHECK(d.at(i, "process_source_file") == d.at(i, "source_file"));
        }
    }
}

TEST_CASE("sessions: every session, authentication, account, group, service, task and registry event holds its record's fields",
          "[integration][sessions]") {
    auto expected = test::expected_records("sessions", test::testdata_root().string());
    const auto demo = test::expected_records("demo", test::testdata_root().string());
    expected.insert(expected.end(), demo.begin(), demo.end());
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        const auto result = scan({"sessions", "demo"}, out.path(), engine, {"--jsonl"});
        CHECK(result.run.exit_status == 0);
        CHECK(result.summary["warnings"]["normalization"]["count"] == 0);
        const auto events = events_by_record(out.path());
        std::set<std::string> objects_actions;
        std::size_t compared = 0;
        for (const auto& record : expected) {
            CAPTURE(record.source_file, record.record_id(), record.data["case"]);
            const auto found = events.find({record.source_file, record.record_id()});
            REQUIRE(found != events.end());
            const json& event = found->second;
            CHECK_FALSE(event["message"].get<std::string>().empty());
            const auto wanted = test::expected_auditing_event(record.event_id(), record.pairs());
            if (!record.is_security() || !wanted) continue;
            CHECK(event["object"] == wanted->object);
            CHECK(event["action"] == wanted->action);
            for (const auto& [field, value] : wanted->fields) {
                CAPTURE(field, value);
                if (value.empty()) {
                    CHECK_FALSE(event.contains(field));
                } else {
                    REQUIRE(test::jsonl_text(event, field, "<absent>") != "<absent>");
                    CHECK(test::jsonl_text(event, field) == value);
                }
            }
            // The message is the object/action template's, not the catalog's or a generic one.
            CHECK(event["message"].get<std::string>().rfind("Security ", 0) != 0);
            objects_actions.insert(wanted->object + "/" + wanted->action);
            ++compared;
        }
        // Every object and action the mappings write is in the test data.
        CHECK(objects_actions == std::set<std::string>{
                  "account/change", "account/create", "account/delete", "account/disable", "account/enable",
                  "account/rename", "authentication/explicit_credentials", "authentication/failure",
                  "authentication/success", "group/member_add", "group/member_remove", "registry/remove", "registry/value_edit", "scheduled_task/create", "scheduled_task/delete",
                  "scheduled_task/update", "service/create", "user_session/disconnect", "user_session/lock",
                  "user_session/login", "user_session/logout", "user_session/reconnect", "user_session/unlock"});
        CHECK(compared > 40);
        // The Security events that stay generic read their catalog message.
        for (const auto& record : expected) {
            if (!record.is_security() || record.is_normalized()) continue;
            const json& event = events.at({record.source_file, record.record_id()});
            CAPTURE(record.event_id(), event["message"]);
            CHECK(event["object"] == "event");
            CHECK(event["message"].get<std::string>().rfind("Security ", 0) != 0);
        }
    }
}

TEST_CASE("security: a forwarded event and its source's own copy are one event, one detection", "[integration][security]") {
    const auto expected = test::expected_records("security", test::testdata_root().string());
    // From the data: the distinct events (host, channel, record id, time) and the detections designed on them.
    std::set<std::tuple<std::string, std::string, std::uint64_t, std::string>> events;
    std::set<std::tuple<std::string, std::uint64_t, std::string, std::string>> detections;  // host, record, time, label
    std::map<std::tuple<std::string, std::string, std::uint64_t, std::string>, std::set<std::string>> files_of;
    for (const auto& record : expected) {
        const auto key = std::make_tuple(record.computer(), record.data["channel"].get<std::string>(), record.record_id(),
                                         record.data["time"].get<std::string>());
        events.insert(key);
        files_of[key].insert(record.source_file);
        for (const auto& label : record.data["detections"]) {
            detections.emplace(record.computer(), record.record_id(), record.data["time"], label);
        }
    }
    REQUIRE(events.size() < expected.size());  // the forwarded copies
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        const auto result = scan({"security"}, out.path(), engine, {"--jsonl"});
        CHECK(result.run.exit_status == 0);
        CHECK(result.summary["records"]["read"] == expected.size());
        CHECK(result.summary["records"]["timeline_events"] == events.size());
        CHECK(result.summary["records"]["duplicate_events"] == expected.size() - events.size());
        CHECK(result.timeline.rows.size() == events.size());
        CHECK(result.detections.rows.size() == detections.size());
        // Each row names every file that holds the event.
        std::ifstream jsonl(out.path() / "events.jsonl");
        std::size_t lines = 0;
        for (std::string line; std::getline(jsonl, line); ++lines) {
            const json event = json::parse(line);
            const std::string host = event.contains("fqdn") ? event["fqdn"] : event["hostname"];
            const auto key = std::make_tuple(host, event["channel"].get<std::string>(), event["record_id"].get<std::uint64_t>(),
                                             event["datetime"].get<std::string>());
            REQUIRE(files_of.count(key) == 1);
            std::set<std::string> sources;
            for (const auto& source : event["source_files"]) sources.insert(source.get<std::string>());
            CHECK(sources == files_of[key]);
            CHECK(event["copies"] == files_of[key].size());
        }
        CHECK(lines == events.size());
    }
}

TEST_CASE("forwarded events normalize exactly as the source host's own copies", "[integration][security]") {
    temporary_folder out;
    const auto result = scan({"security"}, out.path(), engines.front(), {"--keep-duplicates"});
    const auto& t = result.timeline;
    const std::string collector = src("security/WEC01/ForwardedEvents.evtx");
    std::size_t compared = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        if (t.at(i, "source_file") != collector) continue;
        CAPTURE(t.at(i, "record_id"));
        // The source's copy: same host, time, event id and record id, in WS08's or WS09's own log.
        std::optional<std::size_t> original;
        for (std::size_t j = 0; j < t.rows.size(); ++j) {
            if (j == i || t.at(j, "source_file") == collector) continue;
            if (t.at(j, "hostname") == t.at(i, "hostname") && t.at(j, "datetime") == t.at(i, "datetime") &&
                t.at(j, "event_id") == t.at(i, "event_id") && t.at(j, "record_id") == t.at(i, "record_id")) {
                original = j;
            }
        }
        REQUIRE(original.has_value());
        for (const std::string& column : t.header) {
            if (column == "source_file") continue;
            CAPTURE(column);
            CHECK(t.at(i, column) == t.at(*original, column));
        }
        ++compared;
    }
    CHECK(compared == 8);
}

TEST_CASE("windows-logs: every record in the timeline, typed where a mapping exists, with the designed warnings",
          "[integration][windows-logs]") {
    const auto expected = test::expected_records("windows-logs", test::testdata_root().string());
    std::size_t typed = 0;
    for (const auto& record : expected) typed += record.is_normalized() ? 1u : 0u;
    REQUIRE(typed > 0);
    REQUIRE(typed < expected.size());  // generic events too
    for (const std::string& engine : engines) {
        CAPTURE(engine);
        temporary_folder out;
        const auto result = scan({"windows-logs"}, out.path(), engine);
        CHECK(result.run.exit_status == 0);
        CHECK(result.summary["records"]["read"] == expected.size());
        CHECK(result.timeline.rows.size() == expected.size());
        // No CMSTP here: what the CAR catalogue finds (logs cleared, a service from C:\Users\Public).
        CHECK(found_detections(result.detections) == expected_detections(expected));
        // The two bad values written on purpose: a service state in German
        // without a state code, a classic PowerShell event without context.
        const json& warnings = result.summary["warnings"]["normalization"];
        CHECK(warnings["count"] == 2);
        std::size_t typed_rows = 0;
        for (std::size_t i = 0; i < result.timeline.rows.size(); ++i) typed_rows += result.timeline.at(i, "object") != "event";
        CHECK(typed_rows == typed);

        temporary_folder car_out;
        const auto car_only = scan({"windows-logs"}, car_out.path(), engine, {"--timeline", "car"});
        CHECK(car_only.timeline.rows.size() == typed);
    }
}

TEST_CASE("security: coverage says where each variant could look, from what the logs hold", "[integration][security]") {
    const auto expected = test::expected_records("security", test::testdata_root().string());
    // From the data: per host, the flows (Sysmon 3, Security 5156) and the
    // process creates with a command line (Sysmon 1, Security 4688).
    // A forwarded copy and its source's own record are one event: counted once.
    std::map<std::string, std::uint64_t> flows, command_lines;
    std::set<std::string> hosts;
    std::set<std::tuple<std::string, std::uint64_t, std::string>> counted;
    for (const auto& record : expected) {
        const std::string host = record.computer();
        hosts.insert(host);
        if (!counted.emplace(host, record.record_id(), record.data["time"]).second) continue;
        hosts.insert(host);
        const int id = record.event_id();
        if ((record.is_sysmon() && id == 3) || (record.is_security() && id == 5156)) ++flows[host];
        if ((record.is_sysmon() && id == 1) || (record.is_security() && id == 4688)) {
            if (!record.field("CommandLine").empty()) ++command_lines[host];
        }
    }
    REQUIRE(hosts.count("WS07.corp.example.com") == 1);
    REQUIRE(flows.count("WS07.corp.example.com") == 0);  // the host without network events

    temporary_folder out;
    // CMSTP's coverage (the catalogue's other analytics have rows of their own).
    const auto result = scan({"security"}, out.path(), engines.front(), {"--analytics", "CAR-2020-11-010"});
    const auto coverage = test::read_csv_table((out.path() / "coverage.csv").string());
    CHECK(coverage.rows.size() == hosts.size() * 3);
    CHECK(result.summary["coverage"].size() == coverage.rows.size());
    std::map<std::string, std::uint64_t> detections_by_host_variant;
    for (std::size_t i = 0; i < result.detections.rows.size(); ++i) {
        ++detections_by_host_variant[result.detections.at(i, "hostname") + " " + result.detections.at(i, "variant")];
    }
    for (std::size_t i = 0; i < coverage.rows.size(); ++i) {
        const std::string host = coverage.at(i, "host");
        const std::string variant = coverage.at(i, "variant");
        CAPTURE(host, variant);
        REQUIRE(hosts.count(host) == 1);
        CHECK(coverage.at(i, "analytic_id") == "CAR-2020-11-010");
        const std::uint64_t looked_at = variant == "cmdline-url" ? command_lines[host] : flows[host];
        CHECK(coverage.at(i, "events_examined") == std::to_string(looked_at));
        CHECK(coverage.at(i, "evaluable") == (looked_at > 0 ? "yes" : "no"));
        CHECK(coverage.at(i, "why_not").empty() == (looked_at > 0));
        CHECK(coverage.at(i, "detections") == std::to_string(detections_by_host_variant[hostname_of(host) + " " + variant]));
        const json& row = result.summary["coverage"][i];
        CHECK(row["host"] == host);
        CHECK(row["variant"] == variant);
        CHECK(row["evaluable"] == (looked_at > 0));
    }
}

TEST_CASE("broken: every damaged file is reported and nothing else is lost", "[integration][broken]") {
    const auto manifest = test::read_manifest();
    temporary_folder out;
    const auto result = scan({"broken"}, out.path(), "libevtx");
    CHECK(result.run.exit_status == 3);
    const json& summary = result.summary;
    CHECK(summary["complete"] == false);
    CHECK(summary["files"]["other_files_skipped"] == 1);  // notes.txt
    std::map<std::string, json> files;
    for (const json& file : summary["files"]["list"]) files[file["path"]] = file;
    for (const auto& [path, entry] : manifest) {
        if (path.rfind("broken/", 0) != 0 || entry.outcome == "skipped") continue;
        CAPTURE(path, entry.reason);
        REQUIRE(files.count(src(path)) == 1);
        const json& file = files[src(path)];
        if (entry.outcome == "unreadable") {
            CHECK(file["status"] == "unreadable");
            CHECK(file["records_read"] == 0);
            CHECK_FALSE(file["reason"].is_null());
        } else if (entry.outcome == "ok") {
            CHECK(file["status"] == "complete");
            CHECK(file["records_read"] == entry.records_readable);
        } else {
            CHECK(file["status"] != "unreadable");
            CHECK_FALSE(file["reason"].is_null());
        }
    }
    // Truncation: the whole chunks are read, and the cut is reported.
    const json& truncated = files[src("broken/truncated.evtx")];
    CHECK(truncated["status"] == "partial");
    CHECK(truncated["records_read"] == manifest.at("broken/truncated.evtx").records_readable);
    // MANIFEST: chunk 3 is cut short, its records and those after it are lost.
    CHECK(truncated["records_failed"] ==
          manifest.at("broken/truncated.evtx").records_written - manifest.at("broken/truncated.evtx").records_readable);
    // The damaged files do not disturb the good ones scanned with them.
    temporary_folder together;
    const auto mixed = scan({"broken", "demo"}, together.path(), "libevtx");
    CHECK(mixed.run.exit_status == 3);
    const auto demo_records = test::expected_records("demo", test::testdata_root().string());
    CHECK(found_detections(mixed.detections) == expected_detections(demo_records));
    std::uint64_t demo_read = 0;
    for (const json& file : mixed.summary["files"]["list"]) {
        if (file["path"].get<std::string>().find("/demo/") != std::string::npos) demo_read += file["records_read"].get<std::uint64_t>();
    }
    CHECK(demo_read == demo_records.size());
}

TEST_CASE("hostile strings survive a CSV round trip, neutralized where a spreadsheet would evaluate them",
          "[integration][hostile]") {
    const auto expected = test::expected_records("hostile", test::testdata_root().string());
    temporary_folder out;
    const auto result = scan({"hostile"}, out.path(), engines.front(), {"--jsonl"});
    CHECK(result.run.exit_status == 0);
    std::map<std::uint64_t, std::size_t> row_of;
    for (std::size_t i = 0; i < result.timeline.rows.size(); ++i) row_of[std::stoull(result.timeline.at(i, "record_id"))] = i;
    for (const auto& record : expected) {
        CAPTURE(record.record_id(), record.data["case"]);
        REQUIRE(row_of.count(record.record_id()) == 1);
        const std::size_t i = row_of[record.record_id()];
        if (record.has_field("CommandLine")) CHECK(result.timeline.at(i, "command_line") == neutralized(record.field("CommandLine")));
        if (record.has_field("Image")) CHECK(result.timeline.at(i, "image_path") == neutralized(record.field("Image")));
        if (record.has_field("User")) CHECK(result.timeline.at(i, "user") == neutralized(record.field("User")));
        CHECK(result.timeline.at(i, "hostname") == neutralized(hostname_of(record.computer())));
    }
    // events.jsonl keeps the values exactly (JSON needs no neutralizing).
    std::ifstream jsonl(out.path() / "events.jsonl");
    std::size_t checked = 0;
    for (std::string line; std::getline(jsonl, line);) {
        const json event = json::parse(line);
        for (const auto& record : expected) {
            if (record.record_id() != event["record_id"] || !record.has_field("CommandLine")) continue;
            CHECK(event["command_line"] == record.field("CommandLine"));
            ++checked;
        }
    }
    CHECK(checked > 10);
}

TEST_CASE("outputs are the same with one thread and with several", "[integration][threads]") {
    temporary_folder one, several;
    const auto a = scan({"demo", "analytics", "structure"}, one.path(), engines.front(), {"--threads", "1", "--jsonl"});
    const auto b = scan({"demo", "analytics", "structure"}, several.path(), engines.front(), {"--threads", "3", "--jsonl"});
    for (const char* name : {"timeline.csv", "detections.csv", "events.jsonl"}) {
        CAPTURE(name);
        CHECK(test::read_file((one.path() / name).string()) == test::read_file((several.path() / name).string()));
    }
}

TEST_CASE("time window: --from and --to keep the timeline inside the window and count the rest", "[integration][time]") {
    const auto expected = test::expected_records("demo", test::testdata_root().string());
    const std::string from = "2026-03-10T14:00:00Z", to = "2026-03-10T14:30:00.5+00:00";
    const std::string to_utc = "2026-03-10T14:30:00.5000000Z";
    std::size_t inside = 0, normalized_inside = 0;
    for (const auto& record : expected) {
        const std::string time = record.data["time"];
        if (time >= from.substr(0, 19) && time <= to_utc) {
            ++inside;
            normalized_inside += record.is_normalized() ? 1u : 0u;
        }
    }
    REQUIRE(normalized_inside > 0);
    temporary_folder out;
    const auto result = scan({"demo"}, out.path(), engines.front(), {"--from", from, "--to", to});
    CHECK(result.run.exit_status == 0);
    CHECK(result.timeline.rows.size() == inside);
    CHECK(result.summary["records"]["timeline_events"] == inside);
    CHECK(result.summary["records"]["outside_time_range"] == expected.size() - inside);
    CHECK(result.summary["run"]["from"] == "2026-03-10T14:00:00.0000000Z");
    CHECK(result.summary["run"]["to"] == to_utc);
}

TEST_CASE("usage errors exit 2 and write nothing", "[integration][cli]") {
    temporary_folder out;
    const auto target = (out.path() / "o").string();
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{"scan"}, {"scan", src("demo"), "-o", target, "--homenet", "10.0.0.0/33"},
          {"scan", src("demo"), "-o", target, "--from", "yesterday"},
          {"scan", src("demo"), "-o", target, "--from", "2026-03-11", "--to", "2026-03-10"},
          {"scan", src("demo"), "-o", target, "--threads", "0"}, {"scan", src("demo"), "-o", target, "--bogus"},
          {"scan", src("demo"), "-o", target, "--engine", "nonesuch"}, {"frobnicate", src("demo")}}) {
        CAPTURE(arguments);
        const auto run = test::run_evtxcar(arguments);
        CHECK(run.exit_status == 2);
        CHECK(run.output.find("evtxcar: error:") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK(test::run_evtxcar({"--help"}).exit_status == 0);
    CHECK(test::run_evtxcar({"--version"}).output.find("evtxcar ") == 0);
}

TEST_CASE("an output folder that cannot be written is fatal and publishes nothing", "[integration][cli]") {
    temporary_folder out;
    std::ofstream(out.path() / "not-a-folder") << "x";
    const auto run = test::run_evtxcar({"scan", src("demo"), "-o", (out.path() / "not-a-folder" / "sub").string(), "--quiet"});
    CHECK(run.exit_status == 1);
    CHECK(run.output.find("evtxcar: fatal:") != std::string::npos);
}

TEST_CASE("a second run into the same folder replaces the first completely", "[integration][cli]") {
    temporary_folder out;
    scan({"demo"}, out.path(), engines.front(), {"--jsonl"});
    REQUIRE(std::filesystem::exists(out.path() / "events.jsonl"));
    const auto second = scan({"analytics/CAR-2020-11-010"}, out.path(), engines.front(), {"--overwrite"});
    CHECK(second.run.exit_status == 0);
    CHECK_FALSE(std::filesystem::exists(out.path() / "events.jsonl"));  // not written by the second run
    CHECK(second.summary["files"]["total"] == 11);
    for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
        CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
        CHECK(entry.path().filename().string().find(".evtxcar-sort-") == std::string::npos);
    }
}

TEST_CASE("broken: the fast engine reads every record the damage left and accounts for the rest",
          "[integration][broken]") {
    const auto manifest = test::read_manifest();
    temporary_folder out;
    const auto result = scan({"broken"}, out.path(), "fast");
    CHECK(result.run.exit_status == 3);
    std::map<std::string, json> files;
    for (const json& file : result.summary["files"]["list"]) files[file["path"]] = file;
    for (const auto& [path, entry] : manifest) {
        if (path.rfind("broken/", 0) != 0 || entry.outcome == "skipped") continue;
        CAPTURE(path, entry.reason);
        const json& file = files.at(src(path));
        if (entry.outcome == "unreadable") {
            CHECK(file["status"] == "unreadable");
            continue;
        }
        // At least every record the damage left readable (a truncated chunk's
        // surviving records count too), and every record written is either
        // read or counted as lost.
        CHECK(file["records_read"].get<std::uint64_t>() >= entry.records_readable);
        CHECK(file["records_read"].get<std::uint64_t>() + file["records_failed"].get<std::uint64_t>() ==
              entry.records_written);
        CHECK((file["status"] == "complete") == (entry.records_readable == entry.records_written));
    }
    // The bad checksum is flagged; --strict skips that chunk and counts its records as lost.
    CHECK(files.at(src("broken/bad_chunk_checksum.evtx"))["warnings"].get<int>() >= 1);
    temporary_folder strict_out;
    const auto strict = scan({"broken/bad_chunk_checksum.evtx"}, strict_out.path(), "fast", {"--strict"});
    const json& strict_file = strict.summary["files"]["list"][0];
    CHECK(strict_file["status"] == "partial");
    CHECK(strict_file["records_read"].get<std::uint64_t>() + strict_file["records_failed"].get<std::uint64_t>() ==
          manifest.at("broken/bad_chunk_checksum.evtx").records_written);
}

TEST_CASE("mutations: the scan reads and counts every regression file as MANIFEST.tsv says, and exits 3",
          "[integration][mutations]") {
    const auto manifest = test::read_manifest();
    for (const auto& [engine, extra] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"fast", {}}, {"fast", {"--recovered"}}, {"libevtx", {}}}) {
        CAPTURE(engine, extra);
        temporary_folder out;
        const auto result = scan({"mutations"}, out.path(), engine, extra);
        CHECK(result.run.exit_status == 3);  // some of them lost records
        std::map<std::string, json> files;
        for (const json& file : result.summary["files"]["list"]) files[file["path"]] = file;
        for (const auto& [path, entry] : manifest) {
            if (path.rfind("mutations/", 0) != 0) continue;
            CAPTURE(path, entry.reason);
            const json& file = files.at(src(path));
            if (entry.outcome == "unreadable") {
                CHECK(file["status"] == "unreadable");
                continue;
            }
            const auto read = file["records_read"].get<std::uint64_t>();
            const auto failed = file["records_failed"].get<std::uint64_t>();
            const std::uint64_t accounted = entry.records_readable + entry.records_lost.value();
            if (engine == "fast") {
                // Exactly the live records (with --recovered, the slack ones on top), exactly the loss.
                CHECK((extra.empty() ? read == entry.records_readable : read >= entry.records_readable));
                CHECK(failed == entry.records_lost.value());
                CHECK(file["status"] == (entry.outcome == "ok" ? "complete" : "partial"));
            } else if (file["status"] != "unreadable") {
                // libevtx reads fewer of some (docs/engine-differences.md): never without counting them lost.
                CHECK(read <= entry.records_written);
                CHECK(read + failed >= accounted);
            }
        }
    }
}

TEST_CASE("libevtx isolation: a file that makes libevtx allocate without bound costs only that file",
          "[integration][isolation]") {
    // mutations/libevtx_runaway_allocation.evtx makes libevtx 20181227 fill an
    // array of a billion template values (evtxexport reached 22 GB before the
    // kernel killed it). The libevtx engine reads it in a process of its own
    // whose memory is limited: the allocation fails there, that record is
    // reported lost, and the demo logs beside it are read whole.
    const auto manifest = test::read_manifest();
    const auto demo = test::expected_records("demo", test::testdata_root().string());
    temporary_folder out;
    const auto result = scan({"demo", "mutations/libevtx_runaway_allocation.evtx"}, out.path(), "libevtx", {"--recovered"});
    CHECK(result.run.exit_status == 3);
    std::uint64_t demo_read = 0;
    for (const json& file : result.summary["files"]["list"]) {
        const std::string path = file["path"];
        CAPTURE(path);
        if (path.find("/demo/") != std::string::npos) {
            CHECK(file["status"] == "complete");
            demo_read += file["records_read"].get<std::uint64_t>();
            continue;
        }
        // Where libevtx fails its allocation, it reports the record (3 read, 1 lost); under
        // AddressSanitizer (CI's second pass) its allocator ends the process instead, and the
        // records of that segment are lost with that as the reason. Either way the file says so.
        const auto& entry = manifest.at("mutations/libevtx_runaway_allocation.evtx");
        CHECK(file["status"] == "partial");
        CHECK(file["records_read"].get<std::uint64_t>() <= entry.records_readable);
        CHECK(file["records_read"].get<std::uint64_t>() + file["records_failed"].get<std::uint64_t>() >=
              entry.records_written);
        CHECK(file["reason"].get<std::string>().find("libevtx") != std::string::npos);
    }
    CHECK(demo_read == demo.size());
    CHECK(found_detections(result.detections) == expected_detections(demo));
}
