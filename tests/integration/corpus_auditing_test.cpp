// The built binary over ../shared/corpus, held to libevtx's evtxexport for
// the Security auditing events mapped beyond processes (sessions,
// authentication, accounts, groups, services, scheduled tasks, registry
// values): for every file evtxexport reads without error, each such event
// is in events.jsonl with the object, action and field values that
// docs/data-model.md derives from the fields evtxexport shows for the same
// record (tests/support/expected_auditing_fields.hpp). Skips (exit 77)
// without the corpus.
#include <nlohmann/json.hpp>

#include "support/jsonl_text.hpp"

#include <fstream>
#include <map>
#include <set>

#include "catch.hpp"
#include "support/corpus_files.hpp"
#include "support/csv_reader.hpp"
#include "support/expected_auditing_fields.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

constexpr const char* auditing_provider = "Microsoft-Windows-Security-Auditing";

// XML text -> its characters (evtxexport escapes &, <, > and writes quotes
// as they are; character references are read too).
std::string unescaped(const std::string& text) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, character] : entities) {
                if (text.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
                    out += character;
                    i += std::char_traits<char>::length(entity);
                    replaced = true;
                    break;
                }
            }
            if (!replaced && text.compare(i, 2, "&#") == 0) {
                const std::size_t end = text.find(';', i);
                const bool hex = text[i + 2] == 'x';
                const unsigned long code = std::stoul(text.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2)), nullptr,
                                                      hex ? 16 : 10);
                if (code < 0x80) {
                    out += static_cast<char>(code);
                    i = end + 1;
                    replaced = true;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

struct exported_event {
    std::uint64_t record_id = 0;
    int event_id = 0;
    test::record_fields fields;
};

// The Security auditing events of one evtxexport XML export.
std::vector<exported_event> auditing_events(const std::string& xml) {
    std::vector<exported_event> events;
    for (std::size_t at = xml.find("<Event "); at != std::string::npos;) {
        const std::size_t next = xml.find("<Event ", at + 1);
        const std::string event = xml.substr(at, (next == std::string::npos ? xml.size() : next) - at);
        at = next;
        if (event.find(std::string("<Provider Name=\"") + auditing_provider + "\"") == std::string::npos) continue;
        exported_event e;
        const std::size_t id_start = event.find('>', event.find("<EventID")) + 1;
        e.event_id = std::stoi(event.substr(id_start));
        const std::size_t record_start = event.find("<EventRecordID>") + 15;
        e.record_id = std::stoull(event.substr(record_start));
        const std::size_t data_end = event.find("</EventData>");
        for (std::size_t d = event.find("<Data Name=\""); d != std::string::npos && d < data_end;
             d = event.find("<Data Name=\"", d + 1)) {
            const std::size_t name_end = event.find('"', d + 12);
            std::string name = event.substr(d + 12, name_end - d - 12);
            if (event.compare(name_end + 1, 2, "/>") == 0) {
                e.fields.emplace_back(std::move(name), "");
                continue;
            }
            const std::size_t value_end = event.find("</Data>", name_end);
            e.fields.emplace_back(std::move(name), unescaped(event.substr(name_end + 2, value_end - name_end - 2)));
        }
        events.push_back(std::move(e));
    }
    return events;
}

}  // namespace

TEST_CASE("corpus: Security sessions, authentication, accounts, groups, services, tasks and registry values hold what "
          "evtxexport shows",
          "[integration][corpus]") {
    test::skip_without_corpus();
    if (!test::have_evtxexport()) {
        WARN("evtxexport not installed: Security auditing fields not compared");
        return;
    }
    temporary_folder out;
    const auto run = test::run_evtxcar({"scan", test::corpus_folder().string(), "-o", out.path().string(), "--jsonl",
                                        "--no-html", "--quiet", "--threads", "2"});
    REQUIRE(run.signal == 0);
    const json summary = json::parse(test::read_file((out.path() / "summary.json").string()));
    CHECK(summary["warnings"]["normalization"]["count"] == 0);

    // evtxcar's Security auditing events, by file and record id.
    std::map<std::string, std::multimap<std::uint64_t, json>> found;
    {
        std::ifstream jsonl(out.path() / "events.jsonl");
        for (std::string line; std::getline(jsonl, line);) {
            if (line.find(auditing_provider) == std::string::npos) continue;
            json event = json::parse(line);
            if (event["provider"] != auditing_provider) continue;
            if (test::auditing_ids_beyond_processes().count(event["event_id"].get<int>()) == 0) continue;
            const std::uint64_t record_id = event["record_id"];
            // One event however many files hold it: it stands for each of them.
            std::vector<std::string> sources;
            if (event.contains("source_files")) {
                for (const auto& source : event["source_files"]) sources.push_back(source);
            } else {
                sources.push_back(event["source_file"]);
            }
            for (const std::string& source : sources) found[source].emplace(record_id, event);
        }
    }

    std::uint64_t compared = 0;
    std::size_t files = 0;
    std::set<std::string> objects_actions;
    for (const json& file : summary["files"]["list"]) {
        const std::string path = file["path"];
        if (!test::export_xml(path, out.path() / "evtxexport.xml")) continue;  // evtxexport did not read it cleanly
        const auto events = auditing_events(test::read_file((out.path() / "evtxexport.xml").string()));
        std::map<std::uint64_t, int> copies;  // a damaged file may hold a record id twice
        for (const exported_event& e : events) ++copies[e.record_id];
        std::size_t mapped = 0;
        for (const exported_event& e : events) {
            const auto wanted = test::expected_auditing_event(e.event_id, e.fields);
            if (!wanted) continue;
            ++mapped;
            if (copies[e.record_id] != 1) continue;
            CAPTURE(path, e.record_id, e.event_id);
            const auto& in_file = found[path];
            REQUIRE(in_file.count(e.record_id) == 1);
            const json& event = in_file.find(e.record_id)->second;
            CHECK(event["event_id"] == e.event_id);
            CHECK(event["object"] == wanted->object);
            CHECK(event["action"] == wanted->action);
            for (const auto& [field, value] : wanted->fields) {
                CAPTURE(field, value);
                if (value.empty()) {
                    CHECK_FALSE(event.contains(field));
                } else {
                    CHECK(test::jsonl_text(event, field, "<absent>") == value);
                }
            }
            objects_actions.insert(wanted->object + "/" + wanted->action);
            ++compared;
        }
        // As many of these events as evtxexport shows where evtxcar read the
        // whole file (in a damaged one it reads on where libevtx stops).
        if (file["status"] == "complete") {
            CAPTURE(path);
            CHECK(found[path].size() == mapped);
        }
        if (mapped > 0) ++files;
    }
    std::cout << "corpus: " << compared << " Security session, authentication, account, group, service, task and "
              << "registry events held to evtxexport in " << files << " files (" << objects_actions.size()
              << " object/actions)\n";
    CHECK(compared > 5000);
    // The corpus has no 4657, 4725, 4757, 4800 or 4801; every other mapping is in it.
    for (const char* kind : {"user_session/login", "user_session/logout", "user_session/reconnect",
                             "user_session/disconnect", "authentication/failure", "authentication/success",
                             "authentication/explicit_credentials", "account/create", "account/change",
                             "account/rename", "group/member_add", "group/member_remove", "service/create",
                             "scheduled_task/create", "scheduled_task/update", "scheduled_task/delete"}) {
        CAPTURE(kind);
        CHECK(objects_actions.count(kind) == 1);
    }
}
