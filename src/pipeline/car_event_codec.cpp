#include "pipeline/car_event_codec.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace evtxcar {

namespace {

template <typename T>
void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void put_string(std::string& out, const std::string& text) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(text.size()));
    out.append(text);
}

[[noreturn]] void damaged() { throw std::runtime_error("a temporary sort run is truncated or damaged"); }

template <typename T>
T get(std::FILE* file) {
    T value;
    if (std::fread(&value, sizeof(T), 1, file) != 1) damaged();
    return value;
}

void get_string(std::FILE* file, std::string& text) {
    const auto size = get<std::uint32_t>(file);
    text.resize(size);
    if (size != 0 && std::fread(text.data(), 1, size, file) != size) damaged();
}

std::size_t heap_bytes(const std::string& text) {
    constexpr std::size_t small_string_capacity = 15;
    return text.capacity() > small_string_capacity ? text.capacity() + 1 : 0;
}

}  // namespace

void encode_car_event(const car_event& event, std::string& out) {
    put<std::uint64_t>(out, event.time);
    put<std::uint32_t>(out, event.file_index);
    put<std::uint64_t>(out, event.record_id);
    put<std::uint64_t>(out, event.record_offset);
    put<std::uint32_t>(out, event.event_id);
    put_string(out, event.object);
    put_string(out, event.action);
    put_string(out, event.channel);
    put_string(out, event.provider);
    put<std::uint16_t>(out, static_cast<std::uint16_t>(event.values.size()));
    for (const car_value& value : event.values) {
        put<std::uint8_t>(out, static_cast<std::uint8_t>(value.field));
        put_string(out, value.text);
    }
    put<std::uint16_t>(out, static_cast<std::uint16_t>(event.analytics.size()));
    for (const std::string& label : event.analytics) put_string(out, label);
    put<std::uint8_t>(out, event.version);
    put<std::uint8_t>(out, event.level);
    put<std::uint16_t>(out, event.task);
    put<std::uint8_t>(out, event.opcode);
    put<std::uint64_t>(out, event.keywords);
    put_string(out, event.user_sid);
    put<std::uint8_t>(out, static_cast<std::uint8_t>(event.payload));
    put_string(out, event.payload_name);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(event.fields.size()));
    for (const payload_field& field : event.fields) {
        put_string(out, field.name);
        put_string(out, field.value);
    }
}

bool decode_car_event(std::FILE* file, car_event& event) {
    std::uint64_t time;
    const std::size_t got = std::fread(&time, sizeof time, 1, file);
    if (got != 1) {
        if (std::feof(file) && !std::ferror(file)) return false;
        damaged();
    }
    event.time = time;
    event.file_index = get<std::uint32_t>(file);
    event.record_id = get<std::uint64_t>(file);
    event.record_offset = get<std::uint64_t>(file);
    event.event_id = get<std::uint32_t>(file);
    get_string(file, event.object);
    get_string(file, event.action);
    get_string(file, event.channel);
    get_string(file, event.provider);
    const auto value_count = get<std::uint16_t>(file);
    event.values.resize(value_count);
    for (car_value& value : event.values) {
        const auto field = get<std::uint8_t>(file);
        if (field >= car_field_count) damaged();
        value.field = static_cast<car_field>(field);
        get_string(file, value.text);
    }
    const auto label_count = get<std::uint16_t>(file);
    event.analytics.resize(label_count);
    for (std::string& label : event.analytics) get_string(file, label);
    event.version = get<std::uint8_t>(file);
    event.level = get<std::uint8_t>(file);
    event.task = get<std::uint16_t>(file);
    event.opcode = get<std::uint8_t>(file);
    event.keywords = get<std::uint64_t>(file);
    get_string(file, event.user_sid);
    const auto payload = get<std::uint8_t>(file);
    if (payload > static_cast<std::uint8_t>(payload_kind::user_data)) damaged();
    event.payload = static_cast<payload_kind>(payload);
    get_string(file, event.payload_name);
    const auto field_count = get<std::uint32_t>(file);
    event.fields.resize(field_count);
    for (payload_field& field : event.fields) {
        get_string(file, field.name);
        get_string(file, field.value);
    }
    return true;
}

std::size_t approximate_size(const car_event& event) {
    std::size_t bytes = sizeof(car_event) + heap_bytes(event.object) + heap_bytes(event.action) +
                        heap_bytes(event.channel) + heap_bytes(event.provider) +
                        event.values.capacity() * sizeof(car_value) +
                        event.analytics.capacity() * sizeof(std::string) + heap_bytes(event.user_sid) +
                        heap_bytes(event.payload_name) + event.fields.capacity() * sizeof(payload_field);
    for (const car_value& value : event.values) bytes += heap_bytes(value.text);
    for (const payload_field& field : event.fields) bytes += heap_bytes(field.name) + heap_bytes(field.value);
    for (const std::string& label : event.analytics) bytes += heap_bytes(label);
    return bytes + 32;  // allocator overhead, roughly
}

}  // namespace evtxcar
