#include "rules/car_event_view.hpp"

#include <cstdio>

#include "car/event_fields.hpp"

namespace evtxcar::rules {

namespace {

// Sysmon logs the well-known service accounts by these names; other
// sensors (Security 4688: "CORP\WS05$" with S-1-5-18) by the machine's.
std::string_view service_account_name(std::string_view sid) {
    if (sid == "S-1-5-18") return "NT AUTHORITY\\SYSTEM";
    if (sid == "S-1-5-19") return "NT AUTHORITY\\LOCAL SERVICE";
    if (sid == "S-1-5-20") return "NT AUTHORITY\\NETWORK SERVICE";
    return {};
}

}  // namespace

std::string& car_event_view::made(sigma::field_ref field) const {
    if (made_.size() <= field.id) {
        made_.resize(fields_.size());
        made_at_.resize(fields_.size(), 0);
    }
    made_at_[field.id] = generation_;
    std::string& text = made_[field.id];
    text.clear();
    return text;
}

std::optional<std::string_view> car_event_view::value(sigma::field_ref field) const {
    const resolved_field& target = fields_.target(field);
    switch (target.target.what) {
        case field_target::kind::car: {
            const std::string* text = event_->get(target.target.car);
            if (text == nullptr) return std::nullopt;
            return std::string_view(*text);
        }
        case field_target::kind::computed: return computed_value(field, target.target.computed);
        case field_target::kind::system: return system_value(field, target.target.system);
        case field_target::kind::payload: return payload_value(field, target.payload_name);
    }
    return std::nullopt;
}

std::optional<std::string_view> car_event_view::computed_value(sigma::field_ref field, computed_field which) const {
    const car_event& event = *event_;
    switch (which) {
        case computed_field::user: {
            const std::string_view account = service_account_name(event.text(car_field::sid));
            if (!account.empty()) return account;
            const std::string* user = event.get(car_field::user);
            if (user == nullptr) return std::nullopt;
            return std::string_view(*user);
        }
        case computed_field::initiated: {
            const std::string_view direction = event.text(car_field::network_direction);
            if (direction == "outbound") return std::string_view("true");
            if (direction == "inbound") return std::string_view("false");
            return std::nullopt;
        }
        case computed_field::target_object: {
            const std::string* hive = event.get(car_field::hive);
            if (hive == nullptr) return std::nullopt;
            if (made_at_.size() > field.id && made_at_[field.id] == generation_) return std::string_view(made_[field.id]);
            std::string& text = made(field);
            text = *hive;
            for (car_field part : {car_field::key, car_field::value}) {
                if (const std::string* piece = event.get(part)) {
                    text += '\\';
                    text += *piece;
                }
            }
            return std::string_view(text);
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> car_event_view::system_value(sigma::field_ref field, system_field which) const {
    const car_event& event = *event_;
    auto number = [&](std::uint64_t value) -> std::string_view {
        if (made_at_.size() > field.id && made_at_[field.id] == generation_) return made_[field.id];
        std::string& text = made(field);
        text = std::to_string(value);
        return text;
    };
    switch (which) {
        case system_field::event_id: return number(event.event_id);
        case system_field::channel: return std::string_view(event.channel);
        case system_field::provider_name: return std::string_view(event.provider);
        case system_field::computer: return event.computer();
        case system_field::level: return number(event.level);
        case system_field::task: return number(event.task);
        case system_field::opcode: return number(event.opcode);
        case system_field::event_record_id: return number(event.record_id);
        case system_field::version: return number(event.version);
        case system_field::keywords: {
            if (made_at_.size() > field.id && made_at_[field.id] == generation_) return std::string_view(made_[field.id]);
            std::string& text = made(field);
            char hex[24];
            std::snprintf(hex, sizeof hex, "0x%016llx", static_cast<unsigned long long>(event.keywords));
            text = hex;
            return std::string_view(text);
        }
        case system_field::user_id:
            if (event.user_sid.empty()) return std::nullopt;
            return std::string_view(event.user_sid);
    }
    return std::nullopt;
}

std::optional<std::string_view> car_event_view::payload_value(sigma::field_ref field, const std::string& name) const {
    const car_event& event = *event_;
    for (const payload_field& pair : event.fields) {
        if (pair.name == name) return std::string_view(pair.value);
    }
    // Classic events (Windows PowerShell 400/600/800) carry unnamed <Data>:
    // `Data` reads them joined by a line break.
    if (name != "Data") return std::nullopt;
    if (made_at_.size() > field.id && made_at_[field.id] == generation_) return std::string_view(made_[field.id]);
    bool any = false;
    for (const payload_field& pair : event.fields) any = any || pair.name.empty();
    if (!any) return std::nullopt;
    std::string& text = made(field);
    for (const payload_field& pair : event.fields) {
        if (!pair.name.empty()) continue;
        if (!text.empty()) text += '\n';
        text += pair.value;
    }
    return std::string_view(text);
}

void car_event_view::for_each_value(sigma::function_ref<void(std::string_view)> visit) const {
    // What the record says: its payload and the System texts. The CAR
    // fields are derived from those (copies, basenames, conversions), so
    // keywords found in them are found here already.
    for (const payload_field& pair : event_->fields) visit(pair.value);
    visit(event_->computer());
    visit(event_->provider);
    visit(event_->channel);
}

}  // namespace evtxcar::rules
