#pragma once
// Reads testdata/expected/<path>.jsonl (what the generator wrote into each
// scenario log) and testdata/MANIFEST.tsv, for the integration tests.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/expected_auditing_fields.hpp"
#include "support/other_log_expectations.hpp"

namespace evtxcar::test {

struct expected_record {
    std::string source_file;  // "testdata/demo/WS02/...evtx", as evtxcar reports it when scanning testdata/...
    nlohmann::json data;      // record_id, time, provider, channel, event_id, computer, fields, case, detections

    std::string field(const std::string& name) const {
        for (const auto& pair : data["fields"]) {
            if (pair[0] == name) return pair[1];
        }
        return "";
    }
    bool has_field(const std::string& name) const {
        for (const auto& pair : data["fields"]) {
            if (pair[0] == name) return true;
        }
        return false;
    }
    std::uint64_t record_id() const { return data["record_id"]; }
    std::string computer() const { return data["computer"]; }
    bool is_sysmon() const { return data["provider"] == "Microsoft-Windows-Sysmon"; }
    bool is_security() const { return data["provider"] == "Microsoft-Windows-Security-Auditing"; }
    int event_id() const { return data["event_id"]; }
    // The records evtxcar's sensors map into the timeline (docs/data-model.md):
    // every Sysmon event, and the Security auditing process, Filtering
    // Platform, session, authentication, account, group, service, scheduled
    // task and registry events.
    bool is_normalized() const {
        if (is_sysmon()) return true;
        if (is_other_log_normalized()) return true;
        const int id = event_id();
        return is_security() && (id == 4688 || id == 4689 || id == 5156 || id == 5157 || id == 5158 ||
                                 auditing_ids_beyond_processes().count(id) == 1);
    }
    // The record's fields as [name, value] pairs, in order.
    record_fields pairs() const {
        record_fields out;
        for (const auto& pair : data["fields"]) out.emplace_back(pair[0], pair[1]);
        return out;
    }
    // The events of the other logs that map to CAR (docs/data-model.md):
    // services, logs cleared, scripts, malware, scheduled tasks, WMI
    // bindings, RDP sessions.
    bool is_other_log_normalized() const { return is_other_log_mapped(data["provider"], event_id()); }
};

inline std::filesystem::path testdata_root() { return std::filesystem::path(EVTXCAR_SOURCE_DIR) / "testdata"; }
inline std::string testdata_path(const std::string& relative) { return (testdata_root() / relative).string(); }

// Every expected record of the .evtx files under testdata/<folder>, with
// source_file written as "<prefix>/<path below testdata>".
inline std::vector<expected_record> expected_records(const std::string& folder, const std::string& prefix) {
    std::vector<expected_record> records;
    const auto expected_folder = testdata_root() / "expected" / folder;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(expected_folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".jsonl") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::string relative = std::filesystem::relative(file, testdata_root() / "expected").string();
        relative.resize(relative.size() - 6);  // drop ".jsonl"
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            records.push_back({prefix + "/" + relative, nlohmann::json::parse(line)});
        }
    }
    return records;
}

struct manifest_entry {
    std::string path, exercises, outcome, reason;
    std::uint64_t records_written = 0, records_readable = 0;
    std::optional<std::uint64_t> records_lost;  // when the damage says exactly how many
};

inline std::map<std::string, manifest_entry> read_manifest() {
    std::map<std::string, manifest_entry> entries;
    std::ifstream in(testdata_root() / "MANIFEST.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
            cells.push_back(line.substr(start, tab - start));
        }
        cells.push_back(line.substr(start));
        if (cells.size() < 6) continue;
        manifest_entry entry{cells[0], cells[1], cells[4], cells[5], std::stoull(cells[2]), std::stoull(cells[3]), {}};
        if (cells.size() > 6 && cells[6] != "-") entry.records_lost = std::stoull(cells[6]);
        entries.emplace(entry.path, entry);
    }
    return entries;
}

}  // namespace evtxcar::test
