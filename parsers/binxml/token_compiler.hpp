#pragma once
// token_compiler: reads binary XML tokens (elements, attributes, values,
// substitutions, character and entity references, CDATA, processing
// instructions, template instances) into compiled_xml.

#include <cstddef>
#include <cstdint>

#include "byte_span.hpp"
#include "compiled_xml.hpp"
#include "name_table.hpp"

namespace evtxcar::binxml {

class token_compiler {
public:
    static constexpr int max_element_depth = 64;

    // With `verify_template_ids`, a template instance must carry the
    // identifier its definition starts with (the first four bytes of the
    // template GUID). Live records always do; a record carved from slack
    // space whose templates were overwritten does not, and is refused.
    token_compiler(byte_span chunk, name_table& names, bool verify_template_ids = false)
        : chunk_(chunk), names_(names), verify_template_ids_(verify_template_ids) {}

    // The template definition stored at chunk offset `definition` (its
    // header, then a fragment header, one element and the end token), with
    // out.layout: what the result depends on besides the bytes read.
    void compile_template(std::uint32_t definition, compiled_xml& out);

    // A record's binary XML at chunk offset `offset`: a fragment header,
    // then one element or one template instance.
    void compile_fragment(std::size_t offset, compiled_xml& out);

    // A substitution value of type binary XML, the bytes [offset, end): an
    // element (without dependency identifiers), a fragment or a template
    // instance.
    void compile_value(std::size_t offset, std::size_t end, compiled_xml& out);

private:
    struct context;

    bool element(context& cx, std::size_t& pos, int depth);
    bool attribute(context& cx, std::size_t& pos);
    bool piece(context& cx, std::size_t& pos, bool& is_piece);
    bool template_instance(context& cx, std::size_t& pos);
    bool name_at(context& cx, std::size_t& pos, std::uint32_t& name);
    bool utf16_text(context& cx, std::size_t at, std::size_t characters, xml_op& op);
    bool fail(context& cx, std::size_t offset, const char* reason);

    byte_span chunk_;
    name_table& names_;
    bool verify_template_ids_;
};

// Whether the 4 bytes at chunk offset `field` could be the offset of an
// element's name: in the chunk's data, and not after the name's own place.
bool plausible_name_at(byte_span chunk, std::size_t field);

}  // namespace evtxcar::binxml
