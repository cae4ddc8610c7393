#include "xml_template.hpp"

#include "utf16_text.hpp"

namespace evtxcar::evtx_writer {

xml_node element(std::string_view name, std::vector<xml_attribute> attributes, std::vector<xml_node> children) {
    xml_node node;
    node.kind = xml_node_kind::element;
    node.name = utf16_from_utf8(name);
    node.attributes = std::move(attributes);
    node.children = std::move(children);
    return node;
}

xml_attribute attribute(std::string_view name, std::vector<xml_node> value) {
    return {utf16_from_utf8(name), std::move(value)};
}

xml_node text(std::string_view utf8) { return text_utf16(utf16_from_utf8(utf8)); }

xml_node text_utf16(std::u16string utf16) {
    xml_node node;
    node.kind = xml_node_kind::text;
    node.text = std::move(utf16);
    return node;
}

xml_node substitution(std::uint16_t index, std::uint8_t declared_type) {
    xml_node node;
    node.kind = xml_node_kind::substitution;
    node.substitution_index = index;
    node.substitution_type = declared_type;
    return node;
}

xml_node optional_substitution(std::uint16_t index, std::uint8_t declared_type) {
    xml_node node = substitution(index, declared_type);
    node.optional = true;
    return node;
}

xml_node character_reference(char16_t character) {
    xml_node node;
    node.kind = xml_node_kind::character_reference;
    node.character = character;
    return node;
}

xml_node entity_reference(std::string_view name) {
    xml_node node;
    node.kind = xml_node_kind::entity_reference;
    node.name = utf16_from_utf8(name);
    return node;
}

xml_node cdata(std::string_view utf8) {
    xml_node node;
    node.kind = xml_node_kind::cdata;
    node.text = utf16_from_utf8(utf8);
    return node;
}

std::shared_ptr<const xml_template> make_template(std::string_view identity, xml_node root) {
    return std::make_shared<const xml_template>(
        xml_template{guid_from_seed("evtxcar template " + std::string(identity)), std::move(root)});
}

}  // namespace evtxcar::evtx_writer
