#include "html/embedded_json.hpp"

#include <charconv>
#include <cmath>

#include "json_text.hpp"

namespace evtxcar {

void embedded_json::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_in_container_.empty()) {
        if (!first_in_container_.back()) out_.push_back(',');
        first_in_container_.back() = false;
    }
}

embedded_json& embedded_json::begin_object() {
    before_value();
    out_.push_back('{');
    first_in_container_.push_back(true);
    return *this;
}

embedded_json& embedded_json::end_object() {
    out_.push_back('}');
    first_in_container_.pop_back();
    return *this;
}

embedded_json& embedded_json::begin_array() {
    before_value();
    out_.push_back('[');
    first_in_container_.push_back(true);
    return *this;
}

embedded_json& embedded_json::end_array() {
    out_.push_back(']');
    first_in_container_.pop_back();
    return *this;
}

embedded_json& embedded_json::key(std::string_view name) {
    before_value();
    append_json_string(out_, name, json_context::html_script);
    out_.push_back(':');
    after_key_ = true;
    return *this;
}

embedded_json& embedded_json::string(std::string_view text) {
    before_value();
    append_json_string(out_, text, json_context::html_script);
    return *this;
}

embedded_json& embedded_json::number(std::uint64_t value) {
    before_value();
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, written.ptr);
    return *this;
}

embedded_json& embedded_json::number(std::int64_t value) {
    before_value();
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, written.ptr);
    return *this;
}

embedded_json& embedded_json::number(double value) {
    before_value();
    if (!std::isfinite(value)) {
        out_ += "null";
        return *this;
    }
    char digits[32];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, written.ptr);
    return *this;
}

embedded_json& embedded_json::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
    return *this;
}

embedded_json& embedded_json::null() {
    before_value();
    out_ += "null";
    return *this;
}

embedded_json& embedded_json::raw(std::string_view json) {
    before_value();
    out_.append(json);
    return *this;
}

}  // namespace evtxcar
