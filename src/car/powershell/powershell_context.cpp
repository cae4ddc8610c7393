// Reading PowerShell's context text and the records' own process and user.
#include "car/powershell/powershell_mappings.hpp"

namespace evtxcar::powershell {

namespace {

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view blanks = " \t\r\n";
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace

std::vector<context_entry> read_context(std::string_view text) {
    std::vector<context_entry> entries;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = trimmed(line.substr(0, equals));
        if (!key.empty()) entries.push_back({key, trimmed(line.substr(equals + 1))});
    }
    return entries;
}

std::string_view context_value(const std::vector<context_entry>& context, std::string_view key) {
    for (const context_entry& entry : context) {
        if (entry.key == key) return entry.value;
    }
    return {};
}

void set_context_fields(const std::vector<context_entry>& context, std::span<const context_field> fields,
                        car_event& out) {
    for (const context_field& wanted : fields) {
        const std::string_view value = context_value(context, wanted.key);
        if (!value.empty()) out.set(wanted.field, std::string(value));
    }
}

std::string_view unnamed_field(const event_fields& in, std::size_t position) {
    for (const payload_field& field : in.record().fields) {
        if (field.name.empty() && --position == 0) return field.value;
    }
    return {};
}

void set_host_process(const event_fields& in, car_event& out) {
    const event_record& record = in.record();
    if (record.process_id != 0) out.set(car_field::pid, std::to_string(record.process_id));
    if (!record.user_sid.empty()) out.set(car_field::uid, record.user_sid);
}

}  // namespace evtxcar::powershell
