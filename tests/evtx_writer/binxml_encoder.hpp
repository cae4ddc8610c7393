#pragma once
// Encodes a template instance as binary XML at a known position in a chunk,
// the way Windows does: fragment header, template instance whose definition
// is written inline on its first use in the chunk and referenced by offset
// afterwards, names stored once per chunk, typed values after their
// descriptors, nested binary XML (type 0x21) encoded in place.

#include <cstdint>

#include "chunk_tables.hpp"
#include "little_endian.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

class binxml_encoder {
public:
    // Appends to `out`, whose first byte (out[0]) lies at `base_offset` in the chunk.
    binxml_encoder(chunk_tables& tables, byte_buffer& out, std::uint32_t base_offset)
        : tables_(tables), out_(out), base_offset_(base_offset) {}

    // Fragment header, template instance, end-of-file token.
    void write_document(const template_instance& instance);

private:
    std::uint32_t offset() const;
    void write_template_instance(const template_instance& instance);
    void write_template_definition(const xml_template& definition);
    void write_element(const xml_node& node);
    void write_attributes(const xml_node& node);
    void write_pieces(const std::vector<xml_node>& pieces);  // content of an element or an attribute value
    void write_piece(const xml_node& piece, bool more_follows);
    void write_name(const std::u16string& name);
    void write_utf16_text(const std::u16string& text);  // count, then code units
    void write_values(const std::vector<substitution_value>& values);

    chunk_tables& tables_;
    byte_buffer& out_;
    std::uint32_t base_offset_;
};

}  // namespace evtxcar::evtx_writer
