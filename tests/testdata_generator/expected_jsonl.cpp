#include "expected_jsonl.hpp"

#include "utc_time.hpp"

namespace evtxcar::testdata {

namespace {

// JSON string escaping for the expected data, kept apart from evtxcar's own
// report writers so a mistake there cannot hide in the expectations.
void append_quoted(std::string& out, const std::string& text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

void append_key(std::string& out, const char* key) {
    if (out.back() != '{') out += ',';
    append_quoted(out, key);
    out += ':';
}

void append_record(std::string& out, const written_record& record) {
    const auto& event = record.scenario->event;
    const auto& shown = record.shown;
    out += '{';
    append_key(out, "record_id");
    out += std::to_string(record.record_id);
    append_key(out, "time");
    append_quoted(out, evtx_writer::format_utc(event.system.time_created, 7));
    append_key(out, "provider");
    append_quoted(out, shown.provider_name);
    append_key(out, "channel");
    append_quoted(out, shown.channel);
    append_key(out, "event_id");
    out += std::to_string(event.system.event_id);
    append_key(out, "computer");
    append_quoted(out, shown.computer);
    append_key(out, "user_sid");
    append_quoted(out, shown.user_sid);
    append_key(out, "fields");
    out += '[';
    for (std::size_t i = 0; i < shown.fields.size(); ++i) {
        if (i > 0) out += ',';
        out += '[';
        append_quoted(out, shown.fields[i].first);
        out += ',';
        append_quoted(out, shown.fields[i].second);
        out += ']';
    }
    out += ']';
    append_key(out, "case");
    append_quoted(out, record.scenario->case_description);
    append_key(out, "detections");
    out += '[';
    for (std::size_t i = 0; i < record.scenario->detections.size(); ++i) {
        if (i > 0) out += ',';
        append_quoted(out, record.scenario->detections[i]);
    }
    out += ']';
    append_key(out, "readable");
    out += record.readable ? "true" : "false";
    out += "}\n";
}

}  // namespace

std::string expected_jsonl(const written_scenario& written) {
    std::string out;
    for (const written_record& record : written.records) append_record(out, record);
    return out;
}

}  // namespace evtxcar::testdata
