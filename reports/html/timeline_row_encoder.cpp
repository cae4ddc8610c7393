#include "html/timeline_row_encoder.hpp"

#include <charconv>
#include <functional>
#include <optional>

#include "event_text.hpp"
#include "html/embedded_json.hpp"
#include "json_text.hpp"

namespace evtxcar {

namespace {

// JavaScript numbers hold integers exactly up to 2^53. The page adds a time
// difference to the ticks within a millisecond (< 10,000): 2^52 leaves room.
constexpr std::uint64_t safe_integer_limit = std::uint64_t{1} << 53;
constexpr std::uint64_t safe_time_difference = std::uint64_t{1} << 52;

void append_unsigned(std::string& out, std::uint64_t value) {
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, written.ptr);
}

void append_signed(std::string& out, std::int64_t value) {
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, written.ptr);
}

// Identity of a shape: every part length-prefixed, so that no text can make
// two different shapes look alike.
void add_identity_part(std::string& identity, std::string_view part) {
    append_unsigned(identity, part.size());
    identity.push_back(':');
    identity.append(part);
}

}  // namespace

void timeline_row_encoder::append_row(std::string& out, const car_event& event) {
    payload_values_.clear();
    if (event.is_generic()) collect_payload(event);
    out.push_back('[');
    append_time(out, event.time);
    out.push_back(',');
    append_record_id(out, event);
    out.push_back(',');
    append_shape(out, event);
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;  // part of the shape
        out.push_back(',');
        append_value(out, value.text);
    }
    for (const auto& [number, text] : payload_values_) {
        out.push_back(',');
        append_value(out, text);
    }
    out.push_back(']');
}

void timeline_row_encoder::collect_payload(const car_event& event) {
    auto number_of = [this](const std::string& name) -> std::optional<std::uint32_t> {
        if (const auto found = payload_number_.find(name); found != payload_number_.end()) return found->second;
        if (payload_names_.size() >= max_payload_names) return std::nullopt;
        const auto number = static_cast<std::uint32_t>(car_field_count + payload_names_.size());
        payload_names_.push_back(name);
        payload_number_.emplace(name, number);
        return number;
    };
    for (std::size_t i = 0; i < event.fields.size(); ++i) {
        const auto number = number_of(payload_label(event.fields, i));
        if (!number) {  // the name table is full: the whole payload as one text
            payload_values_.clear();
            if (const auto details = number_of("details")) {
                payload_values_.emplace_back(*details, event_details(event, {}));
            }
            return;
        }
        payload_values_.emplace_back(*number, event.fields[i].value);
    }
}

void timeline_row_encoder::append_time(std::string& out, filetime_ticks time) {
    if (!has_base_) {
        has_base_ = true;
        base_time_ = time;
        previous_time_ = time;
    }
    if (time >= previous_time_ && time - previous_time_ < safe_time_difference) {
        append_unsigned(out, time - previous_time_);
    } else {
        out.push_back('"');
        append_unsigned(out, time);
        out.push_back('"');
    }
    previous_time_ = time;
}

void timeline_row_encoder::append_record_id(std::string& out, const car_event& event) {
    std::uint64_t& previous = previous_record_id_[event.file_index];
    if (event.record_id < safe_integer_limit && previous < safe_integer_limit) {
        append_signed(out, static_cast<std::int64_t>(event.record_id) - static_cast<std::int64_t>(previous));
    } else {
        out.push_back('"');
        append_unsigned(out, event.record_id);
        out.push_back('"');
    }
    previous = event.record_id;
}

void timeline_row_encoder::append_shape(std::string& out, const car_event& event) {
    const std::string_view host = event.text(car_field::hostname);

    shape_identity_.clear();
    add_identity_part(shape_identity_, host);
    add_identity_part(shape_identity_, event.object);
    add_identity_part(shape_identity_, event.action);
    add_identity_part(shape_identity_, event.channel);
    add_identity_part(shape_identity_, event.provider);
    append_unsigned(shape_identity_, event.file_index);
    shape_identity_.push_back(',');
    append_unsigned(shape_identity_, event.event_id);
    shape_identity_.push_back(',');
    append_unsigned(shape_identity_, event.analytics.size());
    for (const std::string& analytic : event.analytics) add_identity_part(shape_identity_, analytic);
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;
        shape_identity_.push_back(static_cast<char>(value.field));
    }
    for (const auto& [number, text] : payload_values_) {
        shape_identity_.push_back(',');
        append_unsigned(shape_identity_, number);
    }

    if (const auto found = shape_index_.find(shape_identity_); found != shape_index_.end()) {
        append_unsigned(out, found->second);
        return;
    }

    shape_json_.clear();
    shape_json_.push_back('[');
    append_json_string(shape_json_, host, json_context::html_script);
    shape_json_.push_back(',');
    append_json_string(shape_json_, event.object, json_context::html_script);
    shape_json_.push_back(',');
    append_json_string(shape_json_, event.action, json_context::html_script);
    shape_json_.push_back(',');
    append_unsigned(shape_json_, event.file_index);
    shape_json_.push_back(',');
    append_json_string(shape_json_, event.channel, json_context::html_script);
    shape_json_.push_back(',');
    append_json_string(shape_json_, event.provider, json_context::html_script);
    shape_json_.push_back(',');
    append_unsigned(shape_json_, event.event_id);
    shape_json_ += ",[";
    for (std::size_t i = 0; i < event.analytics.size(); ++i) {
        if (i > 0) shape_json_.push_back(',');
        append_json_string(shape_json_, event.analytics[i], json_context::html_script);
    }
    shape_json_ += "],[";
    bool first_field = true;
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;
        if (!first_field) shape_json_.push_back(',');
        first_field = false;
        append_unsigned(shape_json_, static_cast<std::uint64_t>(value.field));
    }
    for (const auto& [number, text] : payload_values_) {
        if (!first_field) shape_json_.push_back(',');
        first_field = false;
        append_unsigned(shape_json_, number);
    }
    shape_json_ += "]]";

    if (shapes_.size() >= max_shapes) {
        out += shape_json_;  // table full: this row carries its shape
        return;
    }
    const auto index = static_cast<std::uint32_t>(shapes_.size());
    shapes_.push_back(shape_json_);
    shape_index_.emplace(shape_identity_, index);
    append_unsigned(out, index);
}

bool timeline_row_encoder::seen_before(const std::string& text) {
    if (seen_.empty()) seen_.assign(seen_slots, 0);
    const std::uint64_t hash = std::hash<std::string>{}(text);
    const std::uint64_t fingerprint = hash | 1;  // 0 marks an empty slot
    std::uint64_t& slot = seen_[hash & (seen_slots - 1)];
    if (slot == fingerprint) return true;
    slot = fingerprint;
    return false;
}

void timeline_row_encoder::append_value(std::string& out, const std::string& text) {
    if (text.size() >= min_string_length) {
        if (const auto found = string_index_.find(text); found != string_index_.end()) {
            append_unsigned(out, found->second);
            return;
        }
        const bool room = strings_.size() < max_strings && string_bytes_ + text.size() <= max_string_bytes;
        if (room && seen_before(text)) {
            const auto index = static_cast<std::uint32_t>(strings_.size());
            const auto inserted = string_index_.emplace(text, index).first;
            strings_.push_back(&inserted->first);
            string_bytes_ += text.size();
            append_unsigned(out, index);
            return;
        }
    }
    append_json_string(out, text, json_context::html_script);
}

void timeline_row_encoder::append_tables(embedded_json& json) const {
    json.key("base_time");
    std::string base;
    append_unsigned(base, base_time_);
    json.string(base);

    json.key("fields").begin_array();
    for (std::string_view name : car_field_names) json.string(name);
    json.end_array();

    json.key("payload_fields").begin_array();
    for (const std::string& name : payload_names_) json.string(name);
    json.end_array();

    json.key("strings").begin_array();
    for (const std::string* text : strings_) json.string(*text);
    json.end_array();

    json.key("shapes").begin_array();
    for (const std::string& shape : shapes_) json.raw(shape);
    json.end_array();
}

}  // namespace evtxcar
