#pragma once
// JSON string escaping, shared by events.jsonl, summary.json and the data
// embedded in report.html.

#include <string>
#include <string_view>

namespace evtxcar {

enum class json_context {
    plain,        // standalone JSON: escapes only what JSON requires
    html_script,  // JSON embedded in an HTML <script>: also escapes <, >, &,
                  // U+2028 and U+2029, so the text can never close the element
};

// Appends `text` (valid UTF-8) as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text, json_context context = json_context::plain);

}  // namespace evtxcar
