#include "binxml_encoder.hpp"

#include <stdexcept>

#include "utf16_text.hpp"

namespace evtxcar::evtx_writer {

namespace {

constexpr std::uint8_t fragment_header[4] = {binxml::token_fragment_header, 1, 1, 0};  // version 1.1, no flags
constexpr std::uint8_t template_instance_version = 1;
constexpr std::uint16_t no_dependency = 0xFFFF;

// The substitution whose null value makes the element disappear, as Windows
// notes it in the element's start: the first optional substitution directly
// in the element's content.
std::uint16_t dependency_of(const xml_node& node) {
    for (const xml_node& child : node.children) {
        if (child.kind == xml_node_kind::substitution && child.optional) return child.substitution_index;
    }
    return no_dependency;
}

bool is_character_data(const xml_node& node) { return node.kind != xml_node_kind::element; }

}  // namespace

std::uint32_t binxml_encoder::offset() const { return base_offset_ + static_cast<std::uint32_t>(out_.size()); }

void binxml_encoder::write_document(const template_instance& instance) {
    out_.insert(out_.end(), std::begin(fragment_header), std::end(fragment_header));
    write_template_instance(instance);
    out_.push_back(binxml::token_eof);
}

void binxml_encoder::write_template_instance(const template_instance& instance) {
    const xml_template& definition = *instance.definition;
    out_.push_back(binxml::token_template_instance);
    out_.push_back(template_instance_version);
    append_le(out_, definition.id.data1());
    if (const auto known = tables_.find_template(definition.id)) {
        append_le(out_, *known);
    } else {
        const std::uint32_t definition_offset = offset() + 4;
        append_le(out_, definition_offset);
        const std::uint32_t next = tables_.add_template(definition.id, definition_offset);
        append_le(out_, next);
        write_template_definition(definition);
    }
    write_values(instance.values);
}

void binxml_encoder::write_template_definition(const xml_template& definition) {
    out_.insert(out_.end(), definition.id.bytes.begin(), definition.id.bytes.end());
    const std::size_t size_at = out_.size();
    append_le(out_, std::uint32_t{0});
    out_.insert(out_.end(), std::begin(fragment_header), std::end(fragment_header));
    write_element(definition.root);
    out_.push_back(binxml::token_eof);
    store_le(out_.data() + size_at, static_cast<std::uint32_t>(out_.size() - size_at - 4));
}

void binxml_encoder::write_element(const xml_node& node) {
    const bool has_attributes = !node.attributes.empty();
    out_.push_back(has_attributes ? binxml::token_open_start_element | binxml::token_has_more_data
                                  : binxml::token_open_start_element);
    append_le(out_, dependency_of(node));
    const std::size_t size_at = out_.size();
    append_le(out_, std::uint32_t{0});
    write_name(node.name);
    if (has_attributes) write_attributes(node);
    if (node.children.empty()) {
        out_.push_back(binxml::token_close_empty_element);
    } else {
        out_.push_back(binxml::token_close_start_element);
        write_pieces(node.children);
        out_.push_back(binxml::token_end_element);
    }
    store_le(out_.data() + size_at, static_cast<std::uint32_t>(out_.size() - size_at - 4));
}

void binxml_encoder::write_attributes(const xml_node& node) {
    const std::size_t size_at = out_.size();
    append_le(out_, std::uint32_t{0});
    for (std::size_t i = 0; i < node.attributes.size(); ++i) {
        const bool last = i + 1 == node.attributes.size();
        out_.push_back(last ? binxml::token_attribute : binxml::token_attribute | binxml::token_has_more_data);
        write_name(node.attributes[i].name);
        write_pieces(node.attributes[i].value);
    }
    store_le(out_.data() + size_at, static_cast<std::uint32_t>(out_.size() - size_at - 4));
}

void binxml_encoder::write_pieces(const std::vector<xml_node>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const bool more_follows = i + 1 < pieces.size() && is_character_data(pieces[i + 1]);
        write_piece(pieces[i], more_follows);
    }
}

void binxml_encoder::write_piece(const xml_node& piece, bool more_follows) {
    const std::uint8_t more = more_follows ? binxml::token_has_more_data : 0;
    switch (piece.kind) {
        case xml_node_kind::element:
            write_element(piece);
            break;
        case xml_node_kind::text:
            out_.push_back(binxml::token_value | more);
            out_.push_back(binxml::value_string);
            write_utf16_text(piece.text);
            break;
        case xml_node_kind::substitution:
            out_.push_back(piece.optional ? binxml::token_optional_substitution : binxml::token_normal_substitution);
            append_le(out_, piece.substitution_index);
            out_.push_back(piece.substitution_type);
            break;
        case xml_node_kind::character_reference:
            out_.push_back(binxml::token_char_ref | more);
            append_le(out_, static_cast<std::uint16_t>(piece.character));
            break;
        case xml_node_kind::entity_reference:
            out_.push_back(binxml::token_entity_ref | more);
            write_name(piece.name);
            break;
        case xml_node_kind::cdata:
            out_.push_back(binxml::token_cdata_section | more);
            write_utf16_text(piece.text);
            break;
    }
}

void binxml_encoder::write_name(const std::u16string& name) {
    if (const auto known = tables_.find_name(name)) {
        append_le(out_, *known);
        return;
    }
    const std::uint32_t name_offset = offset() + 4;
    append_le(out_, name_offset);
    const std::uint16_t hash = name_hash(name);
    append_le(out_, tables_.add_name(name, hash, name_offset));
    append_le(out_, hash);
    append_le(out_, static_cast<std::uint16_t>(name.size()));
    append_utf16le(out_, std::u16string_view(name));
    append_le(out_, std::uint16_t{0});
}

void binxml_encoder::write_utf16_text(const std::u16string& text) {
    if (text.size() > 0xFFFF) throw std::length_error("text longer than 65535 code units");
    append_le(out_, static_cast<std::uint16_t>(text.size()));
    append_utf16le(out_, std::u16string_view(text));
}

void binxml_encoder::write_values(const std::vector<substitution_value>& values) {
    append_le(out_, static_cast<std::uint32_t>(values.size()));
    const std::size_t descriptors_at = out_.size();
    for (const substitution_value& value : values) {
        append_le(out_, static_cast<std::uint16_t>(value.data().size()));  // fragments: patched below
        out_.push_back(value.type());
        out_.push_back(0);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const substitution_value& value = values[i];
        if (const template_instance* fragment = value.fragment()) {
            const std::size_t start = out_.size();
            write_document(*fragment);
            const std::size_t size = out_.size() - start;
            if (size > 0xFFFF) throw std::length_error("nested binary XML larger than 65535 bytes");
            store_le(out_.data() + descriptors_at + 4 * i, static_cast<std::uint16_t>(size));
        } else {
            out_.insert(out_.end(), value.data().begin(), value.data().end());
        }
    }
}

}  // namespace evtxcar::evtx_writer
