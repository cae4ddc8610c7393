#pragma once
// Constants of the EVTX file format and of binary XML, from the format
// description (shared/reference/evtx-format.asciidoc). Shared by the reader
// (parsers/binxml) and by the test-only EVTX writer (tests/evtx_writer).

#include <cstddef>
#include <cstdint>

namespace evtxcar::binxml {

// --- File header (first 4096 bytes of the file)
inline constexpr char file_signature[8] = {'E', 'l', 'f', 'F', 'i', 'l', 'e', '\0'};
inline constexpr std::size_t file_header_size = 4096;
inline constexpr std::size_t file_header_checksummed_bytes = 120;  // CRC32 over bytes 0..119
inline constexpr std::size_t file_header_declared_size = 128;      // "header size" field value
inline constexpr std::uint32_t file_flag_dirty = 0x0001;
inline constexpr std::uint32_t file_flag_full = 0x0002;
// Field offsets within the file header.
inline constexpr std::size_t file_header_first_chunk_offset = 8;   // u64
inline constexpr std::size_t file_header_last_chunk_offset = 16;   // u64
inline constexpr std::size_t file_header_next_record_offset = 24;  // u64
inline constexpr std::size_t file_header_size_offset = 32;         // u32, 128
inline constexpr std::size_t file_header_minor_offset = 36;        // u16
inline constexpr std::size_t file_header_major_offset = 38;        // u16
inline constexpr std::size_t file_header_block_size_offset = 40;   // u16, 4096: where the chunks start
inline constexpr std::size_t file_header_chunk_count_offset = 42;  // u16
inline constexpr std::size_t file_header_flags_offset = 120;       // u32
inline constexpr std::size_t file_header_checksum_offset = 124;    // u32

// --- Chunks
inline constexpr char chunk_signature[8] = {'E', 'l', 'f', 'C', 'h', 'n', 'k', '\0'};
inline constexpr std::size_t chunk_size = 65536;
inline constexpr std::size_t chunk_header_size = 512;
inline constexpr std::size_t chunk_header_checksummed_bytes = 120;  // bytes 0..119, then 128..511
inline constexpr std::size_t chunk_string_buckets = 64;
inline constexpr std::size_t chunk_template_buckets = 32;
// Field offsets within the chunk header.
inline constexpr std::size_t chunk_first_record_number_offset = 8;  // u64
inline constexpr std::size_t chunk_last_record_number_offset = 16;  // u64
inline constexpr std::size_t chunk_first_record_id_offset = 24;     // u64
inline constexpr std::size_t chunk_last_record_id_offset = 32;      // u64
inline constexpr std::size_t chunk_header_size_offset = 40;         // u32, 128
inline constexpr std::size_t chunk_last_record_offset_offset = 44;  // u32, from the chunk start
inline constexpr std::size_t chunk_free_space_offset_offset = 48;   // u32, from the chunk start
inline constexpr std::size_t chunk_records_checksum_offset = 52;    // u32, CRC32 of [512, free space)
inline constexpr std::size_t chunk_header_checksum_offset = 124;    // u32
inline constexpr std::uint32_t chunk_declared_header_size = 128;

// --- Event records
inline constexpr std::uint8_t record_signature[4] = {0x2a, 0x2a, 0x00, 0x00};
inline constexpr std::size_t record_header_size = 24;          // signature, size, id, written time
inline constexpr std::size_t record_size_offset = 4;           // u32, the whole record
inline constexpr std::size_t record_id_offset = 8;             // u64
inline constexpr std::size_t record_written_time_offset = 16;  // u64 FILETIME
inline constexpr std::size_t record_trailer_size = 4;          // u32 copy of the size, last in the record
inline constexpr std::size_t record_alignment = 8;             // records start on 8-byte boundaries
// The most records one chunk can hold: header and size copy alone, no data.
inline constexpr std::uint64_t max_records_per_chunk =
    (chunk_size - chunk_header_size) / (record_header_size + record_trailer_size);

// --- Names (element, attribute, entity and PI target names), at chunk offsets:
// u32 offset of the next name in the same hash bucket, u16 hash, u16 number
// of characters, the UTF-16LE characters, a NUL character.
inline constexpr std::size_t name_header_size = 8;
inline constexpr std::size_t name_hash_offset = 4;        // u16
inline constexpr std::size_t name_characters_offset = 6;  // u16

// --- Template definitions, at chunk offsets: u32 offset of the next
// definition in the same bucket, 16-byte GUID, u32 size of the binary XML
// that follows (fragment header, one element, end of file token).
inline constexpr std::size_t template_definition_header_size = 24;
inline constexpr std::size_t template_definition_data_size_offset = 20;
// A template instance token is followed by one unknown byte, the u32
// template identifier and the u32 chunk offset of the definition. When that
// offset is the position right after these 10 bytes, the definition follows
// inline and the instance values come after it.
inline constexpr std::size_t template_instance_header_size = 10;
inline constexpr std::size_t template_instance_id_offset = 2;  // u32, equals the first 4 GUID bytes
inline constexpr std::size_t template_instance_definition_offset = 6;
inline constexpr std::size_t template_definition_guid_offset = 4;
inline constexpr std::size_t template_value_descriptor_size = 4;  // u16 size, u8 type, u8 unused

inline constexpr std::size_t fragment_header_size = 4;  // token, major 1, minor 1, flags 0

// --- Binary XML tokens (the 0x40 bit: "has more data", e.g. attributes follow)
enum token : std::uint8_t {
    token_eof = 0x00,
    token_open_start_element = 0x01,
    token_close_start_element = 0x02,
    token_close_empty_element = 0x03,
    token_end_element = 0x04,
    token_value = 0x05,
    token_attribute = 0x06,
    token_cdata_section = 0x07,
    token_char_ref = 0x08,
    token_entity_ref = 0x09,
    token_pi_target = 0x0a,
    token_pi_data = 0x0b,
    token_template_instance = 0x0c,
    token_normal_substitution = 0x0d,
    token_optional_substitution = 0x0e,
    token_fragment_header = 0x0f,
};
inline constexpr std::uint8_t token_has_more_data = 0x40;
inline constexpr std::uint8_t token_type_mask = 0x1f;

// --- Substitution value types (0x80 bit: array of the base type)
enum value_type : std::uint8_t {
    value_null = 0x00,
    value_string = 0x01,       // UTF-16LE
    value_ansi_string = 0x02,  // code page
    value_int8 = 0x03,
    value_uint8 = 0x04,
    value_int16 = 0x05,
    value_uint16 = 0x06,
    value_int32 = 0x07,
    value_uint32 = 0x08,
    value_int64 = 0x09,
    value_uint64 = 0x0a,
    value_real32 = 0x0b,
    value_real64 = 0x0c,
    value_bool = 0x0d,  // 32-bit
    value_binary = 0x0e,
    value_guid = 0x0f,
    value_size_t = 0x10,
    value_filetime = 0x11,
    value_systemtime = 0x12,
    value_sid = 0x13,
    value_hex_int32 = 0x14,
    value_hex_int64 = 0x15,
    value_evt_handle = 0x20,
    value_binxml = 0x21,
    value_evt_xml = 0x23,
};
inline constexpr std::uint8_t value_array_flag = 0x80;

// --- Windows-1252, the code page libevtx applies to ANSI strings: code
// points of bytes 0x80..0x9F (0xFFFD where the code page defines none);
// every other byte is its own code point.
inline constexpr std::uint16_t windows_1252_0x80[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

}  // namespace evtxcar::binxml
