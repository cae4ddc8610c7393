#include "record_wire.hpp"

#include <cstring>

namespace evtxcar::libevtx {

void wire_writer::begin(wire_kind kind) {
    frame_start_ = bytes_.size();
    u32(0);  // the size, patched by end_frame
    u8(static_cast<std::uint8_t>(kind));
}

void wire_writer::begin_item(wire_kind kind, bool has_header_id, std::uint64_t header_id) {
    begin(kind);
    u8(has_header_id ? 1 : 0);
    u64(header_id);
}

void wire_writer::end_frame() {
    const auto size = static_cast<std::uint32_t>(bytes_.size() - frame_start_ - 4);
    std::memcpy(bytes_.data() + frame_start_, &size, sizeof size);
}

void wire_writer::u8(std::uint8_t value) { bytes_.push_back(value); }
void wire_writer::u16(std::uint16_t value) {
    for (int i = 0; i < 2; ++i) bytes_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}
void wire_writer::u32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}
void wire_writer::u64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}
void wire_writer::text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    bytes_.insert(bytes_.end(), value.begin(), value.end());
}

void wire_writer::file_facts(const wire_file_facts& facts) {
    begin(wire_kind::file_facts);
    u8(facts.opened ? 1 : 0);
    text(facts.open_error);
    u16(facts.major_version);
    u16(facts.minor_version);
    u32(facts.flags);
    u32(static_cast<std::uint32_t>(facts.records));
    u32(static_cast<std::uint32_t>(facts.recovered_records));
    end_frame();
}

void wire_writer::request(const wire_request& request) {
    begin(wire_kind::request);
    u32(static_cast<std::uint32_t>(request.first));
    u32(static_cast<std::uint32_t>(request.end));
    u8(request.recovered ? 1 : 0);
    end_frame();
}

void wire_writer::record(const event_record& r, bool has_header_id, std::uint64_t header_id) {
    begin_item(wire_kind::record, has_header_id, header_id);
    text(r.provider_name);
    text(r.provider_guid);
    u32(r.event_id);
    u8(r.event_id_qualifiers ? 1 : 0);
    u16(r.event_id_qualifiers.value_or(0));
    u8(r.version);
    u8(r.level);
    u16(r.task);
    u8(r.opcode);
    u64(r.keywords);
    u64(r.time_created);
    u64(r.record_id);
    u32(r.process_id);
    u32(r.thread_id);
    text(r.channel);
    text(r.computer);
    text(r.user_sid);
    u8(static_cast<std::uint8_t>(r.kind));
    text(r.payload_name);
    u32(static_cast<std::uint32_t>(r.fields.size()));
    for (const payload_field& field : r.fields) {
        text(field.name);
        text(field.value);
    }
    u64(r.file_offset);
    end_frame();
}

void wire_writer::failure(const read_error& failure, bool has_header_id, std::uint64_t header_id) {
    begin_item(wire_kind::failure, has_header_id, header_id);
    u64(failure.offset);
    u64(failure.chunk);
    u64(failure.record_index);
    u64(failure.record_id);
    text(failure.reason);
    end_frame();
}

void wire_writer::done() {
    begin(wire_kind::done);
    end_frame();
}

template <typename T>
T wire_reader::number() {
    if (!ok_ || static_cast<std::size_t>(end_ - data_) < sizeof(T)) {
        ok_ = false;
        return 0;
    }
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) value = static_cast<T>(value | static_cast<T>(T{data_[i]} << (8 * i)));
    data_ += sizeof(T);
    return value;
}

std::uint8_t wire_reader::u8() { return number<std::uint8_t>(); }
std::uint16_t wire_reader::u16() { return number<std::uint16_t>(); }
std::uint32_t wire_reader::u32() { return number<std::uint32_t>(); }
std::uint64_t wire_reader::u64() { return number<std::uint64_t>(); }

std::string wire_reader::text() {
    const std::uint32_t size = u32();
    if (!ok_ || static_cast<std::size_t>(end_ - data_) < size) {
        ok_ = false;
        return {};
    }
    std::string value(reinterpret_cast<const char*>(data_), size);
    data_ += size;
    return value;
}

wire_kind wire_reader::kind() { return static_cast<wire_kind>(u8()); }

bool wire_reader::file_facts(wire_file_facts& facts) {
    facts.opened = u8() != 0;
    facts.open_error = text();
    facts.major_version = u16();
    facts.minor_version = u16();
    facts.flags = u32();
    facts.records = static_cast<std::int32_t>(u32());
    facts.recovered_records = static_cast<std::int32_t>(u32());
    return ok_;
}

bool wire_reader::request(wire_request& request) {
    request.first = static_cast<std::int32_t>(u32());
    request.end = static_cast<std::int32_t>(u32());
    request.recovered = u8() != 0;
    return ok_;
}

bool wire_reader::item(wire_kind kind, wire_item& item) {
    item.has_header_id = u8() != 0;
    item.header_id = u64();
    if (kind == wire_kind::failure) {
        item.failure = read_error{};
        item.failure.offset = u64();
        item.failure.chunk = u64();
        item.failure.record_index = u64();
        item.failure.record_id = u64();
        item.failure.reason = text();
        return ok_;
    }
    event_record& r = item.record;
    r.provider_name = text();
    r.provider_guid = text();
    r.event_id = u32();
    const bool has_qualifiers = u8() != 0;
    const std::uint16_t qualifiers = u16();
    r.event_id_qualifiers = has_qualifiers ? std::optional<std::uint16_t>(qualifiers) : std::nullopt;
    r.version = u8();
    r.level = u8();
    r.task = u16();
    r.opcode = u8();
    r.keywords = u64();
    r.time_created = u64();
    r.record_id = u64();
    r.process_id = u32();
    r.thread_id = u32();
    r.channel = text();
    r.computer = text();
    r.user_sid = text();
    r.kind = static_cast<payload_kind>(u8());
    r.payload_name = text();
    const std::uint32_t fields = u32();
    r.fields.clear();
    for (std::uint32_t i = 0; i < fields && ok_; ++i) {
        payload_field field;
        field.name = text();
        field.value = text();
        r.fields.push_back(std::move(field));
    }
    r.file_offset = u64();
    r.recovered = false;
    return ok_;
}

}  // namespace evtxcar::libevtx
