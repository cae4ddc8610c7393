#include "html/timeline_row_encoder.hpp"

#include <charconv>
#include <cstdio>
#include <functional>
#include <optional>

#include "html/embedded_json.hpp"
#include "html/row_text.hpp"
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

// Identity of a shape: every text part length-prefixed, so that no text can
// make two different shapes look alike.
void add_identity_part(std::string& identity, std::string_view part) {
    append_unsigned(identity, part.size());
    identity.push_back(':');
    identity.append(part);
}

void add_identity_number(std::string& identity, std::int64_t number) {
    append_signed(identity, number);
    identity.push_back(',');
}

void append_json_text(std::string& out, std::string_view text) {
    append_json_string(out, text, json_context::html_script);
}

int payload_kind_number(payload_kind kind) {
    switch (kind) {
        case payload_kind::none: return 0;
        case payload_kind::event_data: return 1;
        case payload_kind::user_data: return 2;
    }
    return 0;
}

}  // namespace

void timeline_row_encoder::append_row(std::string& out, const car_event& event) {
    collect_payload(event);
    append_time(out, event.time);
    out.push_back('\t');
    append_record_id(out, event);
    out.push_back('\t');
    append_shape(out, event);
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;  // part of the shape
        out.push_back('\t');
        append_value(out, value.text);
    }
    for (const payload_entry& entry : payload_) {
        if (entry.same_as >= 0) continue;  // the shape says which value it repeats
        out.push_back('\t');
        append_value(out, entry.text);
    }
    if (user_sid_ == -1) {
        out.push_back('\t');
        append_value(out, event.user_sid);
    }
}

// The position among the row's values (CAR values but the host name) of a
// value with this text, or -1.
std::int64_t timeline_row_encoder::same_value(const car_event& event, std::string_view text) const {
    if (text.empty()) return -1;
    std::int64_t position = 0;
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;
        if (value.text.size() == text.size() && value.text == text) return position;
        ++position;
    }
    return -1;
}

void timeline_row_encoder::collect_payload(const car_event& event) {
    payload_.clear();
    user_sid_ = -2;
    if (!event.user_sid.empty()) {
        const std::int64_t same = same_value(event, event.user_sid);
        user_sid_ = same >= 0 ? same : -1;
    }
    if (event.fields.empty()) return;

    // The same names as the last event of this id: their numbers are known.
    name_run& recent = recent_names_[event.event_id];
    bool same_names = recent.provider == event.provider && recent.names.size() == event.fields.size();
    for (std::size_t i = 0; same_names && i < event.fields.size(); ++i) same_names = recent.names[i] == event.fields[i].name;
    if (same_names) {
        for (std::size_t i = 0; i < event.fields.size(); ++i) {
            payload_.push_back({recent.numbers[i], same_value(event, event.fields[i].value), event.fields[i].value});
        }
        return;
    }

    auto number_of = [this](std::string_view name) -> std::optional<std::uint32_t> {
        if (const auto found = payload_number_.find(name); found != payload_number_.end()) return found->second;
        if (payload_names_.size() >= max_payload_names) return std::nullopt;
        const auto number = static_cast<std::uint32_t>(car_field_count + payload_names_.size());
        payload_names_.emplace_back(name);
        payload_number_.emplace(std::string(name), number);
        return number;
    };
    std::size_t unnamed = 0;
    for (const payload_field& field : event.fields) {
        std::string_view name = field.name;
        if (name.empty()) {  // as payload_label (event_text.hpp) names it
            label_ = "Data[" + std::to_string(++unnamed) + "]";
            name = label_;
        }
        const auto number = number_of(name);
        if (!number) {  // the name table is full: the whole payload as one text
            payload_.clear();
            payload_fallback_.clear();
            unnamed = 0;
            for (const payload_field& each : event.fields) {
                if (!payload_fallback_.empty()) payload_fallback_.push_back('\n');
                payload_fallback_ += each.name.empty() ? "Data[" + std::to_string(++unnamed) + "]" : each.name;
                payload_fallback_.push_back('=');
                payload_fallback_ += each.value;
            }
            if (const auto whole = number_of("EventData")) payload_.push_back({*whole, -1, payload_fallback_});
            recent = name_run{};
            return;
        }
        payload_.push_back({*number, same_value(event, field.value), field.value});
    }
    recent.provider = event.provider;
    recent.names.clear();
    recent.numbers.clear();
    for (std::size_t i = 0; i < event.fields.size(); ++i) {
        recent.names.push_back(event.fields[i].name);
        recent.numbers.push_back(payload_[i].name);
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
        out.push_back('=');
        append_unsigned(out, time);
    }
    previous_time_ = time;
}

void timeline_row_encoder::append_record_id(std::string& out, const car_event& event) {
    std::uint64_t& previous = previous_record_id_[event.file_index];
    if (event.record_id < safe_integer_limit && previous < safe_integer_limit) {
        append_signed(out, static_cast<std::int64_t>(event.record_id) - static_cast<std::int64_t>(previous));
    } else {
        out.push_back('=');
        append_unsigned(out, event.record_id);
    }
    previous = event.record_id;
}

void timeline_row_encoder::append_shape(std::string& out, const car_event& event) {
    const std::string_view host = event.text(car_field::hostname);
    char keywords[24];
    std::snprintf(keywords, sizeof keywords, "0x%016llx", static_cast<unsigned long long>(event.keywords));

    shape_identity_.clear();
    add_identity_part(shape_identity_, host);
    add_identity_part(shape_identity_, event.object);
    add_identity_part(shape_identity_, event.action);
    add_identity_part(shape_identity_, event.channel);
    add_identity_part(shape_identity_, event.provider);
    add_identity_part(shape_identity_, event.payload_name);
    for (const std::uint64_t number :
         {std::uint64_t{event.file_index}, std::uint64_t{event.event_id}, std::uint64_t{event.level},
          std::uint64_t{event.task}, std::uint64_t{event.opcode}, event.keywords, std::uint64_t{event.version},
          static_cast<std::uint64_t>(payload_kind_number(event.payload))}) {
        append_unsigned(shape_identity_, number);
        shape_identity_.push_back(',');
    }
    add_identity_number(shape_identity_, user_sid_);
    add_identity_number(shape_identity_, static_cast<std::int64_t>(event.analytics.size()));
    for (const std::string& analytic : event.analytics) add_identity_part(shape_identity_, analytic);
    add_identity_number(shape_identity_, static_cast<std::int64_t>(event.copies.size()));
    for (const std::uint32_t copy : event.copies) add_identity_number(shape_identity_, copy);
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;
        shape_identity_.push_back(static_cast<char>(value.field));
    }
    shape_identity_.push_back('|');
    for (const payload_entry& entry : payload_) {
        add_identity_number(shape_identity_, entry.name);
        add_identity_number(shape_identity_, entry.same_as);
    }

    if (const auto found = shape_index_.find(shape_identity_); found != shape_index_.end()) {
        append_unsigned(out, found->second);
        return;
    }

    std::string& json = shape_json_;
    json.clear();
    json.push_back('[');
    append_json_text(json, host);
    json.push_back(',');
    append_json_text(json, event.object);
    json.push_back(',');
    append_json_text(json, event.action);
    json.push_back(',');
    append_unsigned(json, event.file_index);
    json.push_back(',');
    append_json_text(json, event.channel);
    json.push_back(',');
    append_json_text(json, event.provider);
    json.push_back(',');
    append_unsigned(json, event.event_id);
    json += ",[";
    for (std::size_t i = 0; i < event.analytics.size(); ++i) {
        if (i > 0) json.push_back(',');
        append_json_text(json, event.analytics[i]);
    }
    json += "],[";
    bool first = true;
    for (const car_value& value : event.values) {
        if (value.field == car_field::hostname) continue;
        if (!first) json.push_back(',');
        first = false;
        append_unsigned(json, static_cast<std::uint64_t>(value.field));
    }
    json += "],[";
    first = true;
    for (const payload_entry& entry : payload_) {
        if (!first) json.push_back(',');
        first = false;
        if (entry.same_as < 0) {
            append_unsigned(json, entry.name);
        } else {
            json.push_back('[');
            append_unsigned(json, entry.name);
            json.push_back(',');
            append_signed(json, entry.same_as);
            json.push_back(']');
        }
    }
    json += "],";
    append_unsigned(json, static_cast<std::uint64_t>(payload_kind_number(event.payload)));
    json.push_back(',');
    append_json_text(json, event.payload_name);
    for (const std::uint64_t number : {std::uint64_t{event.level}, std::uint64_t{event.task}, std::uint64_t{event.opcode}}) {
        json.push_back(',');
        append_unsigned(json, number);
    }
    json += ",\"";
    json += keywords;
    json += "\",";
    append_unsigned(json, event.version);
    json.push_back(',');
    if (user_sid_ == -2) {
        json += "null";
    } else {
        append_signed(json, user_sid_);
    }
    json += ",[";
    for (std::size_t i = 0; i < event.copies.size(); ++i) {
        if (i > 0) json.push_back(',');
        append_unsigned(json, event.copies[i]);
    }
    json += "]]";

    if (shapes_.size() >= max_shapes) {
        out += json;  // table full: this row carries its shape
        return;
    }
    const auto index = static_cast<std::uint32_t>(shapes_.size());
    shapes_.push_back(json);
    shape_index_.emplace(shape_identity_, index);
    append_unsigned(out, index);
}

bool timeline_row_encoder::seen_before(std::string_view text) {
    if (seen_.empty()) seen_.assign(seen_slots, 0);
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    const std::uint64_t fingerprint = hash | 1;  // 0 marks an empty slot
    std::uint64_t& slot = seen_[hash & (seen_slots - 1)];
    if (slot == fingerprint) return true;
    slot = fingerprint;
    return false;
}

void timeline_row_encoder::append_value(std::string& out, std::string_view text) {
    if (text.size() >= min_string_length) {
        if (const auto found = string_index_.find(text); found != string_index_.end()) {
            append_row_reference(out, found->second);
            return;
        }
        const bool room = strings_.size() < max_strings && string_bytes_ + text.size() <= max_string_bytes;
        if (room && seen_before(text)) {
            const auto index = static_cast<std::uint32_t>(strings_.size());
            const auto inserted = string_index_.emplace(std::string(text), index).first;
            strings_.push_back(&inserted->first);
            string_bytes_ += text.size();
            append_row_reference(out, index);
            return;
        }
    }
    append_row_text(out, text);
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
