// One rule, two sensors: each of SigmaHQ's process_creation regression
// samples (../shared/sigma/regression) is written again by our EVTX writer
// as Security 4688 records with the same facts, read from the sample by
// evtxexport (an independent reader): image, command line, parent image,
// process ids, user, integrity level, host and time. A rule that reads only
// fields 4688 logs fires on the Security copy as it fires on the Sysmon
// sample; a rule that reads a field 4688 lacks (OriginalFileName, Hashes,
// ParentCommandLine, ...) is reported partly evaluable on that host, with
// that field named. Skips (exit 77) without ../shared/sigma.
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "security_audit_events.hpp"
#include "support/corpus_files.hpp"
#include "support/csv_reader.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"
#include "utc_time.hpp"
#include "written_scenario.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

std::filesystem::path sigma_folder() { return std::filesystem::path(EVTXCAR_SHARED_DIR) / "sigma"; }

// The Sigma (Sysmon) fields a 4688 logs the fact of (Microsoft's 4688 field
// list: NewProcessName, CommandLine, ParentProcessName, NewProcessId,
// ProcessId, the Subject/Target account, MandatoryLabel, TargetLogonId).
const std::set<std::string> fields_4688_logs = {"Image", "CommandLine", "ParentImage", "ProcessId", "ParentProcessId",
                                                "User", "IntegrityLevel", "LogonId", "EventID", "Channel",
                                                "Provider_Name", "Computer"};

// The field names of a rule's detection section, read from its YAML text
// (keys "Name:" or "Name|modifier:" indented below `detection:`).
std::set<std::string> rule_fields(const std::filesystem::path& rule) {
    std::ifstream in(rule);
    std::set<std::string> fields;
    bool in_detection = false;
    std::size_t selection_indent = 0;  // the indent of the selection names, the first key below `detection:`
    const std::regex key(R"(^(\s+)(-\s+)?([A-Za-z_][A-Za-z0-9_]*)(\|[A-Za-z0-9_|]+)?:)");
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != ' ' && line[0] != '#') {
            in_detection = line.rfind("detection:", 0) == 0;
            selection_indent = 0;
            continue;
        }
        std::smatch match;
        if (!in_detection || !std::regex_search(line, match, key)) continue;
        const std::size_t indent = static_cast<std::size_t>(match.length(1) + match.length(2));
        if (selection_indent == 0) selection_indent = indent;
        if (indent > selection_indent && match[3] != "condition") fields.insert(match[3]);
    }
    return fields;
}

std::string field_of(const pugi::xml_node& event, const char* name) {
    for (const pugi::xml_node& data : event.child("EventData").children("Data")) {
        if (std::string(data.attribute("Name").value()) == name) return data.text().get();
    }
    return "";
}

std::uint64_t number(const std::string& text) { return text.empty() ? 0 : std::stoull(text, nullptr, 0); }

evtx_writer::filetime filetime_of(const std::string& iso) {
    evtx_writer::utc_time t;
    unsigned year = 0;
    char fraction[16] = {};
    std::sscanf(iso.c_str(), "%u-%u-%uT%u:%u:%u.%7[0-9]", &year, &t.month, &t.day, &t.hour, &t.minute, &t.second, fraction);
    t.year = static_cast<int>(year);
    std::string digits(fraction);
    digits.resize(7, '0');
    t.fraction = static_cast<std::uint32_t>(std::stoul(digits));
    return evtx_writer::to_filetime(t);
}

std::string label_sid(const std::string& level) {
    if (level == "Low") return "S-1-16-4096";
    if (level == "High") return "S-1-16-12288";
    if (level == "System") return "S-1-16-16384";
    return "S-1-16-8192";
}

// The sample's Sysmon process creations as Security 4688 version 2 records.
std::vector<testdata::scenario_record> as_security_4688(const std::string& xml_text) {
    pugi::xml_document document;
    const std::string wrapped = "<Events>" + xml_text.substr(xml_text.find('<')) + "</Events>";
    REQUIRE(document.load_string(wrapped.c_str()));
    std::vector<testdata::scenario_record> records;
    for (const pugi::xml_node& event : document.child("Events").children("Event")) {
        const pugi::xml_node system = event.child("System");
        if (std::string(system.child("Provider").attribute("Name").value()) != "Microsoft-Windows-Sysmon") continue;
        if (std::string(system.child_value("EventID")) != "1") continue;
        testdata::process_creation process;
        const std::string user = field_of(event, "User");
        const std::size_t slash = user.find('\\');
        const std::string domain = slash == std::string::npos ? "" : user.substr(0, slash);
        const std::string name = slash == std::string::npos ? user : user.substr(slash + 1);
        const bool system_account = user == "NT AUTHORITY\\SYSTEM";
        // 4688 names SYSTEM by the machine account and the SID S-1-5-18.
        process.subject = {system_account ? "S-1-5-18" : "S-1-5-21-1004336348-1177238915-682003330-1105",
                           system_account ? "HOST$" : name, system_account ? "WORKGROUP" : domain,
                           number(field_of(event, "LogonId"))};
        process.new_process_id = number(field_of(event, "ProcessId"));
        process.new_process_name = field_of(event, "Image");
        process.parent_process_id = number(field_of(event, "ParentProcessId"));
        process.command_line = field_of(event, "CommandLine");
        process.parent_process_name = field_of(event, "ParentImage");
        process.mandatory_label = label_sid(field_of(event, "IntegrityLevel"));
        const std::string computer = system.child_value("Computer");
        const evtx_writer::filetime time = filetime_of(system.child("TimeCreated").attribute("SystemTime").value());
        records.push_back({testdata::security_process_created(computer, time, process, 2), "the sample's event as 4688", {}});
    }
    return records;
}

}  // namespace

TEST_CASE("sigmahq: process creation rules fire on Security 4688 as on Sysmon 1, or say what 4688 lacks", "[sigmahq]") {
    if (!std::filesystem::exists(sigma_folder() / "regression" / "tests.tsv")) {
        std::cout << "SKIPPED: no SigmaHQ material at " << sigma_folder() << "\n";
        std::exit(77);
    }
    if (test::run_command({"sh", "-c", "command -v evtxexport"}).exit_status != 0) {
        WARN("evtxexport not installed: samples not rewritten");
        return;
    }
    std::ifstream tsv(sigma_folder() / "regression" / "tests.tsv");
    std::string line;
    std::getline(tsv, line);
    std::size_t same = 0, lacking = 0;
    while (std::getline(tsv, line)) {
        std::istringstream parts(line);
        std::string id, path, expected_text;
        std::getline(parts, id, '\t');
        std::getline(parts, path, '\t');
        std::getline(parts, expected_text, '\t');
        if (path.find("/process_creation/") == std::string::npos) continue;
        CAPTURE(id, path);
        temporary_folder work;
        REQUIRE(test::export_xml((sigma_folder() / "regression" / (id + ".evtx")).string(), work.path() / "sample.xml"));
        testdata::scenario_file file = testdata::log_file("Security.evtx", "4688 copies", as_security_4688(test::read_file((work.path() / "sample.xml").string())));
        REQUIRE_FALSE(file.records.empty());
        const testdata::written_scenario written = testdata::write_scenario(file);
        const auto log = work.path() / "Security.evtx";
        std::ofstream(log, std::ios::binary).write(reinterpret_cast<const char*>(written.bytes.data()),
                                                   static_cast<std::streamsize>(written.bytes.size()));
        const auto run = test::run_evtxcar({"scan", log.string(), "--rules", (sigma_folder() / path).string(), "-o",
                                            (work.path() / "o").string(), "--quiet", "--no-html", "--no-json-status",
                                            "--coverage-detail"});
        INFO(run.output);
        REQUIRE(run.exit_status == 0);
        const auto detections = test::read_csv_table((work.path() / "o" / "detections.csv").string());
        std::uint64_t hits = 0;
        for (std::size_t i = 0; i < detections.rows.size(); ++i) hits += detections.at(i, "analytic_id") == id ? 1u : 0u;

        std::set<std::string> missing;
        for (const std::string& field : rule_fields(sigma_folder() / path)) {
            if (fields_4688_logs.count(field) == 0) missing.insert(field);
        }
        const auto coverage = test::read_csv_table((work.path() / "o" / "coverage.csv").string());
        std::string extent, why;
        for (std::size_t i = 0; i < coverage.rows.size(); ++i) {
            if (coverage.at(i, "analytic_id") == id) {
                extent = coverage.at(i, "extent");
                why = coverage.at(i, "why_not");
            }
        }
        CAPTURE(missing, extent, why);
        if (missing.empty()) {
            CHECK(hits >= std::stoull(expected_text));
            CHECK(extent == "full");
            ++same;
        } else {
            CHECK(extent == "partly");
            for (const std::string& field : missing) CHECK(why.find(field) != std::string::npos);
            ++lacking;
        }
    }
    std::cout << "sigmahq: " << same << " process creation rules fire on 4688 as on Sysmon, " << lacking
              << " read fields 4688 does not log (coverage says partly)\n";
    CHECK(same > 0);
}
