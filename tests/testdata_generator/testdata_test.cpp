// testdata/ as committed: the generator must reproduce it byte for byte,
// and readers that are not evtxcar's must find in each file what its
// expected data says (the expectations come from the scenarios, in memory).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "scenario_catalog.hpp"
#include "testdata_tree.hpp"
#include "tool_readings.hpp"
#include "writer_test_support.hpp"
#include "written_scenario.hpp"

using namespace evtxcar::testdata;
namespace readers = evtxcar::independent_readers;
namespace writer = evtxcar::evtx_writer;

namespace {

const std::filesystem::path committed_testdata = std::filesystem::path(EVTXCAR_SOURCE_DIR) / "testdata";

std::string file_contents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// testdata/fuzz-regressions/ holds the inputs that once crashed a fuzz
// target (docs/fuzzing.md): kept by hand, not generated.
std::set<std::string> files_below(const std::filesystem::path& root) {
    std::set<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string path = std::filesystem::relative(entry.path(), root).generic_string();
        if (entry.is_regular_file() && path.rfind("fuzz-regressions/", 0) != 0) paths.insert(path);
    }
    return paths;
}

// Every scenario written, with the scenarios kept alive beside it.
struct all_written {
    std::vector<scenario_file> scenarios = all_scenario_files();
    std::vector<written_scenario> files;
    all_written() {
        for (const scenario_file& file : scenarios) files.push_back(write_scenario(file));
    }
};

std::map<std::string, writer::event_summary> by_record_id(const std::vector<writer::rendered_element>& events) {
    std::map<std::string, writer::event_summary> summaries;
    for (const auto& event : events) {
        writer::event_summary summary = writer::summarize_event(event);
        summaries.emplace(summary.record_id, std::move(summary));
    }
    return summaries;
}

std::string describe(const writer::event_summary& s) {
    std::string text = "provider=" + s.provider_name + " guid=" + s.provider_guid + " id=" + s.event_id +
                       " qualifiers=" + s.qualifiers + " version=" + s.version + " level=" + s.level +
                       " task=" + s.task + " opcode=" + s.opcode + " keywords=" + s.keywords +
                       " time=" + s.system_time + " record=" + s.record_id + " pid=" + s.process_id +
                       " tid=" + s.thread_id + " channel=" + s.channel + " computer=" + s.computer +
                       " sid=" + s.user_sid + " payload=" + s.payload_name + "\n";
    for (const auto& [name, value] : s.fields) text += "  " + name + " = [" + value + "]\n";
    return text;
}

bool have_evtxexport() {
    if (readers::evtxexport_program() && readers::evtxinfo_program()) return true;
    WARN("evtxexport/evtxinfo not installed (Debian package libevtx-utils): skipped");
    return false;
}

// Compares evtxexport's reading of an intact file with its expected records;
// `known_differences` selects the records libevtx is known to misread.
void check_libevtx_reads(const written_scenario& file, bool known_differences) {
    const readers::xml_reading reading = readers::read_with_evtxexport(committed_testdata / file.scenario->path);
    const auto shown = by_record_id(reading.events);
    for (const written_record& record : file.records) {
        if (record.scenario->libevtx_differs.empty() == known_differences) continue;
        INFO(file.scenario->path << " record " << record.record_id << ": " << record.scenario->case_description);
        INFO(reading.diagnostics);
        const auto found = shown.find(std::to_string(record.record_id));
        REQUIRE(found != shown.end());
        CHECK(describe(found->second) == describe(record.shown));
    }
}

}  // namespace

TEST_CASE("the generator reproduces every committed file of testdata/ byte for byte", "[testdata]") {
    REQUIRE(std::filesystem::is_directory(committed_testdata));
    evtxcar::evtx_writer::testing::temporary_directory directory;
    write_tree(generate_testdata_tree(), directory.path());
    const std::set<std::string> generated = files_below(directory.path());
    const std::set<std::string> committed = files_below(committed_testdata);
    CHECK(generated == committed);
    for (const std::string& path : generated) {
        if (!committed.contains(path)) continue;
        INFO(path);
        CHECK(file_contents(directory.path() / path) == file_contents(committed_testdata / path));
    }
}

TEST_CASE("libevtx reads every intact testdata log as its expected data says", "[testdata]") {
    if (!have_evtxexport()) return;
    const all_written all;
    for (const written_scenario& file : all.files) {
        if (file.scenario->damage || file.scenario->raw_content) continue;
        check_libevtx_reads(file, false);
    }
}

TEST_CASE("libevtx reads the testdata records it is known to misread", "[testdata][!mayfail]") {
    // Each such record says why (scenario_record::libevtx_differs; README.md).
    if (!have_evtxexport()) return;
    const all_written all;
    for (const written_scenario& file : all.files) {
        if (file.scenario->damage || file.scenario->raw_content) continue;
        check_libevtx_reads(file, true);
    }
}

TEST_CASE("libevtx finds in each damaged testdata file the records MANIFEST.tsv calls readable", "[testdata]") {
    if (!have_evtxexport()) return;
    const all_written all;
    for (const written_scenario& file : all.files) {
        if (!file.scenario->damage && !file.scenario->raw_content) continue;
        if (!file.scenario->path.ends_with(".evtx")) continue;
        // The regression files of mutations/ say what evtxcar's accounting must yield; libevtx's
        // tools read several of them differently (docs/engine-differences.md, "Accounting").
        if (file.scenario->path.starts_with("mutations/")) continue;
        INFO(file.scenario->path << ": " << file.verdict.reason);
        const auto path = committed_testdata / file.scenario->path;
        const readers::info_reading info = readers::read_with_evtxinfo(path);
        INFO(info.output);
        if (file.verdict.outcome == file_outcome::unreadable) {
            CHECK(info.exit_status != 0);
            continue;
        }
        CHECK(info.records == file.verdict.records_readable);
        const readers::xml_reading reading = readers::read_with_evtxexport(path);
        const auto shown = by_record_id(reading.events);
        CHECK(shown.size() == file.verdict.records_readable);
        for (const written_record& record : file.records) {
            const auto found = shown.find(std::to_string(record.record_id));
            CHECK((found != shown.end()) == record.readable);
            if (found != shown.end()) CHECK(describe(found->second) == describe(record.shown));
        }
    }
}

TEST_CASE("python-evtx reads the demo, analytics, security, sessions, windows-logs and hostile logs with the expected text values",
          "[testdata]") {
    if (!readers::python_evtx_program()) {
        WARN("evtx_dump.py not installed (Debian package python3-evtx): skipped");
        return;
    }
    const all_written all;
    for (const written_scenario& file : all.files) {
        const std::string& path = file.scenario->path;
        if (!path.starts_with("demo/") && !path.starts_with("analytics/") && !path.starts_with("security/") &&
            !path.starts_with("sessions/") && !path.starts_with("windows-logs/") && !path.starts_with("hostile/"))
            continue;
        INFO(path);
        const readers::xml_reading reading = readers::read_with_python_evtx(committed_testdata / path);
        INFO(reading.diagnostics);
        REQUIRE(reading.events.size() == file.records.size());
        for (std::size_t i = 0; i < file.records.size(); ++i) {
            const written_record& record = file.records[i];
            const writer::event_summary shown = writer::summarize_event(reading.events[i]);
            INFO("record " << record.record_id);
            CHECK(shown.record_id == record.shown.record_id);
            CHECK(shown.computer == record.shown.computer);
            CHECK(shown.event_id == record.shown.event_id);
            CHECK(shown.channel == record.shown.channel);
            // python-evtx prints GUIDs, booleans, binary and times its own way,
            // and keeps elements whose optional value is null: compare the
            // string values, which it prints as written.
            const auto& data = record.scenario->event.event_data;
            if (std::any_of(data.begin(), data.end(), [](const auto& d) { return d.optional && d.value.is_null(); }))
                continue;
            // It also prints an array of strings (the classic "Windows
            // PowerShell" log's message strings) as one element.
            if (std::any_of(data.begin(), data.end(), [](const auto& d) { return d.value.is_array(); })) continue;
            REQUIRE(shown.fields.size() == record.shown.fields.size());
            for (std::size_t f = 0; f < data.size() && f < shown.fields.size(); ++f) {
                if (data[f].value.type() != evtxcar::binxml::value_string || !data[f].literal_content.empty()) continue;
                CHECK(shown.fields[f] == record.shown.fields[f]);
            }
        }
    }
}

TEST_CASE("evtxexport and python-evtx show each forwarded record's RenderingInfo as written", "[testdata]") {
    const all_written all;
    for (const written_scenario& file : all.files) {
        if (!file.scenario->path.ends_with("/ForwardedEvents.evtx")) continue;
        INFO(file.scenario->path);
        std::vector<readers::xml_reading> readings;
        if (readers::evtxexport_program()) readings.push_back(readers::read_with_evtxexport(committed_testdata / file.scenario->path));
        if (readers::python_evtx_program()) readings.push_back(readers::read_with_python_evtx(committed_testdata / file.scenario->path));
        for (const readers::xml_reading& reading : readings) {
            INFO(reading.diagnostics);
            REQUIRE(reading.events.size() == file.records.size());
            for (std::size_t i = 0; i < file.records.size(); ++i) {
                const auto& written = file.records[i].scenario->event.rendering;
                INFO("record " << file.records[i].record_id);
                REQUIRE(written.has_value());
                const writer::rendered_element* shown = reading.events[i].child("RenderingInfo");
                REQUIRE(shown != nullptr);
                CHECK(*shown->attribute("Culture") == written->culture);
                CHECK(shown->child("Level")->text == written->level);
                CHECK(shown->child("Task")->text == written->task);
                CHECK(shown->child("Opcode")->text == written->opcode);
                CHECK(shown->child("Channel")->text == written->channel);
                CHECK(shown->child("Provider")->text == written->provider);
                // Line ends aside (an XML parser turns CR LF into LF), the message as written.
                std::string message = written->message;
                std::erase(message, '\r');
                std::string shown_message = shown->child("Message")->text;
                std::erase(shown_message, '\r');
                CHECK(shown_message == message);
                std::vector<std::string> keywords;
                for (const auto& keyword : shown->child("Keywords")->children) keywords.push_back(keyword.text);
                CHECK(keywords == written->keywords);
            }
        }
    }
}
