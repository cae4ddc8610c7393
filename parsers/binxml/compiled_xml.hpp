#pragma once
// compiled_xml: binary XML read once into a flat list of operations, so that
// a template used by many records is parsed once per chunk and then only
// evaluated with each record's substitution values.
//
// Layout of an element:
//   element        a = name, b = index of the op after its end_element
//   attribute*     a = name; its value pieces follow
//     piece*       text / char_ref / entity_ref / substitution
//   content        a = index of the element's last direct substitution (or no_op)
//   item*          pieces, cdata, nested elements (with their own layout)
//   end_element
// A fragment holds one element or one template_instance.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode_error.hpp"

namespace evtxcar::binxml {

enum class op_code : std::uint8_t {
    element,
    attribute,
    content,
    end_element,
    text,               // a = offset in compiled_xml::text, b = size (UTF-8)
    cdata,              // same as text
    char_ref,           // a = code point
    entity_ref,         // a = name of the entity
    substitution,       // a = substitution index, flags: op_optional
    template_instance,  // a = chunk offset of the definition, b = chunk offset of the values
};

// op flags
inline constexpr std::uint8_t op_optional = 0x01;          // substitution: optional (0x0e)
inline constexpr std::uint8_t op_static_value = 0x02;      // element: direct text, cdata, char or entity reference

inline constexpr std::uint32_t no_op = ~std::uint32_t{0};

struct xml_op {
    op_code code;
    std::uint8_t flags = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
};

struct compiled_xml {
    std::vector<xml_op> ops;
    std::string text;  // text and cdata of the ops, UTF-8
    bool ok = false;
    bool names_intact = true;  // every name matched its stored hash (name_table.hpp)
    decode_error error;

    void clear() {
        ops.clear();
        text.clear();
        ok = false;
        names_intact = true;
        error = {};
    }
    std::string_view text_of(const xml_op& op) const { return std::string_view(text).substr(op.a, op.b); }
};

}  // namespace evtxcar::binxml
