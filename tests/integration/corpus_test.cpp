// The built binary over every file of ../shared/corpus (real logs: attack
// samples, dirty and damaged files). Skips (exit 77) when the corpus is absent.
//  - no crash, exit status 0 or 3;
//  - every file of the corpus is accounted for in summary.json;
//  - for each file libevtx's own evtxexport reads without error, evtxcar
//    reads as many records as evtxexport prints, or more where it reports
//    damage (it reads on after a damaged record; libevtx stops);
//  - every record read is a timeline row (per file: rows = records read, and
//    = evtxexport's records where both read the file completely);
//  - timeline.csv and events.jsonl hold one row per timeline event, in time order.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "catch.hpp"
#include "support/corpus_files.hpp"
#include "support/csv_reader.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

using test::corpus_folder;
using test::have_evtxexport;
using test::skip_without_corpus;

// Paths listed in MANIFEST.tsv (relative to the corpus folder).
std::vector<std::string> manifest_paths() {
    std::ifstream manifest(corpus_folder() / "MANIFEST.tsv");
    std::vector<std::string> paths;
    std::string line;
    while (std::getline(manifest, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos && tab > 0) paths.push_back(line.substr(0, tab));
    }
    return paths;
}

}  // namespace

TEST_CASE("corpus: every file is accounted for and record counts match evtxexport", "[integration][corpus]") {
    skip_without_corpus();
    temporary_folder out;
    const auto run = test::run_evtxcar({"scan", corpus_folder().string(), "-o", out.path().string(), "--jsonl",
                                        "--no-html", "--quiet", "--threads", "2"});
    INFO(run.output);
    REQUIRE(run.signal == 0);
    REQUIRE((run.exit_status == 0 || run.exit_status == 3));

    const json summary = json::parse(test::read_file((out.path() / "summary.json").string()));
    std::map<std::string, json> by_path;
    for (const json& file : summary["files"]["list"]) {
        const std::string path = std::filesystem::relative(file["path"].get<std::string>(), corpus_folder()).string();
        CHECK(by_path.emplace(path, file).second);  // listed once
    }
    std::size_t evtx_in_manifest = 0;
    for (const std::string& path : manifest_paths()) {
        const bool is_evtx = path.size() > 5 && (path.substr(path.size() - 5) == ".evtx" || path.substr(path.size() - 5) == ".EVTX");
        if (!is_evtx) continue;
        ++evtx_in_manifest;
        CAPTURE(path);
        CHECK(by_path.count(path) == 1);
    }
    CHECK(summary["files"]["total"].get<std::size_t>() == evtx_in_manifest);
    CHECK(summary["files"]["other_files_skipped"].get<std::size_t>() >= 1);  // MANIFEST.tsv itself

    std::uint64_t read_sum = 0, failed_sum = 0;
    for (const auto& [path, file] : by_path) {
        read_sum += file["records_read"].get<std::uint64_t>();
        failed_sum += file["records_failed"].get<std::uint64_t>();
        const std::string status = file["status"];
        if (status != "complete") CHECK_FALSE(file["reason"].is_null());  // every failure says why
    }
    CHECK(summary["records"]["read"].get<std::uint64_t>() == read_sum);
    CHECK(summary["records"]["failed"].get<std::uint64_t>() == failed_sum);
    CHECK(summary["complete"].get<bool>() == (run.exit_status == 0));

    // Every record read is in the timeline: per file, the events that list
    // it among their sources (an event held by several files, copies of one
    // log, is one row naming them all) equal the records read.
    const auto timeline = test::read_csv_table((out.path() / "timeline.csv").string());
    std::map<std::string, std::uint64_t> rows_by_file;
    std::uint64_t copies_in_timeline = 0;
    {
        std::ifstream jsonl(out.path() / "events.jsonl");
        for (std::string line; std::getline(jsonl, line);) {
            const json event = json::parse(line);
            REQUIRE(event["copies"] == event["source_files"].size());
            REQUIRE(event["source_files"][0] == event["source_file"]);
            for (const auto& source : event["source_files"]) ++rows_by_file[source.get<std::string>()];
            copies_in_timeline += event["copies"].get<std::uint64_t>() - 1;
        }
    }
    CHECK(copies_in_timeline == summary["records"]["duplicate_events"].get<std::uint64_t>());
    for (const json& file : summary["files"]["list"]) {
        CAPTURE(file["path"].get<std::string>());
        CHECK(rows_by_file[file["path"].get<std::string>()] == file["records_read"].get<std::uint64_t>());
    }

    // Differential count against libevtx's own tool.
    if (have_evtxexport()) {
        std::size_t compared = 0;
        for (const auto& [path, file] : by_path) {
            const std::string full = (corpus_folder() / path).string();
            const auto result = test::run_command(
                {"sh", "-c", "evtxexport -f xml \"$1\" 2>/dev/null > \"$2\"; echo $?", "sh", full,
                 (out.path() / "evtxexport.xml").string()});
            if (std::atoi(result.output.c_str()) != 0) continue;  // evtxexport did not read it cleanly
            const std::string xml = test::read_file((out.path() / "evtxexport.xml").string());
            std::uint64_t events = 0;
            for (std::size_t at = xml.find("\n<Event "); at != std::string::npos; at = xml.find("\n<Event ", at + 1)) ++events;
            CAPTURE(path);
            // The default (fast) engine reads on after a damaged record,
            // where libevtx stops (docs/engine-differences.md, kind 7): it
            // reads at least what evtxexport prints, and more only in a
            // file whose damage it reports.
            const auto read = file["records_read"].get<std::uint64_t>();
            CHECK(read >= events);
            if (read != events) CHECK(file["records_failed"].get<std::uint64_t>() > 0);
            // A file both read completely: the timeline holds exactly evtxexport's records.
            if (file["status"] == "complete") CHECK(rows_by_file[file["path"].get<std::string>()] == events);
            ++compared;
        }
        CHECK(compared > 500);
        std::cout << "corpus: compared record counts with evtxexport on " << compared << " files\n";
    } else {
        WARN("evtxexport not installed: record counts not compared");
    }

    // One host identity everywhere: the summary's hosts are the coverage's hosts.
    std::set<std::string> summary_hosts, coverage_hosts;
    for (const auto& [host, records] : summary["hosts"].items()) {
        if (!host.empty()) summary_hosts.insert(host);
    }
    for (const json& row : summary["coverage"]) coverage_hosts.insert(row["host"].get<std::string>());
    CHECK(summary_hosts == coverage_hosts);
    CHECK(summary["host_identities"].size() == summary["hosts"].size());

    // The timeline: one row per event, in time order; events.jsonl likewise.
    const auto events = summary["records"]["timeline_events"].get<std::size_t>();
    CHECK(timeline.rows.size() == events);
    for (std::size_t i = 1; i < timeline.rows.size(); ++i) {
        REQUIRE(timeline.at(i - 1, "datetime") <= timeline.at(i, "datetime"));
    }
    std::ifstream jsonl(out.path() / "events.jsonl");
    std::size_t lines = 0;
    for (std::string line; std::getline(jsonl, line); ++lines) REQUIRE_NOTHROW(json::parse(line));
    CHECK(lines == events);
}

namespace {

// The Security auditing events evtxcar maps (docs/data-model.md).
bool is_mapped_security_id(int id) { return id == 4688 || id == 4689 || id == 5156 || id == 5157 || id == 5158; }

// Text between `open` and `close` in `text` from `from`, or "".
std::string between(const std::string& text, const std::string& open, const std::string& close, std::size_t from,
                     std::size_t until) {
    const std::size_t start = text.find(open, from);
    if (start == std::string::npos || start >= until) return "";
    const std::size_t end = text.find(close, start + open.size());
    if (end == std::string::npos || end > until) return "";
    return text.substr(start + open.size(), end - start - open.size());
}

struct security_counts {
    std::map<int, std::uint64_t> by_event_id;
    std::multiset<std::string> new_process_ids;  // 4688's NewProcessId in decimal
};

// What evtxexport's XML says of the Security auditing events in one file.
security_counts security_events_in(const std::string& xml) {
    security_counts counts;
    for (std::size_t at = xml.find("<Event "); at != std::string::npos;) {
        const std::size_t next = xml.find("<Event ", at + 1);
        const std::size_t until = next == std::string::npos ? xml.size() : next;
        if (between(xml, "<Provider Name=\"", "\"", at, until) == "Microsoft-Windows-Security-Auditing") {
            const std::string id_element = between(xml, "<EventID", "</EventID>", at, until);
            const int id = std::atoi(id_element.substr(id_element.find('>') + 1).c_str());
            if (is_mapped_security_id(id)) {
                ++counts.by_event_id[id];
                if (id == 4688) {
                    const std::string hex = between(xml, "<Data Name=\"NewProcessId\">", "</Data>", at, until);
                    counts.new_process_ids.insert(std::to_string(std::stoull(hex, nullptr, 16)));
                }
            }
        }
        at = next;
    }
    return counts;
}

}  // namespace

TEST_CASE("corpus: every Security auditing log normalizes as evtxexport shows it", "[integration][corpus]") {
    skip_without_corpus();
    if (!have_evtxexport()) {
        WARN("evtxexport not installed: Security events not compared");
        return;
    }
    temporary_folder out;
    const auto run = test::run_evtxcar(
        {"scan", corpus_folder().string(), "-o", out.path().string(), "--no-html", "--quiet", "--threads", "2",
         "--keep-duplicates"});  // per file: a row for every copy
    REQUIRE(run.signal == 0);
    const json summary = json::parse(test::read_file((out.path() / "summary.json").string()));
    // No value of any event failed to convert (hex ids, directions).
    CHECK(summary["warnings"]["normalization"]["count"] == 0);

    std::map<std::string, security_counts> found;  // by file, from timeline.csv
    const auto timeline = test::read_csv_table((out.path() / "timeline.csv").string());
    for (std::size_t i = 0; i < timeline.rows.size(); ++i) {
        if (timeline.at(i, "provider") != "Microsoft-Windows-Security-Auditing") continue;
        const int id = std::stoi(timeline.at(i, "event_id"));
        if (!is_mapped_security_id(id)) continue;
        security_counts& file = found[timeline.at(i, "source_file")];
        ++file.by_event_id[id];
        if (id == 4688) file.new_process_ids.insert(timeline.at(i, "pid"));
    }

    std::size_t files_with_events = 0;
    std::uint64_t events = 0;
    for (const json& file : summary["files"]["list"]) {
        const std::string path = file["path"];
        const auto exported = test::run_command({"sh", "-c", "evtxexport -f xml \"$1\" 2>/dev/null > \"$2\"; echo $?", "sh",
                                                 path, (out.path() / "evtxexport.xml").string()});
        if (std::atoi(exported.output.c_str()) != 0) continue;  // evtxexport did not read it cleanly
        const security_counts wanted = security_events_in(test::read_file((out.path() / "evtxexport.xml").string()));
        if (wanted.by_event_id.empty()) {
            CHECK(found.count(path) == 0);
            continue;
        }
        CAPTURE(path);
        ++files_with_events;
        for (const auto& [id, count] : wanted.by_event_id) events += count;
        CHECK(found[path].by_event_id == wanted.by_event_id);
        CHECK(found[path].new_process_ids == wanted.new_process_ids);
    }
    std::cout << "corpus: Security auditing events per event id as evtxexport shows, " << events << " events in "
              << files_with_events << " files\n";
    CHECK(files_with_events >= 90);
}
