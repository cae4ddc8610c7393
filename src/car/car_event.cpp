#include "car_event.hpp"

#include <algorithm>
#include <utility>

namespace evtxcar {

std::optional<car_field> car_field_from_name(std::string_view name) {
    for (std::size_t i = 0; i < car_field_count; ++i) {
        if (car_field_names[i] == name) return static_cast<car_field>(i);
    }
    return std::nullopt;
}

std::string_view car_event::computer() const {
    // hostname and fqdn are the first two fields: values starts with them.
    for (const car_value& v : values) {
        if (v.field == car_field::fqdn) return v.text;
        if (v.field > car_field::fqdn) break;
    }
    return text(car_field::hostname);
}

bool same_event(const car_event& a, const car_event& b) {
    return a.time == b.time && a.record_id == b.record_id && a.event_id == b.event_id && a.channel == b.channel &&
           a.provider == b.provider && a.computer() == b.computer() && a.payload == b.payload &&
           a.payload_name == b.payload_name && a.fields == b.fields;
}

const std::string* car_event::get(car_field field) const {
    for (const car_value& v : values) {
        if (v.field == field) return &v.text;
    }
    return nullptr;
}

std::string_view car_event::text(car_field field) const {
    const std::string* found = get(field);
    return found ? std::string_view(*found) : std::string_view();
}

void car_event::set(car_field field, std::string text) {
    auto position = std::lower_bound(values.begin(), values.end(), field,
                                     [](const car_value& v, car_field f) { return v.field < f; });
    if (position != values.end() && position->field == field) {
        if (text.empty()) {
            values.erase(position);
        } else {
            position->text = std::move(text);
        }
        return;
    }
    if (!text.empty()) values.insert(position, car_value{field, std::move(text)});
}

}  // namespace evtxcar
