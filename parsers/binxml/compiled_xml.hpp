#pragma once
// compiled_xml: binary XML read once into a flat list of operations, so that
// a template used by many records is parsed once and then only evaluated
// with each record's substitution values. A compiled_xml holds copies of the
// names it uses (not references into a chunk's name table), so that a
// template compiled in one chunk can serve another chunk of the file whose
// definition has the same bytes (template_cache).
//
// Layout of an element (names are indexes into compiled_xml::names):
//   element        a = name, b = index of the op after its end_element,
//                  c = index of its content op
//   attribute*     a = name, b = index of the op after its pieces; its value pieces follow
//     piece*       text / char_ref / entity_ref / substitution
//   content        a = index of the element's last direct substitution (or no_op),
//                  b, c = its direct items (pieces and cdata, not child
//                  elements): items[b, b + c), op indexes in order
//   item*          pieces, cdata, nested elements (with their own layout)
//   end_element
// A fragment holds one element or one template_instance.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode_error.hpp"
#include "name_table.hpp"

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
inline constexpr std::uint8_t op_one_substitution = 0x04;  // element: its content is one substitution, nothing else
inline constexpr std::uint8_t op_named_value = 0x08;       // ... and its one attribute is Name="text"
                                                           // (ops: element, attribute, text, content, substitution)
inline constexpr std::uint8_t op_no_content = 0x10;        // element: nothing between its content op and its end

inline constexpr std::uint32_t no_op = ~std::uint32_t{0};

struct xml_op {
    op_code code;
    std::uint8_t flags = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t c = 0;
};

// What a template's compiled form depends on besides its bytes: the
// positions in the chunk where it lies. Recorded while a template definition
// compiles (offsets relative to the definition), so that template_cache can
// tell whether the same bytes elsewhere would compile to the same result.
struct template_layout {
    // A name the compiler looked up: where its offset field lies (relative
    // to the definition), the offset it held (in the chunk compiled), and,
    // for a name stored inline right after the field, the bytes it takes.
    struct name_field {
        std::uint32_t field;
        std::uint32_t offset;
        std::uint32_t inline_size;  // 0: stored elsewhere in the chunk
    };
    // A place where the compiler guessed from an offset's value whether an
    // element start carries a dependency identifier (token_compiler.cpp),
    // and what it found: a comparison with the position itself.
    struct position_check {
        std::uint32_t field;
        bool plausible;
    };
    std::vector<name_field> names;  // in the order the compiler looked them up (as compiled_xml::names)
    std::vector<position_check> checks;
    std::uint32_t extent = 0;  // bytes from the definition's start to the end of what was read
};

struct compiled_xml {
    struct stored_name {
        std::uint32_t text_offset;  // in `text`
        std::uint32_t text_size;
        known_name known;
        bool hash_ok;
    };

    std::vector<xml_op> ops;
    std::string text;  // text and cdata of the ops and the names' text, UTF-8
    std::vector<stored_name> names;
    std::vector<std::uint32_t> items;  // the elements' direct items (content ops say where theirs are)
    bool ok = false;
    bool names_intact = true;  // every name matched its stored hash (name_table.hpp)
    decode_error error;
    template_layout layout;  // filled by token_compiler::compile_template

    void clear() {
        ops.clear();
        text.clear();
        names.clear();
        items.clear();
        ok = false;
        names_intact = true;
        error = {};
        layout.names.clear();
        layout.checks.clear();
        layout.extent = 0;
    }
    std::string_view text_of(const xml_op& op) const { return std::string_view(text).substr(op.a, op.b); }
    name_entry name(std::uint32_t index) const {
        const stored_name& n = names[index];
        return {std::string_view(text.data() + n.text_offset, n.text_size), n.known, n.hash_ok};
    }
};

}  // namespace evtxcar::binxml
