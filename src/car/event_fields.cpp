#include "car/event_fields.hpp"

#include <algorithm>

#include "text/ascii_case.hpp"

namespace evtxcar {

std::string_view event_fields::get(std::string_view name) const {
    for (const payload_field& field : record_.fields) {
        if (field.name == name) return field.value;
    }
    return {};
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold_ascii(x) == fold_ascii(y); });
}

void append_folded(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out.append(text);
    for (std::size_t i = start; i < out.size(); ++i) out[i] = fold_ascii(out[i]);
}

std::string fold_case(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    append_folded(folded, text);
    return folded;
}

std::string_view path_basename(std::string_view path) {
    const std::size_t slash = path.find_last_of("\\/");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void copy_field(const event_fields& in, std::string_view name, car_event& out, car_field field) {
    const std::string_view value = in.get(name);
    if (!value.empty()) out.set(field, std::string(value));
}

void set_image(const event_fields& in, std::string_view name, car_event& out) {
    const std::string_view path = in.get(name);
    if (path.empty()) return;
    out.set(car_field::image_path, std::string(path));
    out.set(car_field::exe, std::string(path_basename(path)));
}

void set_host(const event_record& record, car_event& out) {
    const std::string_view computer = record.computer;
    if (computer.empty()) return;
    const std::size_t dot = computer.find('.');
    out.set(car_field::hostname, std::string(computer.substr(0, dot)));
    if (dot != std::string_view::npos) out.set(car_field::fqdn, std::string(computer));
}

void set_provenance(const event_record& record, car_event& out) {
    set_host(record, out);
    out.time = record.time_created;
    out.record_id = record.record_id;
    out.record_offset = record.file_offset;
    out.channel = record.channel;
    out.provider = record.provider_name;
    out.event_id = record.event_id;
}

void keep_record_values(const event_record& record, car_event& out) {
    out.version = record.version;
    out.level = record.level;
    out.task = record.task;
    out.opcode = record.opcode;
    out.keywords = record.keywords;
    out.user_sid = record.user_sid;
    out.payload = record.kind;
    out.payload_name = record.payload_name;
    out.fields = record.fields;
}

void set_generic_event(const event_record& record, car_event& out) {
    out.object = generic_object;
    out.action.clear();
    set_provenance(record, out);
}

bool is_decimal(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace evtxcar
