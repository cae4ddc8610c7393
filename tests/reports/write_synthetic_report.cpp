// write_synthetic_report: writes report.html for a synthetic scan, and
// beside it expected.json: what a person must see in that report, counted
// from the synthetic events themselves (not from the report). The browser
// test and the benchmark use it. With --all-outputs, also the scan's
// events.jsonl, detections.csv and summary.json (by their own writers), from
// which the browser test works out what the timeline's queries must show,
// as it does for a real scan.
//
//   evtxcar_synthetic_report OUTPUT_DIR [--events N] [--max-rows N] [--hostile] [--unique-values] [--seed N]
//                            [--all-outputs]

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "filetime.hpp"
#include "html_writer.hpp"
#include "json_text.hpp"
#include "synthetic_scan.hpp"
#include "writers.hpp"

using namespace evtxcar;
using namespace evtxcar::testing;

namespace {

// One scripted narrowing of the timeline and how many events it must leave.
struct timeline_search {
    std::string text;
    std::optional<std::string> host;
    std::optional<std::string> event;
    bool hits_only = false;
    std::uint64_t shown = 0;
};

// A query typed into the timeline's search box (docs/report.md), with what
// it means worked out here on the events, and how many it must leave.
struct timeline_query {
    std::string text;
    std::function<bool(const car_event&)> matches;
    std::uint64_t shown = 0;
};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What the report's search looks at: every field value (CAR fields, the
// payload, the record's user SID), and the host, object/action, channel,
// provider, event id, analytics and their names; not the source file.
bool event_contains(const car_event& event, const std::vector<detection>& detections, const std::string& needle) {
    if (needle.empty()) return true;
    auto has = [&needle](std::string_view text) { return lower_ascii(text).find(needle) != std::string::npos; };
    for (const car_value& value : event.values) {
        if (has(value.text)) return true;
    }
    for (const payload_field& field : event.fields) {
        if (has(field.value)) return true;
    }
    for (const std::string& analytic : event.analytics) {
        if (has(analytic)) return true;
        for (const detection& found : detections) {
            if (found.label() == analytic && has(found.analytic_name)) return true;
        }
    }
    return has(event.object + "/" + event.action) || has(event.channel) || has(event.provider) ||
           has(std::to_string(event.event_id)) || has(event.user_sid);
}

// Every text a word or a regular expression is tried on (event_contains's).
std::vector<std::string> searched_texts(const car_event& event, const std::vector<detection>& detections) {
    std::vector<std::string> texts;
    for (const car_value& value : event.values) {
        if (value.field != car_field::hostname) texts.push_back(value.text);
    }
    for (const payload_field& field : event.fields) texts.push_back(field.value);
    for (const std::string& analytic : event.analytics) {
        texts.push_back(analytic);
        for (const detection& found : detections) {
            if (found.label() == analytic) texts.push_back(found.analytic_name);
        }
    }
    for (std::string_view text : {std::string_view(event.text(car_field::hostname)), std::string_view(event.channel),
                                  std::string_view(event.provider), std::string_view(event.user_sid)}) {
        texts.emplace_back(text);
    }
    texts.push_back(event.object + "/" + event.action);
    texts.push_back(std::to_string(event.event_id));
    return texts;
}

std::vector<timeline_query> timeline_queries(const std::vector<detection>& detections) {
    const auto payload = [](const car_event& event, std::string_view name) -> const std::string* {
        for (const payload_field& field : event.fields) {
            if (lower_ascii(field.name) == name) return &field.value;
        }
        return nullptr;
    };
    return {
        {"exe:cmstp.exe", [](const car_event& e) { return lower_ascii(e.text(car_field::exe)).find("cmstp.exe") != std::string::npos; }},
        {"event_id:3", [](const car_event& e) { return e.event_id == 3; }},
        {"-event_id:3", [](const car_event& e) { return e.event_id != 3; }},
        {"Image=C:\\Windows\\System32\\cmstp.exe", [payload](const car_event& e) {
             const std::string* image = payload(e, "image");
             return image && lower_ascii(*image) == "c:\\windows\\system32\\cmstp.exe";
         }},
        {"\"profile installer\"", [&detections](const car_event& e) {
             for (const std::string& text : searched_texts(e, detections)) {
                 if (lower_ascii(text).find("profile installer") != std::string::npos) return true;
             }
             return false;
         }},
        {"/cmstp\\.exe$/", [&detections](const car_event& e) {
             static const std::regex pattern("cmstp\\.exe$", std::regex::icase);
             for (const std::string& text : searched_texts(e, detections)) {
                 if (std::regex_search(text, pattern)) return true;
             }
             return false;
         }},
        {"user:* -exe=cmd.exe", [payload](const car_event& e) {
             return (e.get(car_field::user) || payload(e, "user")) && lower_ascii(e.text(car_field::exe)) != "cmd.exe";
         }},
    };
}

bool search_matches(const timeline_search& search, const car_event& event, const std::vector<detection>& detections) {
    if (search.host && event.text(car_field::hostname) != *search.host) return false;
    if (search.event && event.object + "/" + event.action != *search.event) return false;
    if (search.hits_only && event.analytics.empty()) return false;
    return event_contains(event, detections, lower_ascii(search.text));
}

// The page shows control and direction-changing characters as "U+XXXX".
std::string as_shown(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0xE2 && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            const unsigned code = 0x2000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if ((code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x2028 ||
                code == 0x2029 || (code >= 0x200B && code <= 0x200F)) {
                char marker[16];
                std::snprintf(marker, sizeof marker, "U+%04X", code);
                out += marker;
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

void append_string(std::string& out, std::string_view text) { append_json_string(out, text); }

void append_count_pairs(std::string& out, const std::map<std::string, std::uint64_t>& counts) {
    out += "[";
    bool first = true;
    for (const auto& [name, count] : counts) {
        out += first ? "[" : ",[";
        first = false;
        append_string(out, name);
        out += ',';  // not "," + std::to_string(): GCC 12 at -O3 warns falsely (-Wrestrict)
        out += std::to_string(count);
        out += ']';
    }
    out += "]";
}

std::optional<std::uint64_t> number_argument(std::string_view text) {
    std::uint64_t value = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

int usage() {
    std::cerr << "usage: evtxcar_synthetic_report OUTPUT_DIR [--events N] [--max-rows N] [--hostile] [--unique-values] [--seed N]"
                 " [--all-outputs]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::filesystem::path output = argv[1];
    synthetic_scan_options options;
    std::uint64_t max_rows = html_report_writer::default_max_rows;
    bool all_outputs = false;
    for (int i = 2; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "--hostile") {
            options.hostile = true;
            continue;
        }
        if (option == "--all-outputs") {
            all_outputs = true;
            continue;
        }
        if (option == "--unique-values") {
            options.unique_values = true;
            continue;
        }
        if (i + 1 >= argc) return usage();
        const auto value = number_argument(argv[++i]);
        if (!value) return usage();
        if (option == "--events") {
            options.events = *value;
        } else if (option == "--max-rows") {
            max_rows = *value;
        } else if (option == "--seed") {
            options.seed = *value;
        } else {
            return usage();
        }
    }
    std::filesystem::create_directories(output);

    // First pass: the counts, as the pipeline has them before writing.
    const synthetic_totals totals = count_synthetic_scan(options);
    const scan_summary& summary = totals.summary;

    std::vector<timeline_search> searches = {
        {.text = "cmstp"},
        {.text = "", .host = "WS02"},
        {.text = "", .host = "WS01", .event = "flow/start"},
        {.text = "SVCHOST", .event = "process/create"},
        {.text = "", .hits_only = true},
    };
    if (options.hostile) searches.push_back({.text = "onerror", .host = std::string(hostile_strings[0])});
    // Over the row cap, only the events that fired are sure to be rows.
    const bool capped = options.events > max_rows;
    if (capped) std::erase_if(searches, [](const timeline_search& search) { return !search.hits_only; });
    std::vector<timeline_query> queries = capped ? std::vector<timeline_query>() : timeline_queries(totals.detections);

    // Second pass: the report, the writer's calls timed (not the making of
    // the events); the searches counted on the same events.
    using clock = std::chrono::steady_clock;
    clock::duration writing{};
    auto started = clock::now();
    html_report_writer writer(output, max_rows);
    auto begun = writer.begin(summary);
    writing += clock::now() - started;
    if (!begun) {
        std::cerr << begun.error().describe() << "\n";
        return 1;
    }
    synthetic_event_source source(options);
    while (!source.done()) {
        const car_event event = source.next();
        for (timeline_search& search : searches) {
            if (search_matches(search, event, totals.detections)) ++search.shown;
        }
        for (timeline_query& query : queries) {
            if (query.matches(event)) ++query.shown;
        }
        started = clock::now();
        auto written = writer.write_event(event);
        writing += clock::now() - started;
        if (!written) {
            std::cerr << written.error().describe() << "\n";
            return 1;
        }
    }
    started = clock::now();
    auto finished = writer.finish(summary, detections_in_memory(totals.detections));
    if (finished) finished = writer.commit();
    writing += clock::now() - started;
    if (!finished) {
        std::cerr << finished.error().describe() << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(writing).count();

    // The scan's other outputs, by their own writers (not timed).
    if (all_outputs) {
        std::vector<std::unique_ptr<report_writer>> others;
        others.push_back(make_events_jsonl_writer(output));
        others.push_back(make_detections_csv_writer(output));
        others.push_back(make_summary_json_writer(output));
        for (auto& other : others) {
            auto status = other->begin(summary);
            synthetic_event_source again(options);
            while (status && !again.done()) status = other->write_event(again.next());
            if (other->takes_detections()) {
                for (const detection& found : totals.detections) {
                    if (status) status = other->write_detection(found);
                }
            }
            if (status) status = other->finish(summary, detections_in_memory(totals.detections));
            if (status) status = other->commit();
            if (!status) {
                std::cerr << status.error().describe() << "\n";
                return 1;
            }
        }
    }

    std::string json = "{\n";
    json += "\"events\": " + std::to_string(summary.timeline_events) + ",\n";
    json += "\"max_rows\": " + std::to_string(max_rows) + ",\n";
    json += std::string("\"capped\": ") + (capped ? "true" : "false") + ",\n";
    json += "\"field_text_bytes\": " + std::to_string(totals.field_text_bytes) + ",\n";
    json += "\"write_seconds\": " + std::to_string(seconds) + ",\n";
    const std::uint64_t files_failed = summary.files_unreadable();
    json += "\"facts\": {\"files_read\": " + std::to_string(summary.files.size() - files_failed) +
            ", \"files_unreadable\": " + std::to_string(files_failed) +
            ", \"records_read\": " + std::to_string(summary.records_read) +
            ", \"records_failed\": " + std::to_string(summary.records_failed) +
            ", \"timeline_events\": " + std::to_string(summary.timeline_events) +
            ", \"hosts\": " + std::to_string(summary.records_by_host.size()) +
            ", \"detections\": " + std::to_string(totals.detections.size()) +
            ", \"coverage_not_evaluable\": " +
            std::to_string(std::count_if(summary.coverage.begin(), summary.coverage.end(),
                                         [](const coverage_row& row) { return !row.evaluable; })) +
            "},\n";
    json += "\"events_by_object_action\": ";
    append_count_pairs(json, summary.events_by_object_action);
    json += ",\n\"detections_by_analytic\": ";
    append_count_pairs(json, summary.detections_by_analytic);
    json += ",\n\"coverage\": [";
    for (std::size_t i = 0; i < summary.coverage.size(); ++i) {
        const coverage_row& row = summary.coverage[i];
        json += i == 0 ? "\n{\"host\": " : ",\n{\"host\": ";
        append_string(json, as_shown(row.host));
        json += ", \"analytic_id\": ";
        append_string(json, row.analytic_id);
        json += ", \"analytic_name\": ";
        append_string(json, row.analytic_name);
        json += ", \"variant\": ";
        append_string(json, row.variant);
        json += std::string(", \"evaluable\": ") + (row.evaluable ? "true" : "false");
        json += ", \"events_examined\": " + std::to_string(row.events_examined);
        json += ", \"detections\": " + std::to_string(row.detections);
        json += ", \"needs\": ";
        append_string(json, row.needs);
        json += ", \"why_not\": ";
        append_string(json, row.why_not);
        json += "}";
    }
    json += "]";
    json += ",\n\"detections\": [";
    for (std::size_t i = 0; i < totals.detections.size(); ++i) {
        const detection& found = totals.detections[i];
        json += i == 0 ? "\n" : ",\n";
        json += "{\"time\": ";
        append_string(json, format_iso8601_utc(found.event.time));
        json += ", \"host\": ";
        append_string(json, as_shown(found.event.text(car_field::hostname)));
        json += ", \"analytic\": ";
        append_string(json, found.analytic_id);
        json += ", \"variant\": ";
        append_string(json, found.variant);
        json += ", \"file\": ";
        append_string(json, summary.files[found.event.file_index].path);
        json += ", \"record_id\": \"" + std::to_string(found.event.record_id) + "\"}";
    }
    json += "],\n\"searches\": [";
    for (std::size_t i = 0; i < searches.size(); ++i) {
        const timeline_search& search = searches[i];
        json += i == 0 ? "\n" : ",\n";
        json += "{\"text\": ";
        append_string(json, search.text);
        json += ", \"host\": ";
        if (search.host) {
            append_string(json, *search.host);
        } else {
            json += "null";
        }
        json += ", \"event\": ";
        if (search.event) {
            append_string(json, *search.event);
        } else {
            json += "null";
        }
        json += std::string(", \"hits\": ") + (search.hits_only ? "true" : "false");
        json += ", \"shown\": " + std::to_string(search.shown) + "}";
    }
    json += "],\n\"queries\": [";
    for (std::size_t i = 0; i < queries.size(); ++i) {
        json += i == 0 ? "\n{\"query\": " : ",\n{\"query\": ";
        append_string(json, queries[i].text);
        json += ", \"paths\": false, \"shown\": " + std::to_string(queries[i].shown) + "}";
    }
    json += "],\n\"literal_texts\": [";
    if (options.hostile) {
        for (std::size_t i = 0; i < hostile_strings.size(); ++i) {
            if (i > 0) json += ", ";
            append_string(json, as_shown(hostile_strings[i]));
        }
    }
    json += "]\n}\n";
    std::ofstream(output / "expected.json", std::ios::binary) << json;
    std::cout << "wrote " << (output / "report.html").string() << " (" << summary.timeline_events << " events, "
              << std::filesystem::file_size(output / "report.html") << " bytes) in " << seconds << " s\n";
    return 0;
}
