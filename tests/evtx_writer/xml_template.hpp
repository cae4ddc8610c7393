#pragma once
// The binary XML a record holds, as a tree: a template (elements, attributes,
// text, substitution slots) and a template instance (the template plus the
// typed values for its slots). binxml_encoder turns it into bytes.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "guid.hpp"
#include "substitution_value.hpp"

namespace evtxcar::evtx_writer {

enum class xml_node_kind : std::uint8_t {
    element,
    text,                 // value text (token 0x05)
    substitution,         // normal (0x0d) or optional (0x0e) substitution
    character_reference,  // &#x263A; (token 0x08)
    entity_reference,     // &amp; (token 0x09)
    cdata,                // <![CDATA[...]]> (token 0x07)
};

struct xml_node;

struct xml_attribute {
    std::u16string name;
    std::vector<xml_node> value;  // text, substitutions and references, in order
};

struct xml_node {
    xml_node_kind kind = xml_node_kind::text;
    std::u16string name;  // element name, or entity name for an entity reference
    std::u16string text;  // text and CDATA
    std::vector<xml_attribute> attributes;
    std::vector<xml_node> children;
    std::uint16_t substitution_index = 0;
    std::uint8_t substitution_type = 0;  // the type the template declares
    bool optional = false;               // optional substitution: a null value removes the element
    char16_t character = 0;              // character reference
};

// --- building trees (names and text in UTF-8)
xml_node element(std::string_view name, std::vector<xml_attribute> attributes = {},
                 std::vector<xml_node> children = {});
xml_attribute attribute(std::string_view name, std::vector<xml_node> value);
xml_node text(std::string_view utf8);
xml_node text_utf16(std::u16string utf16);
xml_node substitution(std::uint16_t index, std::uint8_t declared_type);
xml_node optional_substitution(std::uint16_t index, std::uint8_t declared_type);
xml_node character_reference(char16_t character);
xml_node entity_reference(std::string_view name);  // lt, gt, amp, quot, apos
xml_node cdata(std::string_view utf8);

// A template: its identity in the chunk is its GUID, so two templates with
// the same GUID must be identical.
struct xml_template {
    guid id;
    xml_node root;
};

// A template whose GUID is derived from `identity`: give every different
// tree a different identity.
std::shared_ptr<const xml_template> make_template(std::string_view identity, xml_node root);

// A template with the values for its substitution slots: one record's event,
// or the nested binary XML of a value of type 0x21.
struct template_instance {
    std::shared_ptr<const xml_template> definition;
    std::vector<substitution_value> values;
};

}  // namespace evtxcar::evtx_writer
