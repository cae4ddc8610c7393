// The fixed-layout parts of an EVTX file: CRC-32, the file header, chunk
// headers, record headers, and the names of a chunk. Byte layouts follow the
// format description (shared/reference/evtx-format.asciidoc).
#include <cstring>
#include <vector>

#include "binxml/binxml_format.hpp"
#include "binxml/chunk_header.hpp"
#include "binxml/crc32.hpp"
#include "binxml/file_header.hpp"
#include "binxml/name_table.hpp"
#include "binxml/offset_map.hpp"
#include "binxml/record_header.hpp"
#include "catch.hpp"

using namespace evtxcar::binxml;

namespace {

void put32(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint32_t value) {
    std::memcpy(bytes.data() + at, &value, sizeof value);
}
void put64(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint64_t value) {
    std::memcpy(bytes.data() + at, &value, sizeof value);
}

std::vector<std::uint8_t> record_bytes(std::uint32_t size, std::uint64_t id) {
    std::vector<std::uint8_t> bytes(size, 0);
    std::memcpy(bytes.data(), record_signature, 4);
    put32(bytes, 4, size);
    put64(bytes, 8, id);
    put32(bytes, size - 4, size);
    return bytes;
}

}  // namespace

TEST_CASE("crc32 matches the RFC 1952 check value, also in parts", "[binxml][format]") {
    const char* check = "123456789";
    const auto* data = reinterpret_cast<const std::uint8_t*>(check);
    CHECK(crc32(data, 9) == 0xCBF43926u);
    CHECK(crc32(data + 4, 5, crc32(data, 4)) == 0xCBF43926u);
    CHECK(crc32(data, 0) == 0u);
}

TEST_CASE("file header: fields, flags and checksum", "[binxml][format]") {
    std::vector<std::uint8_t> bytes(file_header_size, 0);
    std::memcpy(bytes.data(), file_signature, 8);
    put64(bytes, file_header_last_chunk_offset, 35);
    put32(bytes, file_header_size_offset, 128);
    bytes[file_header_minor_offset] = 1;
    bytes[file_header_major_offset] = 3;
    put32(bytes, file_header_flags_offset, file_flag_dirty);
    bytes[file_header_chunk_count_offset] = 36;
    put32(bytes, file_header_checksum_offset, crc32(bytes.data(), file_header_checksummed_bytes));
    auto header = read_file_header(byte_span(bytes.data(), bytes.size()), "x.evtx");
    REQUIRE(header.ok());
    CHECK(header->chunk_count == 36);
    CHECK(header->major_version == 3);
    CHECK(header->minor_version == 1);
    CHECK(header->dirty());
    CHECK_FALSE(header->full());
    CHECK(header->checksum_ok());
    bytes[file_header_chunk_count_offset] = 37;  // checksum now stale
    CHECK_FALSE(read_file_header(byte_span(bytes.data(), bytes.size()), "x.evtx")->checksum_ok());
}

TEST_CASE("file header: empty, foreign and truncated files are refused with a reason", "[binxml][format]") {
    const std::uint8_t text[] = "MZ not an event log";
    auto empty = read_file_header(byte_span(), "e.evtx");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().reason == "empty file");
    CHECK(empty.error().file == "e.evtx");
    auto foreign = read_file_header(byte_span(text, sizeof text), "f.evtx");
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().reason == "not an EVTX file (no \"ElfFile\" signature)");
    std::vector<std::uint8_t> short_header(20, 0);
    std::memcpy(short_header.data(), file_signature, 8);
    auto truncated = read_file_header(byte_span(short_header.data(), short_header.size()), "t.evtx");
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().reason == "file header truncated");
}

TEST_CASE("chunk header: states, fields and both checksums", "[binxml][format]") {
    std::vector<std::uint8_t> chunk(chunk_size, 0);
    CHECK(classify_chunk(byte_span(chunk.data(), chunk.size())) == chunk_state::empty);
    chunk[0] = 'X';
    CHECK(classify_chunk(byte_span(chunk.data(), chunk.size())) == chunk_state::no_signature);
    std::memcpy(chunk.data(), chunk_signature, 8);
    CHECK(classify_chunk(byte_span(chunk.data(), chunk.size())) == chunk_state::valid);

    const auto record = record_bytes(32, 7);
    std::memcpy(chunk.data() + chunk_header_size, record.data(), record.size());
    put64(chunk, chunk_first_record_number_offset, 7);
    put64(chunk, chunk_last_record_number_offset, 7);
    put32(chunk, chunk_header_size_offset, 128);
    put32(chunk, chunk_last_record_offset_offset, chunk_header_size);
    put32(chunk, chunk_free_space_offset_offset, chunk_header_size + 32);
    put32(chunk, chunk_records_checksum_offset, crc32(chunk.data() + chunk_header_size, 32));
    std::uint32_t header_crc = crc32(chunk.data(), chunk_header_checksummed_bytes);
    header_crc = crc32(chunk.data() + 128, chunk_header_size - 128, header_crc);
    put32(chunk, chunk_header_checksum_offset, header_crc);

    const byte_span span(chunk.data(), chunk.size());
    const chunk_header header = read_chunk_header(span);
    CHECK(header.header_checksum_ok());
    CHECK(records_checksum_ok(span, header));
    CHECK(header.claimed_record_count() == 1);
    CHECK(header.last_record_offset == chunk_header_size);

    chunk[chunk_header_size + 10] ^= 0x01;  // record data changed
    CHECK_FALSE(records_checksum_ok(span, header));
    chunk[200] ^= 0x01;  // inside the checksummed part of the header
    CHECK_FALSE(read_chunk_header(span).header_checksum_ok());
}

TEST_CASE("record header: each way a header can be wrong", "[binxml][format]") {
    std::vector<std::uint8_t> chunk(4096, 0);
    const byte_span span(chunk.data(), chunk.size());
    record_header header;
    CHECK(read_record_header(span, 512, header) == record_header_status::zero_fill);
    chunk[512] = 'Q';
    CHECK(read_record_header(span, 512, header) == record_header_status::no_signature);

    auto place = [&](const std::vector<std::uint8_t>& record, std::size_t at) {
        std::memcpy(chunk.data() + at, record.data(), record.size());
    };
    place(record_bytes(64, 42), 512);
    REQUIRE(read_record_header(span, 512, header) == record_header_status::ok);
    CHECK(header.size == 64);
    CHECK(header.record_id == 42);

    put32(chunk, 512 + 4, 20);
    CHECK(read_record_header(span, 512, header) == record_header_status::size_too_small);
    put32(chunk, 512 + 4, 8192);
    CHECK(read_record_header(span, 512, header) == record_header_status::size_beyond_chunk);
    put32(chunk, 512 + 4, 56);
    CHECK(read_record_header(span, 512, header) == record_header_status::size_copy_mismatch);
    CHECK(read_record_header(span, 4090, header) == record_header_status::size_beyond_chunk);
}

TEST_CASE("find_next_record skips damage to the next consistent header", "[binxml][format]") {
    std::vector<std::uint8_t> chunk(4096, 0xAB);
    auto damaged = record_bytes(64, 1);
    put32(damaged, 60, 999);  // size copy wrong
    std::memcpy(chunk.data() + 512, damaged.data(), damaged.size());
    const auto good = record_bytes(48, 2);
    std::memcpy(chunk.data() + 1000, good.data(), good.size());
    const byte_span span(chunk.data(), chunk.size());
    CHECK(find_next_record(span, 512) == 1000);
    CHECK(find_next_record(span, 1001) == chunk.size());
}

TEST_CASE("name_table decodes names once and knows the event names", "[binxml][format]") {
    std::vector<std::uint8_t> chunk(1024, 0);
    // A name at 0x100: next (u32), hash (u16), count (u16), "Event", NUL.
    const char16_t name[] = u"Event";
    put32(chunk, 0x100, 0);
    chunk[0x104] = 0xba;  // hash of "Event": the low bits of h * 65599 + unit, 0x0cba
    chunk[0x105] = 0x0c;
    chunk[0x106] = 5;
    for (std::size_t i = 0; i < 5; ++i) chunk[0x108 + 2 * i] = static_cast<std::uint8_t>(name[i]);
    name_table names;
    names.reset(byte_span(chunk.data(), chunk.size()));
    const name_index index = names.lookup(0x100);
    REQUIRE(index != name_table::invalid);
    CHECK(names.get(index).text == "Event");
    CHECK(names.get(index).known == known_name::event);
    CHECK(names.get(index).hash_ok);
    CHECK(names.lookup(0x100) == index);
    CHECK(names.stored_size(0x100) == 8 + 12);
    CHECK(names.lookup(1020) == name_table::invalid);  // runs past the chunk
    CHECK(classify_name("xmlns:auto-ns2") == known_name::xmlns);
    CHECK(classify_name("data") == known_name::other);  // names are case-sensitive
}

TEST_CASE("crc32 gives the same result for every length and alignment", "[binxml][format]") {
    // The folding path (64 bytes and more, where the CPU has it) must agree
    // with the byte-at-a-time definition.
    std::vector<std::uint8_t> data(1000);
    std::uint32_t seed = 12345;
    for (std::uint8_t& b : data) {
        seed = seed * 1103515245u + 12345u;
        b = static_cast<std::uint8_t>(seed >> 16);
    }
    auto bitwise = [](const std::uint8_t* p, std::size_t n) {
        std::uint32_t crc = 0xFFFFFFFFu;
        for (std::size_t i = 0; i < n; ++i) {
            crc ^= p[i];
            for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    };
    for (std::size_t start : {0u, 1u, 3u, 8u}) {
        for (std::size_t length : {0u, 15u, 63u, 64u, 65u, 127u, 128u, 200u, 511u, 977u}) {
            CAPTURE(start, length);
            CHECK(crc32(data.data() + start, length) == bitwise(data.data() + start, length));
        }
    }
}

TEST_CASE("offset_map tells every offset apart, the largest included", "[binxml][format]") {
    offset_map map;
    CHECK_FALSE(map.find(0xFFFFFFFFu).has_value());  // an empty map knows no offset
    for (std::uint32_t offset = 0; offset < 1000; ++offset) map.insert(offset * 7, offset);
    map.insert(0xFFFFFFFFu, 4242);
    for (std::uint32_t offset = 0; offset < 1000; ++offset) CHECK(map.find(offset * 7) == offset);
    CHECK(map.find(0xFFFFFFFFu) == 4242u);
    CHECK_FALSE(map.find(1).has_value());
    map.clear();
    CHECK_FALSE(map.find(0xFFFFFFFFu).has_value());
    CHECK_FALSE(map.find(7).has_value());
}
