#pragma once
// embedded_json: writes JSON that goes inside report.html's <script>
// elements. Strings are escaped for that place (json_context::html_script),
// so no text from a log can end the element; commas are placed for the
// caller.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace evtxcar {

class embedded_json {
public:
    explicit embedded_json(std::string& out) : out_(out) {}

    embedded_json& begin_object();
    embedded_json& end_object();
    embedded_json& begin_array();
    embedded_json& end_array();
    embedded_json& key(std::string_view name);  // inside an object, before its value

    embedded_json& string(std::string_view text);
    embedded_json& number(std::uint64_t value);
    embedded_json& number(std::int64_t value);
    embedded_json& number(double value);
    embedded_json& boolean(bool value);
    embedded_json& null();

    // A whole value the caller wrote as JSON text (already escaped).
    embedded_json& raw(std::string_view json);

private:
    void before_value();

    std::string& out_;
    std::vector<bool> first_in_container_;
    bool after_key_ = false;
};

}  // namespace evtxcar
