// The CAR catalogue through the built binary: each analytic's folder of
// testdata/analytics/<CAR id>/ scanned with the whole catalogue on gives
// exactly the detections its records were designed to produce (written by
// the generator from the analytic's own text: testdata/expected/), each
// analytic fires on Sysmon and, where its events exist there, on Security
// auditing alone, and never where its cases say it must not; --analytics,
// --no-car-catalogue and --list-rules; summary.json's car_catalogue.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <set>
#include <tuple>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/detection_keys.hpp"
#include "support/expected_records.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

using test::detection_key;
using test::found_detections;

// The analytics whose verdict needs the whole collection: decided at the
// end of the timeline, so the timeline's analytics column (written as the
// events pass) does not name them; detections.csv does (docs/analytics/README.md).
const std::set<std::string> decided_at_the_end = {"CAR-2013-05-009", "CAR-2013-09-005", "CAR-2013-10-001",
                                                   "CAR-2014-11-002", "CAR-2020-05-003", "CAR-2021-01-002"};

std::string analytic_of(const std::string& label) { return label.substr(0, label.find(':')); }

std::vector<std::string> catalogue_folders() {
    std::vector<std::string> folders;
    for (const auto& entry : std::filesystem::directory_iterator(test::testdata_root() / "analytics")) {
        if (entry.is_directory() && entry.path().filename().string().rfind("CAR-", 0) == 0) {
            folders.push_back(entry.path().filename().string());
        }
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

struct scanned {
    test::process_result run;
    json summary;
    test::csv_table timeline;
    test::csv_table detections;
};

scanned scan(const std::string& folder, const std::filesystem::path& out, const std::string& engine,
             std::vector<std::string> extra = {}) {
    std::vector<std::string> arguments = {"scan", (test::testdata_root() / "analytics" / folder).string(), "-o",
                                          out.string(), "--quiet", "--no-html", "--no-json-status", "--engine", engine};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    scanned result;
    result.run = test::run_evtxcar(arguments);
    INFO(result.run.output);
    REQUIRE(result.run.exit_status == 0);
    result.summary = json::parse(test::read_file((out / "summary.json").string()));
    result.timeline = test::read_csv_table((out / "timeline.csv").string());
    result.detections = test::read_csv_table((out / "detections.csv").string());
    return result;
}

std::set<std::string> cell_labels(const std::string& cell) {
    std::set<std::string> labels;
    for (std::size_t start = 0; start < cell.size();) {
        const std::size_t end = cell.find("; ", start);
        labels.insert(cell.substr(start, end - start));
        start = end == std::string::npos ? cell.size() : end + 2;
    }
    return labels;
}

}  // namespace

TEST_CASE("catalogue: every analytic's cases give exactly their designed detections", "[integration][catalogue]") {
    const std::vector<std::string> folders = catalogue_folders();
    REQUIRE(folders.size() == 90);  // the 90 analytics the catalogue runs (docs/analytics/README.md)
    for (const std::string& engine : {std::string("fast"), std::string("libevtx")}) {
        for (const std::string& folder : folders) {
            CAPTURE(engine, folder);
            const auto expected = test::expected_records("analytics/" + folder, test::testdata_root().string());
            REQUIRE_FALSE(expected.empty());
            temporary_folder out;
            const scanned result = scan(folder, out.path(), engine);

            std::set<detection_key> wanted;
            for (const auto& record : expected) {
                for (const auto& label : record.data["detections"]) wanted.emplace(record.source_file, record.record_id(), label);
            }
            const std::set<detection_key> found = found_detections(result.detections);
            std::vector<detection_key> missing, extra;
            std::set_difference(wanted.begin(), wanted.end(), found.begin(), found.end(), std::back_inserter(missing));
            std::set_difference(found.begin(), found.end(), wanted.begin(), wanted.end(), std::back_inserter(extra));
            for (const auto& [file, record, label] : missing) UNSCOPED_INFO("missing " << file << " #" << record << " " << label);
            for (const auto& [file, record, label] : extra) UNSCOPED_INFO("extra " << file << " #" << record << " " << label);
            CHECK(missing.empty());
            CHECK(extra.empty());
            CHECK(result.detections.rows.size() == wanted.size());  // no detection twice

            if (engine != "fast") continue;
            // The analytic fires here, on the Sysmon host and (unless its
            // events are Sysmon's alone) on the audited one; and some record
            // of its cases does not fire it.
            std::size_t on_sysmon = 0, on_audited = 0, not_fired = 0;
            for (const auto& record : expected) {
                bool fires = false;
                for (const auto& label : record.data["detections"]) fires = fires || analytic_of(label) == folder;
                if (!fires) {
                    ++not_fired;
                    continue;
                }
                ++(record.computer().rfind("S", 0) == 0 ? on_sysmon : on_audited);
            }
            CHECK(not_fired > 0);
            CHECK(on_sysmon + on_audited > 0);

            // Each record's timeline row names the analytics it fired, but
            // those decided at the end of the timeline.
            std::map<std::pair<std::string, std::uint64_t>, std::size_t> row_of;
            for (std::size_t i = 0; i < result.timeline.rows.size(); ++i) {
                row_of.emplace(std::make_pair(result.timeline.at(i, "source_file"), std::stoull(result.timeline.at(i, "record_id"))), i);
            }
            for (const auto& record : expected) {
                CAPTURE(record.source_file, record.record_id());
                const auto row = row_of.find({record.source_file, record.record_id()});
                REQUIRE(row != row_of.end());
                std::set<std::string> marked;
                for (const auto& label : record.data["detections"]) {
                    if (decided_at_the_end.count(analytic_of(label)) == 0) marked.insert(label);
                }
                CHECK(cell_labels(result.timeline.at(row->second, "analytics")) == marked);
            }
        }
    }
}

// The rows --list-rules prints for the CAR analytics, split at its tabs.
std::vector<std::vector<std::string>> catalogue_rows(const std::string& output) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("CAR-", 0) != 0) continue;
        std::vector<std::string>& cells = rows.emplace_back();
        for (std::size_t start = 0;;) {
            const std::size_t tab = line.find('\t', start);
            cells.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
    }
    return rows;
}

// CAR id -> the sensors of each variant, from --list-rules ("Sysmon 11; Sysmon 1, Security 4688").
std::map<std::string, std::vector<std::string>> listed_sensors() {
    const auto run = test::run_evtxcar({"scan", "--list-rules"});
    std::map<std::string, std::vector<std::string>> sensors;
    for (const auto& cells : catalogue_rows(run.output)) {
        if (cells.size() > 3 && cells[1] == "yes") sensors[cells[0]].push_back(cells[3]);
    }
    return sensors;
}

// True when every variant needs some event only Sysmon logs (a part of its
// sensors, between "; ", naming no other log).
bool needs_sysmon_alone(const std::vector<std::string>& variants) {
    return std::all_of(variants.begin(), variants.end(), [](const std::string& sensors) {
        for (std::size_t start = 0; start < sensors.size();) {
            const std::size_t end = std::min(sensors.find("; ", start), sensors.size());
            const std::string part = sensors.substr(start, end - start);
            if (part.find("Security") == std::string::npos && part.find("System") == std::string::npos &&
                part.find("WMI") == std::string::npos) {
                return true;
            }
            start = end + 2;
        }
        return false;
    });
}

TEST_CASE("catalogue: each analytic fires on Security auditing alone where its events exist there", "[integration][catalogue]") {
    // From the data: an analytic whose cases hold records of the audited
    // host (Security, System, WMI-Activity) fires there too, unless what it
    // reads is Sysmon's alone (the sensors --list-rules gives); one with
    // Sysmon records fires on the Sysmon host.
    const auto sensors = listed_sensors();
    REQUIRE(sensors.size() == 90);
    for (const std::string& folder : catalogue_folders()) {
        CAPTURE(folder);
        REQUIRE(sensors.count(folder) == 1);
        const auto expected = test::expected_records("analytics/" + folder, test::testdata_root().string());
        bool audited_records = false, fired_on_audited = false, fired_on_sysmon = false, sysmon_records = false;
        for (const auto& record : expected) {
            const bool audited = record.computer().rfind("S", 0) != 0;
            (audited ? audited_records : sysmon_records) = true;
            for (const auto& label : record.data["detections"]) {
                if (analytic_of(label) == folder) (audited ? fired_on_audited : fired_on_sysmon) = true;
            }
        }
        if (audited_records && !needs_sysmon_alone(sensors.at(folder))) CHECK(fired_on_audited);
        if (sysmon_records) CHECK(fired_on_sysmon);
        if (!needs_sysmon_alone(sensors.at(folder))) CHECK(audited_records);
    }
}

TEST_CASE("catalogue: --analytics runs only those, --no-car-catalogue none", "[integration][catalogue]") {
    const auto expected = test::expected_records("analytics/CAR-2021-02-002", test::testdata_root().string());
    std::set<detection_key> designed;
    for (const auto& record : expected) {
        for (const auto& label : record.data["detections"]) designed.emplace(record.source_file, record.record_id(), label);
    }
    {
        temporary_folder out;
        const scanned only = scan("CAR-2021-02-002", out.path(), "fast", {"--analytics", "CAR-2021-02-002,CAR-2013-02-003"});
        std::set<detection_key> wanted;
        for (const auto& key : designed) {
            const std::string id = analytic_of(std::get<2>(key));
            if (id == "CAR-2021-02-002" || id == "CAR-2013-02-003") wanted.insert(key);
        }
        REQUIRE(wanted.size() < designed.size());  // the folder fires other analytics too
        CHECK(found_detections(only.detections) == wanted);
        const json& catalogue = only.summary["car_catalogue"];
        CHECK(catalogue["enabled"] == true);
        CHECK(catalogue["runs"].size() == 2);
        CHECK(catalogue["not_selected"].size() == 88);
    }
    {
        temporary_folder out;
        const scanned none = scan("CAR-2021-02-002", out.path(), "fast", {"--no-car-catalogue"});
        CHECK(none.detections.rows.empty());
        CHECK(none.summary["car_catalogue"]["enabled"] == false);
        CHECK(none.summary["car_catalogue"]["runs"].empty());
        CHECK(none.summary["car_catalogue"]["not_from_event_logs"].size() == 11);  // still listed
    }
    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--analytics", "CAR-2099-01-001"}, std::vector<std::string>{"--analytics", "CAR-2013-01-003"},
          std::vector<std::string>{"--analytics", "CAR-2020-04-001"},
          std::vector<std::string>{"--analytics", "CAR-2013-02-003", "--no-car-catalogue"}}) {
        temporary_folder out;
        std::vector<std::string> arguments = {"scan", test::testdata_path("analytics/CAR-2013-02-003"), "-o", out.path().string()};
        arguments.insert(arguments.end(), bad.begin(), bad.end());
        const auto run = test::run_evtxcar(arguments);
        CAPTURE(run.output);
        CHECK(run.exit_status == 2);
    }
}

TEST_CASE("catalogue: --analytics CAR-2015-07-001 alone brings the credential dumping analytics it waits for",
          "[integration][catalogue]") {
    // Its scenario's designed hits of CAR-2015-07-001 (MANIFEST.tsv / expected data) need a
    // credential dumping analytic to fire first; asked for alone, it must still give them.
    const auto expected = test::expected_records("analytics/CAR-2015-07-001", test::testdata_root().string());
    std::set<detection_key> designed;
    for (const auto& record : expected) {
        for (const auto& label : record.data["detections"]) {
            if (analytic_of(label) == "CAR-2015-07-001") designed.emplace(record.source_file, record.record_id(), label);
        }
    }
    REQUIRE_FALSE(designed.empty());
    temporary_folder out;
    const scanned alone = scan("CAR-2015-07-001", out.path(), "fast", {"--analytics", "CAR-2015-07-001"});
    std::set<detection_key> found_here;
    for (const auto& key : found_detections(alone.detections)) {
        if (analytic_of(std::get<2>(key)) == "CAR-2015-07-001") found_here.insert(key);
    }
    CHECK(found_here == designed);
    // The five it waits for ran, and say so.
    CHECK(alone.summary["car_catalogue"]["runs"].size() == 6);
}

TEST_CASE("catalogue: --list-rules lists every CAR analytic, what runs and from which sensors", "[integration][catalogue]") {
    const auto run = test::run_evtxcar({"scan", "--list-rules"});
    REQUIRE(run.exit_status == 0);
    std::map<std::string, std::vector<std::vector<std::string>>> by_id;
    for (const auto& cells : catalogue_rows(run.output)) by_id[cells[0]].push_back(cells);
    CHECK(by_id.size() == 102);
    std::size_t running = 0, not_evaluable = 0, deprecated = 0;
    for (const auto& [id, rows] : by_id) {
        CAPTURE(id);
        const std::string& runs = rows.front()[1];
        if (runs == "yes") {
            ++running;
            for (const auto& row : rows) {
                CHECK(row[1] == "yes");
                CHECK(row[2] != "-");      // a variant
                CHECK_FALSE(row[3].empty());  // the sensors whose events it reads
                CHECK(row[3] != "-");
            }
        } else if (runs.rfind("no: not evaluable", 0) == 0) {
            ++not_evaluable;
            CHECK(rows.front().back().rfind("needs ", 0) == 0);
        } else if (runs.rfind("no: deprecated", 0) == 0) {
            ++deprecated;
        }
    }
    CHECK(running == 90);
    CHECK(not_evaluable == 11);
    CHECK(deprecated == 1);

    const auto off = test::run_evtxcar({"scan", "--list-rules", "--no-car-catalogue"});
    CHECK(off.exit_status == 0);
    CHECK(off.output.find("CAR-2013-02-003\toff (--no-car-catalogue)\tpseudocode") != std::string::npos);
}

TEST_CASE("catalogue: summary.json says what ran, where each variant could look, and what needs other data",
          "[integration][catalogue]") {
    temporary_folder out;
    const scanned result = scan("CAR-2019-08-001", out.path(), "fast");
    const json& catalogue = result.summary["car_catalogue"];
    CHECK(catalogue["enabled"] == true);
    CHECK(catalogue["runs"].size() == 90);
    CHECK(catalogue["not_selected"].empty());
    CHECK(catalogue["not_from_event_logs"].size() == 11);
    for (const json& analytic : catalogue["not_from_event_logs"]) CHECK_FALSE(analytic["needs"].get<std::string>().empty());
    REQUIRE(catalogue["deprecated"].size() == 1);
    CHECK(catalogue["deprecated"][0]["replaced_by"] == "CAR-2021-01-009");
    // This folder's two hosts: a Sysmon host (file creates) and an audited
    // host with no record: Task Manager's dump can be looked for on one host.
    bool found = false;
    for (const json& analytic : catalogue["runs"]) {
        if (analytic["id"] != "CAR-2019-08-001") continue;
        found = true;
        REQUIRE(analytic["variants"].size() == 1);
        const json& variant = analytic["variants"][0];
        CHECK(variant["sensors"] == "Sysmon 11");
        CHECK(variant["hosts_full"] == 1);
        CHECK(variant["detections"] == 1);
        CHECK(variant["not_anywhere"] == "");
    }
    CHECK(found);
    // An analytic no host of this folder could run says why.
    for (const json& analytic : catalogue["runs"]) {
        if (analytic["id"] != "CAR-2016-04-005") continue;
        CHECK(analytic["variants"][0]["hosts_full"] == 0);
        CHECK(analytic["variants"][0]["not_anywhere"].get<std::string>().find("no user_session/login events") != std::string::npos);
    }
    // coverage.csv: per host one row for the catalogue's rules, one per
    // variant of its C++ analytics; one per rule variant with --coverage-detail.
    const auto coverage = test::read_csv_table((out.path() / "coverage.csv").string());
    std::size_t summed = 0;
    for (std::size_t i = 0; i < coverage.rows.size(); ++i) summed += coverage.at(i, "analytic_id") == "car-catalogue";
    CHECK(summed == 1);  // the one host with records
    temporary_folder detailed;
    const scanned detail = scan("CAR-2019-08-001", detailed.path(), "fast", {"--coverage-detail"});
    const auto rows = test::read_csv_table((detailed.path() / "coverage.csv").string());
    bool dump_row = false;
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        if (rows.at(i, "analytic_id") != "CAR-2019-08-001") continue;
        dump_row = true;
        CHECK(rows.at(i, "evaluable") == "yes");
        CHECK(rows.at(i, "detections") == "1");
    }
    CHECK(dump_row);
}
