#include "pipeline/car_event_codec.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "pipeline/event_layouts.hpp"

namespace evtxcar {

namespace {

[[noreturn]] void damaged() { throw std::runtime_error("a temporary sort run is truncated or damaged"); }

template <typename T>
void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void put_text(std::string& out, const std::string& text) {
    put_varint(out, text.size());
    out.append(text);
}

// Reads a body out of [at, end).
class body_reader {
public:
    body_reader(const char* at, const char* end) : at_(at), end_(end) {}
    template <typename T>
    T get() {
        if (static_cast<std::size_t>(end_ - at_) < sizeof(T)) damaged();
        T value;
        std::memcpy(&value, at_, sizeof(T));
        at_ += sizeof(T);
        return value;
    }
    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ == end_) damaged();
            const auto byte = static_cast<std::uint8_t>(*at_++);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        damaged();
    }
    void text(std::string& out) {
        const std::uint64_t size = varint();
        if (size > static_cast<std::uint64_t>(end_ - at_)) damaged();
        out.assign(at_, static_cast<std::size_t>(size));
        at_ += size;
    }
    bool finished() const { return at_ == end_; }
    std::string_view bytes() const { return {at_, static_cast<std::size_t>(end_ - at_)}; }  // what is left
    void skip(std::size_t count) {
        if (count > static_cast<std::size_t>(end_ - at_)) damaged();
        at_ += count;
    }

private:
    const char* at_;
    const char* end_;
};

// Position + 1 of the payload field whose value is `text`, or 0.
std::size_t payload_position(const car_event& event, const std::string& text) {
    for (std::size_t i = 0; i < event.fields.size(); ++i) {
        const std::string& value = event.fields[i].value;
        if (value.size() == text.size() && value == text) return i + 1;
    }
    return 0;
}

std::size_t heap_bytes(const std::string& text) {
    constexpr std::size_t small_string_capacity = 15;
    return text.capacity() > small_string_capacity ? text.capacity() + 1 : 0;
}

}  // namespace

// layout 0: the event's layout (event_layouts) written out; else as the
// number `layout`.
void encode_car_event(const car_event& event, std::uint32_t layout, std::string& out) {
    thread_local std::string body;  // scratch: the body before its length is known
    body.clear();
    put<std::uint64_t>(body, event.time);
    put<std::uint32_t>(body, event.file_index);
    put<std::uint64_t>(body, event.record_id);
    put<std::uint64_t>(body, event.record_offset);
    put<std::uint8_t>(body, event.version);
    put<std::uint8_t>(body, event.level);
    put<std::uint16_t>(body, event.task);
    put<std::uint8_t>(body, event.opcode);
    put<std::uint64_t>(body, event.keywords);
    put_text(body, event.user_sid);
    put_varint(body, layout);
    if (layout == 0) {
        put<std::uint32_t>(body, event.event_id);
        put<std::uint8_t>(body, static_cast<std::uint8_t>(event.payload));
        put_text(body, event.object);
        put_text(body, event.action);
        put_text(body, event.channel);
        put_text(body, event.provider);
        put_text(body, event.payload_name);
        put_varint(body, event.fields.size());
        for (const payload_field& field : event.fields) {
            put_text(body, field.name);
            put_text(body, field.value);
        }
    } else {
        for (const payload_field& field : event.fields) put_text(body, field.value);
    }
    put_varint(body, event.values.size());
    for (const car_value& value : event.values) {
        put<std::uint8_t>(body, static_cast<std::uint8_t>(value.field));
        const std::size_t position = payload_position(event, value.text);
        put_varint(body, position);
        if (position == 0) put_text(body, value.text);
    }
    put_varint(body, event.analytics.size());
    for (const std::string& label : event.analytics) put_text(body, label);
    put_varint(out, body.size());
    out.append(body);
}

void encode_car_event(const car_event& event, std::string& out) { encode_car_event(event, 0, out); }

std::pair<std::uint64_t, std::size_t> read_length_prefix(const char* at, const char* end) {
    body_reader length(at, end);
    const std::uint64_t size = length.varint();
    std::size_t length_bytes = 1;
    while ((static_cast<std::uint8_t>(at[length_bytes - 1]) & 0x80) != 0) ++length_bytes;
    if (size > (std::uint64_t{1} << 32)) damaged();
    return {size, length_bytes};
}

car_event_reader::car_event_reader(std::FILE* file, std::size_t block_size, const event_layouts* layouts)
    : file_(file), layouts_(layouts), buffer_(block_size) {}

bool car_event_reader::fill(std::size_t wanted) {
    if (end_ - begin_ >= wanted) return true;
    if (begin_ > 0) {  // keep the unread bytes at the front
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buffer_.size() < wanted) buffer_.resize(wanted);
    while (end_ < wanted && !at_end_) {
        const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
        end_ += got;
        if (got == 0) {
            if (std::ferror(file_)) damaged();
            at_end_ = true;
        }
    }
    return end_ - begin_ >= wanted;
}

bool car_event_reader::next(car_event& event) {
    // The body's length: at most 10 varint bytes.
    if (!fill(1)) return false;
    fill(10);
    const auto [size, length_bytes] = read_length_prefix(buffer_.data() + begin_, buffer_.data() + end_);
    if (!fill(length_bytes + static_cast<std::size_t>(size))) damaged();
    const char* body = buffer_.data() + begin_ + length_bytes;
    begin_ += length_bytes + static_cast<std::size_t>(size);

    if (layouts_ != nullptr) {
        decode_car_event_body(body, static_cast<std::size_t>(size), event, spares_, *layouts_);
    } else {
        decode_car_event_body(body, static_cast<std::size_t>(size), event, spares_);
    }
    return true;
}

namespace {

// items.resize(size), the items cut off moved into `spare` (up to
// car_event_spares::most) and new ones taken from it first; no spares: a
// plain resize.
template <typename T>
void resize_keeping(std::vector<T>& items, std::size_t size, std::vector<T>* spare) {
    if (spare != nullptr) {
        while (items.size() > size && spare->size() < car_event_spares::most) {
            spare->push_back(std::move(items.back()));
            items.pop_back();
        }
        while (items.size() < size && !spare->empty()) {
            items.push_back(std::move(spare->back()));
            spare->pop_back();
        }
    }
    items.resize(size);
}

void decode_body(const char* body, std::size_t size, car_event& event, car_event_spares* spares,
                 const event_layouts* layouts) {
    body_reader in(body, body + size);
    event.time = in.get<std::uint64_t>();
    event.file_index = in.get<std::uint32_t>();
    event.record_id = in.get<std::uint64_t>();
    event.record_offset = in.get<std::uint64_t>();
    event.version = in.get<std::uint8_t>();
    event.level = in.get<std::uint8_t>();
    event.task = in.get<std::uint16_t>();
    event.opcode = in.get<std::uint8_t>();
    event.keywords = in.get<std::uint64_t>();
    in.text(event.user_sid);
    const std::uint64_t number = in.varint();
    if (number == 0) {
        event.event_id = in.get<std::uint32_t>();
        const auto payload = in.get<std::uint8_t>();
        if (payload > static_cast<std::uint8_t>(payload_kind::user_data)) damaged();
        event.payload = static_cast<payload_kind>(payload);
        in.text(event.object);
        in.text(event.action);
        in.text(event.channel);
        in.text(event.provider);
        in.text(event.payload_name);
        const std::uint64_t field_count = in.varint();
        if (field_count > size) damaged();
        resize_keeping(event.fields, static_cast<std::size_t>(field_count), spares ? &spares->fields : nullptr);
        for (payload_field& field : event.fields) {
            in.text(field.name);
            in.text(field.value);
        }
        event.layout = {};
    } else {
        const event_layout* layout = layouts != nullptr ? layouts->find(number) : nullptr;
        if (layout == nullptr) damaged();
        // The event's buffers mostly come back from an event of the same
        // layout: then nothing of it needs writing again.
        if (event.layout.number != number || event.fields.size() != layout->names.size()) {
            event.object = layout->object;
            event.action = layout->action;
            event.channel = layout->channel;
            event.provider = layout->provider;
            event.event_id = layout->event_id;
            event.payload = layout->payload;
            event.payload_name = layout->payload_name;
            resize_keeping(event.fields, layout->names.size(), spares ? &spares->fields : nullptr);
            for (std::size_t i = 0; i < layout->names.size(); ++i) event.fields[i].name = layout->names[i];
            event.layout.number = static_cast<std::uint32_t>(number);
        }
        for (payload_field& field : event.fields) in.text(field.value);
    }
    const std::uint64_t value_count = in.varint();
    if (value_count > size) damaged();
    resize_keeping(event.values, static_cast<std::size_t>(value_count), spares ? &spares->values : nullptr);
    for (car_value& value : event.values) {
        const auto field = in.get<std::uint8_t>();
        if (field >= car_field_count) damaged();
        value.field = static_cast<car_field>(field);
        const std::uint64_t position = in.varint();
        if (position == 0) {
            in.text(value.text);
        } else {
            if (position > event.fields.size()) damaged();
            value.text = event.fields[static_cast<std::size_t>(position - 1)].value;
        }
    }
    const std::uint64_t label_count = in.varint();
    if (label_count > size) damaged();
    event.analytics.resize(static_cast<std::size_t>(label_count));
    for (std::string& label : event.analytics) in.text(label);
    if (!in.finished()) damaged();
    event.copies.clear();
}

}  // namespace

void decode_car_event_body(const char* body, std::size_t size, car_event& event) {
    decode_body(body, size, event, nullptr, nullptr);
}

void decode_car_event_body(const char* body, std::size_t size, car_event& event, car_event_spares& spares) {
    decode_body(body, size, event, &spares, nullptr);
}

void decode_car_event_body(const char* body, std::size_t size, car_event& event, car_event_spares& spares,
                           const event_layouts& layouts) {
    decode_body(body, size, event, &spares, &layouts);
}


std::size_t approximate_size(const car_event& event) {
    std::size_t bytes = sizeof(car_event) + heap_bytes(event.object) + heap_bytes(event.action) +
                        heap_bytes(event.channel) + heap_bytes(event.provider) +
                        event.values.capacity() * sizeof(car_value) +
                        event.analytics.capacity() * sizeof(std::string) + heap_bytes(event.user_sid) +
                        heap_bytes(event.payload_name) + event.fields.capacity() * sizeof(payload_field);
    for (const car_value& value : event.values) bytes += heap_bytes(value.text);
    for (const std::string& label : event.analytics) bytes += heap_bytes(label);
    for (const payload_field& field : event.fields) bytes += heap_bytes(field.name) + heap_bytes(field.value);
    return bytes + 32;  // allocator overhead, roughly
}

namespace {

void put_copies(std::string& out, const car_event& event) {
    put_varint(out, event.copies.size());
    for (std::uint32_t file : event.copies) put_varint(out, file);
}

// An event written by encode_car_event, then its copies.
void read_event_and_copies(body_reader& in, car_event& event) {
    const std::string_view blob = in.bytes();
    const auto [size, length_bytes] = read_length_prefix(blob.data(), blob.data() + blob.size());
    if (length_bytes + size > blob.size()) damaged();
    decode_car_event_body(blob.data() + length_bytes, static_cast<std::size_t>(size), event);
    in.skip(length_bytes + static_cast<std::size_t>(size));
    const std::uint64_t count = in.varint();
    if (count > blob.size()) damaged();
    event.copies.resize(static_cast<std::size_t>(count));
    for (std::uint32_t& file : event.copies) {
        const std::uint64_t value = in.varint();
        if (value > UINT32_MAX) damaged();
        file = static_cast<std::uint32_t>(value);
    }
}

}  // namespace

void encode_detection(const detection& found, std::string& out) {
    std::string body;
    for (const std::string* text : {&found.analytic_id, &found.analytic_name, &found.technique, &found.variant,
                                    &found.reason, &found.level, &found.status, &found.tactics, &found.rule_path})
        put_text(body, *text);
    encode_car_event(found.event, body);
    put_copies(body, found.event);
    put<std::uint8_t>(body, found.process ? 1 : 0);
    if (found.process) {
        encode_car_event(*found.process, body);
        put_copies(body, *found.process);
    }
    put_varint(out, body.size());
    out.append(body);
}

void decode_detection_body(const char* body, std::size_t size, detection& found) {
    body_reader in(body, body + size);
    for (std::string* text : {&found.analytic_id, &found.analytic_name, &found.technique, &found.variant,
                              &found.reason, &found.level, &found.status, &found.tactics, &found.rule_path})
        in.text(*text);
    read_event_and_copies(in, found.event);
    const auto has_process = in.get<std::uint8_t>();
    if (has_process > 1) damaged();
    if (has_process == 1) {
        if (!found.process) found.process.emplace();
        read_event_and_copies(in, *found.process);
    } else {
        found.process.reset();
    }
    if (!in.finished()) damaged();
}

std::size_t approximate_size(const detection& found) {
    std::size_t bytes = sizeof(detection) + approximate_size(found.event) + heap_bytes(found.analytic_id) +
                        heap_bytes(found.analytic_name) + heap_bytes(found.technique) + heap_bytes(found.variant) +
                        heap_bytes(found.reason) + heap_bytes(found.level) + heap_bytes(found.status) +
                        heap_bytes(found.tactics) + heap_bytes(found.rule_path);
    if (found.process) bytes += approximate_size(*found.process);
    return bytes;
}

}  // namespace evtxcar
