#include "car_event.hpp"

#include <algorithm>

namespace evtxcar {

std::optional<car_field> car_field_from_name(std::string_view name) {
    for (std::size_t i = 0; i < car_field_count; ++i) {
        if (car_field_names[i] == name) return static_cast<car_field>(i);
    }
    return std::nullopt;
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
