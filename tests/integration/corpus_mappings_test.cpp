// The built binary over ../shared/corpus (real logs), for the mappings of
// the System, PowerShell, Defender, TaskScheduler, WMI-Activity, RDP and
// event log service events. Skips (exit 77) when the corpus is absent.
//  - in every file evtxexport reads cleanly, each record of a mapped event
//    is one typed row of events.jsonl, and its CAR fields are what
//    support/other_log_expectations.hpp derives from evtxexport's reading of
//    the same record;
//  - the attack samples show their attack as typed rows with readable
//    messages (a log cleared, a service installed with the payload as its
//    image path, obfuscated script blocks, Defender's detections, RDP logons).
#include <nlohmann/json.hpp>

#include "support/jsonl_text.hpp"
#include <pugixml.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "catch.hpp"
#include "support/corpus_files.hpp"
#include "support/csv_reader.hpp"
#include "support/other_log_expectations.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

// All text below a node, concatenated (event_record's rule for values).
std::string all_text(const pugi::xml_node& node) {
    std::string text;
    for (const pugi::xml_node& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element) {
            text += all_text(child);
        }
    }
    return text;
}

// UserData below its root: "path@attribute" for attributes, "path" for
// elements without child elements.
void user_data_fields(const pugi::xml_node& node, const std::string& path, test::record_view& view) {
    for (const pugi::xml_attribute& attribute : node.attributes()) {
        if (std::string(attribute.name()).starts_with("xmlns")) continue;
        view.fields.emplace_back(path + "@" + attribute.name(), attribute.value());
    }
    bool has_elements = false;
    for (const pugi::xml_node& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        has_elements = true;
        user_data_fields(child, path.empty() ? child.name() : path + "/" + child.name(), view);
    }
    if (!has_elements && !path.empty()) view.fields.emplace_back(path, all_text(node));
}

// One record of evtxexport's XML output.
test::record_view view_of(const pugi::xml_node& event, std::uint64_t& record_id) {
    test::record_view view;
    const pugi::xml_node system = event.child("System");
    view.provider = system.child("Provider").attribute("Name").value();
    view.event_id = std::atoi(all_text(system.child("EventID")).c_str());
    view.channel = all_text(system.child("Channel"));
    view.user_sid = system.child("Security").attribute("UserID").value();
    if (const pugi::xml_attribute pid = system.child("Execution").attribute("ProcessID")) {
        view.process_id = static_cast<std::uint32_t>(std::stoul(pid.value()));
    }
    record_id = std::stoull(all_text(system.child("EventRecordID")));
    if (const pugi::xml_node data = event.child("EventData")) {
        for (const pugi::xml_node& child : data.children()) {
            if (child.type() != pugi::node_element) continue;
            const pugi::xml_attribute name = child.attribute("Name");
            const std::string element = child.name();
            view.fields.emplace_back(name ? name.value() : (element == "Data" ? "" : element), all_text(child));
        }
    } else if (const pugi::xml_node user_data = event.child("UserData")) {
        for (const pugi::xml_node& root : user_data.children()) {
            if (root.type() != pugi::node_element) continue;
            user_data_fields(root, "", view);
            break;
        }
    }
    return view;
}

// The records evtxexport shows in `xml`, by record id.
std::map<std::uint64_t, test::record_view> records_in(const std::string& xml) {
    std::map<std::uint64_t, test::record_view> records;
    for (std::size_t at = xml.find("<Event "); at != std::string::npos;) {
        const std::size_t next = xml.find("\n<Event ", at + 1);
        const std::string one = xml.substr(at, next == std::string::npos ? std::string::npos : next - at);
        pugi::xml_document document;
        // Values as evtxexport writes them: blanks and line ends kept.
        const auto parsed =
            document.load_buffer(one.data(), one.size(), (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol);
        REQUIRE(parsed);
        std::uint64_t record_id = 0;
        test::record_view view = view_of(document.child("Event"), record_id);
        records.emplace(record_id, std::move(view));
        at = next == std::string::npos ? next : next + 1;
    }
    return records;
}

std::string text_of(const json& row, const std::string& name) { return test::jsonl_text(row, name); }

// The row's message shows the value: its start, on one line.
bool message_shows(const json& row, std::string value) {
    for (char& c : value) {
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    }
    std::string message = row["message"];
    const auto squeeze = [](std::string text) {
        std::string out;
        for (const char c : text) {
            if (c == ' ' && !out.empty() && out.back() == ' ') continue;
            out.push_back(c);
        }
        return out;
    };
    return squeeze(message).find(squeeze(value.substr(0, 60))) != std::string::npos;
}

struct corpus_rows {
    temporary_folder out;
    std::map<std::string, std::vector<json>> by_file;  // every row, by source file
};

// The corpus scanned once for both tests.
const corpus_rows& scanned_corpus() {
    static corpus_rows scanned;
    static const bool done = [] {
        const auto run = test::run_evtxcar({"scan", test::corpus_folder().string(), "-o", scanned.out.path().string(),
                                            "--jsonl", "--no-html", "--quiet", "--threads", "2"});
        INFO(run.output);
        REQUIRE(run.signal == 0);
        std::ifstream jsonl(scanned.out.path() / "events.jsonl");
        for (std::string line; std::getline(jsonl, line);) {
            json row = json::parse(line);
            scanned.by_file[row["source_file"].get<std::string>()].push_back(std::move(row));
        }
        return true;
    }();
    (void)done;
    return scanned;
}

std::string corpus_file(const std::string& name) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::corpus_folder())) {
        if (entry.path().filename() == name) return entry.path().string();
    }
    FAIL("no corpus file " << name);
    return "";
}

// evtxexport's records of one file; nothing when it does not read it cleanly.
std::optional<std::map<std::uint64_t, test::record_view>> exported(const std::string& path, const std::filesystem::path& work) {
    const auto xml = work / "evtxexport.xml";
    if (!test::export_xml(path, xml)) return std::nullopt;
    return records_in(test::read_file(xml.string()));
}

}  // namespace

TEST_CASE("corpus: the System, PowerShell, Defender, TaskScheduler, WMI, RDP and event log mappings hold the "
          "values evtxexport shows",
          "[integration][corpus]") {
    test::skip_without_corpus();
    if (!test::have_evtxexport()) {
        WARN("evtxexport not installed: mappings not compared");
        return;
    }
    const corpus_rows& corpus = scanned_corpus();
    std::map<std::string, std::size_t> compared_by_provider;
    std::size_t files = 0;
    for (const auto& [path, rows] : corpus.by_file) {
        bool has_mapped = false;
        for (const json& row : rows) has_mapped |= test::is_other_log_mapped(row["provider"], row["event_id"]);
        if (!has_mapped) continue;
        const auto records = exported(path, corpus.out.path());
        if (!records) continue;
        CAPTURE(path);
        ++files;
        std::size_t mapped_records = 0;
        for (const auto& [id, view] : *records) mapped_records += test::is_other_log_mapped(view.provider, view.event_id);
        std::size_t mapped_rows = 0, beyond_evtxexport = 0;
        for (const json& row : rows) {
            if (!test::is_other_log_mapped(row["provider"], row["event_id"])) continue;
            ++mapped_rows;
            const std::uint64_t record_id = row["record_id"];
            CAPTURE(record_id);
            const auto found = records->find(record_id);
            if (found == records->end()) {
                // evtxcar's engine read on after damage where libevtx stopped (docs/engine-differences.md).
                ++beyond_evtxexport;
                continue;
            }
            const test::expected_event expected = test::expected_other_log_event(found->second);
            CHECK(row["object"] == expected.object);
            CHECK(row["action"] == expected.action);
            CHECK_FALSE(row["message"].get<std::string>().empty());
            for (const auto& [name, value] : expected.fields) {
                CAPTURE(name);
                CHECK(text_of(row, name) == value);
            }
            ++compared_by_provider[found->second.provider];
        }
        CHECK(mapped_rows - beyond_evtxexport == mapped_records);  // every mapped record is one typed row
    }
    for (const auto& [provider, count] : compared_by_provider) std::cout << "corpus: " << provider << ": " << count << " events compared\n";
    CHECK(files >= 40);
    for (const char* provider : {"Service Control Manager", "Microsoft-Windows-Eventlog", "Microsoft-Windows-PowerShell",
                                 "PowerShell", "Microsoft-Windows-Windows Defender",
                                 "Microsoft-Windows-TerminalServices-RemoteConnectionManager"}) {
        CAPTURE(provider);
        CHECK(compared_by_provider[provider] > 0);
    }
}

TEST_CASE("corpus: the attack samples show their attack in the timeline with a readable message",
          "[integration][corpus]") {
    test::skip_without_corpus();
    if (!test::have_evtxexport()) {
        WARN("evtxexport not installed: attack samples not checked");
        return;
    }
    const corpus_rows& corpus = scanned_corpus();
    const auto rows_of = [&corpus](const std::string& path) -> const std::vector<json>& { return corpus.by_file.at(path); };

    SECTION("event logs cleared: System 104 and Security 1102, by whom") {
        const std::string path = corpus_file("ID104-1102-Event log cleared.evtx");
        const auto records = exported(path, corpus.out.path());
        REQUIRE(records);
        std::set<std::string> cleared;
        for (const json& row : rows_of(path)) {
            if (row["object"] != "log") continue;
            CHECK(row["action"] == "clear");
            const test::record_view& record = records->at(row["record_id"]);
            const std::string user = record.field("SubjectDomainName") + "\\" + record.field("SubjectUserName");
            CHECK(text_of(row, "user") == user);
            CHECK(message_shows(row, user));
            CHECK(message_shows(row, text_of(row, "log_name")));
            cleared.insert(text_of(row, "log_name"));
        }
        CHECK(cleared.count("Security") == 1);
        CHECK(cleared.count("System") == 1);
    }
    SECTION("a payload deployed as a service: 7045 with the payload as its image path") {
        const std::string path = corpus_file("ID7000,7009,7045-Payload deployed via service - Tchopper.evtx");
        const auto records = exported(path, corpus.out.path());
        REQUIRE(records);
        std::size_t created = 0;
        for (const json& row : rows_of(path)) {
            if (row["object"] != "service" || row["action"] != "create") continue;
            const test::record_view& record = records->at(row["record_id"]);
            CHECK(text_of(row, "image_path") == record.field("ImagePath"));
            CHECK(text_of(row, "name") == record.field("ServiceName"));
            CHECK(message_shows(row, record.field("ServiceName")));
            ++created;
        }
        std::size_t installed = 0;
        for (const auto& [id, record] : *records) installed += record.provider == "Service Control Manager" && record.event_id == 7045;
        CHECK(created == installed);
        CHECK(created > 0);
    }
    SECTION("obfuscated PowerShell: script blocks with their text") {
        const std::string path = corpus_file("Powershell-Invoke-Obfuscation-many.evtx");
        const auto records = exported(path, corpus.out.path());
        REQUIRE(records);
        std::size_t blocks = 0;
        for (const json& row : rows_of(path)) {
            if (row["object"] != "script") continue;
            CHECK(row["action"] == "block");
            const test::record_view& record = records->at(row["record_id"]);
            CHECK(text_of(row, "script_block_text") == record.field("ScriptBlockText"));
            CHECK(message_shows(row, record.field("ScriptBlockText")));
            ++blocks;
        }
        CHECK(blocks > 10);
    }
    SECTION("Defender detections: the threat and the file") {
        const std::string path = corpus_file("WinDefender_Events_1117_1116_AtomicRedTeam.evtx");
        const auto records = exported(path, corpus.out.path());
        REQUIRE(records);
        std::size_t detected = 0;
        for (const json& row : rows_of(path)) {
            if (row["object"] != "malware") continue;
            const test::record_view& record = records->at(row["record_id"]);
            CHECK(message_shows(row, record.field("Threat Name")));
            detected += row["action"] == "detect";
        }
        CHECK(detected > 0);
    }
    SECTION("RDP logons through a tunnel: 1149 with the client address") {
        const std::string path = corpus_file("DE_RDP_Tunneling_TerminalServices-RemoteConnectionManagerOperational_1149.evtx");
        const auto records = exported(path, corpus.out.path());
        REQUIRE(records);
        std::size_t logons = 0;
        for (const json& row : rows_of(path)) {
            if (row["object"] != "user_session") continue;
            const test::record_view& record = records->at(row["record_id"]);
            CHECK(row["action"] == "login");
            CHECK(text_of(row, "src_ip") == record.field("Param3"));
            CHECK(message_shows(row, record.field("Param3")));
            ++logons;
        }
        CHECK(logons > 0);
    }
}
