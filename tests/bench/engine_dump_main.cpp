// engine_dump: everything the fast engine delivers for EVTX files (or
// folders of them), as text: per file its open result and header facts,
// per segment every record with all of its fields, every record error with
// the records it lost, every warning, in the order they arrived. Two builds
// of the engine deliver the same records exactly when their dumps are equal
// (tests/bench/engine_dump_compare.sh runs two builds over the same inputs
// and compares). A development tool, not a test.
//
//   engine_dump [--recovered] [--strict] [--payloads security|sysmon]
//               [--reverse] PATH...
// --payloads: ask only for the payloads a scan asks for of those logs
//   (read_options::payloads), so that the engine's skipping is dumped too.
// --reverse: one reader per file reads its segments last to first (what a
//   reader's caches carry from segment to segment must not matter); the
//   dump still lists segments first to last, so it equals the forward one.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "binxml/binxml_engine.hpp"
#include "engine_output.hpp"

using namespace evtxcar;

namespace {

// Bytes as they are, but backslash, control characters and bytes >= 0x7f
// escaped, so every value is one line and invalid UTF-8 shows.
void escaped(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\\') {
            out += "\\\\";
        } else if (byte < 0x20 || byte >= 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        } else {
            out += c;
        }
    }
}

void number(std::string& out, const char* name, std::uint64_t value) {
    out += ' ';
    out += name;
    out += '=';
    out += std::to_string(value);
}

void text(std::string& out, const char* name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    escaped(out, value);
    out += '"';
}

void error_line(std::string& out, const char* kind, const read_error& error) {
    out += kind;
    text(out, "file", error.file);
    number(out, "offset", error.offset);
    number(out, "chunk", error.chunk);
    number(out, "index", error.record_index);
    number(out, "id", error.record_id);
    text(out, "reason", error.reason);
    out += '\n';
}

class dumping_visitor final : public record_visitor {
public:
    std::string out;

    void on_record(const event_record& r) override {
        out += "RECORD";
        number(out, "offset", r.file_offset);
        number(out, "recovered", r.recovered ? 1 : 0);
        text(out, "provider", r.provider_name);
        text(out, "guid", r.provider_guid);
        number(out, "event_id", r.event_id);
        out += r.event_id_qualifiers ? " qualifiers=" + std::to_string(*r.event_id_qualifiers) : " qualifiers=none";
        number(out, "version", r.version);
        number(out, "level", r.level);
        number(out, "task", r.task);
        number(out, "opcode", r.opcode);
        number(out, "keywords", r.keywords);
        number(out, "time", r.time_created);
        number(out, "record_id", r.record_id);
        number(out, "pid", r.process_id);
        number(out, "tid", r.thread_id);
        text(out, "channel", r.channel);
        text(out, "computer", r.computer);
        text(out, "sid", r.user_sid);
        number(out, "kind", static_cast<std::uint64_t>(r.kind));
        text(out, "payload", r.payload_name);
        number(out, "fields", r.fields.size());
        out += '\n';
        for (const payload_field& field : r.fields) {
            out += " FIELD";
            text(out, "name", field.name);
            text(out, "value", field.value);
            out += '\n';
        }
    }
    void on_record_error(const read_error& error, std::uint64_t records_lost) override {
        out += "LOST " + std::to_string(records_lost) + " ";
        error_line(out, "ERROR", error);
    }
    void on_warning(const read_error& warning) override { error_line(out, "WARNING", warning); }
};

}  // namespace

int main(int argc, char** argv) {
    read_options options;
    bool reverse = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--recovered") {
            options.include_recovered = true;
        } else if (arg == "--strict") {
            options.strict = true;
        } else if (arg == "--reverse") {
            reverse = true;
        } else if (arg == "--payloads" && i + 1 < argc) {
            const std::string which = argv[++i];
            if (which == "security") {
                options.payloads.push_back({"Microsoft-Windows-Security-Auditing", {4624, 4688}});
            } else {
                options.payloads.push_back({"Microsoft-Windows-Sysmon", {}});
            }
        } else {
            const std::vector<std::string> found = testing::evtx_files(arg);
            files.insert(files.end(), found.begin(), found.end());
        }
    }
    if (files.empty()) {
        std::fprintf(stderr,
                     "usage: engine_dump [--recovered] [--strict] [--payloads security|sysmon] [--reverse] PATH...\n");
        return 2;
    }
    std::sort(files.begin(), files.end());
    const binxml_engine engine;
    for (const std::string& path : files) {
        std::string head = "FILE";
        text(head, "path", path);
        auto reader = engine.open(path, options);
        if (!reader) {
            head += '\n';
            error_line(head, "OPEN_ERROR", reader.error());
            std::fputs(head.c_str(), stdout);
            continue;
        }
        const evtx_file_info& info = (*reader)->info();
        const std::uint32_t segments = (*reader)->segment_count();
        number(head, "major", info.major_version);
        number(head, "minor", info.minor_version);
        number(head, "chunks", info.chunk_count);
        number(head, "dirty", info.dirty ? 1 : 0);
        number(head, "full", info.full ? 1 : 0);
        number(head, "segments", segments);
        head += '\n';
        std::fputs(head.c_str(), stdout);
        std::vector<std::string> dumps(segments);
        for (std::uint32_t n = 0; n < segments; ++n) {
            const std::uint32_t segment = reverse ? segments - 1 - n : n;
            dumping_visitor visitor;
            visitor.out = "SEGMENT " + std::to_string(segment) + " weight=" +
                          std::to_string((*reader)->segment_weight(segment)) + "\n";
            (*reader)->read_segment(segment, visitor);
            dumps[segment] = std::move(visitor.out);
        }
        for (const std::string& dump : dumps) std::fputs(dump.c_str(), stdout);
    }
    return 0;
}
