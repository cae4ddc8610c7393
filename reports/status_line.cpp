#include "status_line.hpp"

#include <cstdint>
#include <string_view>

#include "json_text.hpp"
#include "text/utf8.hpp"

namespace evtxcar {

std::string format_status_line(const run_outcome& outcome) {
    std::string line = "{\"status\":";
    append_json_string(line, outcome.status);
    line += ",\"exit\":" + std::to_string(outcome.exit_status);
    auto number = [&line](std::string_view name, std::uint64_t value) {
        line += ",\"";
        line += name;
        line += "\":" + std::to_string(value);
    };
    number("files", outcome.files);
    number("files_partial", outcome.files_partial);
    number("files_unreadable", outcome.files_unreadable);
    number("records_read", outcome.records_read);
    number("records_lost", outcome.records_lost);
    number("timeline_events", outcome.timeline_events);
    number("detections", outcome.detections);
    line += ",\"output\":";
    append_json_string(line, sanitize_utf8(outcome.output));
    if (!outcome.message.empty()) {
        line += ",\"message\":";
        append_json_string(line, sanitize_utf8(outcome.message));
    }
    line += "}\n";
    return line;
}

}  // namespace evtxcar
