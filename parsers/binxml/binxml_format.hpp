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

// --- Chunks
inline constexpr char chunk_signature[8] = {'E', 'l', 'f', 'C', 'h', 'n', 'k', '\0'};
inline constexpr std::size_t chunk_size = 65536;
inline constexpr std::size_t chunk_header_size = 512;
inline constexpr std::size_t chunk_header_checksummed_bytes = 120;  // bytes 0..119, then 128..511
inline constexpr std::size_t chunk_string_buckets = 64;
inline constexpr std::size_t chunk_template_buckets = 32;

// --- Event records
inline constexpr std::uint8_t record_signature[4] = {0x2a, 0x2a, 0x00, 0x00};
inline constexpr std::size_t record_header_size = 24;  // signature, size, id, written time

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

}  // namespace evtxcar::binxml
