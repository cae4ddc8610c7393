#include "rendered_xml.hpp"

#include <stdexcept>

#include "utf16_text.hpp"

namespace evtxcar::evtx_writer {

namespace {

class renderer {
public:
    explicit renderer(const std::vector<substitution_value>& values) : values_(values) {}

    void render_element(const xml_node& node, std::vector<rendered_element>& out) const {
        std::size_t copies = 1;
        for (const xml_node& child : node.children) {
            if (child.kind != xml_node_kind::substitution) continue;
            const substitution_value& value = value_at(child.substitution_index);
            if (child.optional && value.is_null()) return;
            if (value.is_array()) copies = value.text_count();
        }
        rendered_element shown;
        shown.name = utf8_from_utf16(node.name);
        for (const xml_attribute& attribute : node.attributes) {
            if (holds_null_optional(attribute.value)) continue;
            rendered_element holder;
            for (const xml_node& piece : attribute.value) append_piece(piece, 0, holder);
            shown.attributes.emplace_back(utf8_from_utf16(attribute.name), holder.text);
        }
        for (std::size_t copy = 0; copy < copies; ++copy) {
            rendered_element element = shown;
            for (const xml_node& child : node.children) append_piece(child, copy, element);
            out.push_back(std::move(element));
        }
    }

private:
    const substitution_value& value_at(std::uint16_t index) const {
        if (index >= values_.size()) throw std::out_of_range("template refers to a missing substitution value");
        return values_[index];
    }

    bool holds_null_optional(const std::vector<xml_node>& pieces) const {
        for (const xml_node& piece : pieces) {
            if (piece.kind == xml_node_kind::substitution && piece.optional &&
                value_at(piece.substitution_index).is_null()) {
                return true;
            }
        }
        return false;
    }

    void append_piece(const xml_node& piece, std::size_t array_item, rendered_element& into) const {
        switch (piece.kind) {
            case xml_node_kind::element:
                render_element(piece, into.children);
                break;
            case xml_node_kind::text:
            case xml_node_kind::cdata:
                into.text += utf8_from_utf16(piece.text);
                break;
            case xml_node_kind::character_reference:
                into.text += utf8_from_utf16(std::u16string(1, piece.character));
                break;
            case xml_node_kind::entity_reference:
                into.text += entity_text(piece.name);
                break;
            case xml_node_kind::substitution: {
                const substitution_value& value = value_at(piece.substitution_index);
                if (const template_instance* fragment = value.fragment()) {
                    for (rendered_element& element : render(*fragment)) into.children.push_back(std::move(element));
                } else if (value.text_count() > 0) {
                    into.text += value.text(value.is_array() ? array_item : 0);
                }
                break;
            }
        }
    }

    const std::vector<substitution_value>& values_;
};

}  // namespace

const rendered_element* rendered_element::child(std::string_view child_name) const {
    for (const rendered_element& element : children) {
        if (element.name == child_name) return &element;
    }
    return nullptr;
}

const std::string* rendered_element::attribute(std::string_view attribute_name) const {
    for (const auto& entry : attributes) {
        if (entry.first == attribute_name) return &entry.second;
    }
    return nullptr;
}

std::string rendered_element::text_content() const {
    std::string all = text;
    for (const rendered_element& element : children) all += element.text_content();
    return all;
}

namespace {

void describe_into(const rendered_element& element, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += "<" + element.name;
    for (const auto& [attribute_name, value] : element.attributes) out += " " + attribute_name + "=\"" + value + "\"";
    out += ">";
    if (!element.text.empty()) out += " [" + element.text + "]";
    out += "\n";
    for (const rendered_element& child : element.children) describe_into(child, depth + 1, out);
}

}  // namespace

std::string describe(const rendered_element& element) {
    std::string out;
    describe_into(element, 0, out);
    return out;
}

std::vector<rendered_element> render(const template_instance& instance) {
    std::vector<rendered_element> out;
    renderer(instance.values).render_element(instance.definition->root, out);
    return out;
}

std::string entity_text(std::u16string_view name) {
    if (name == u"lt") return "<";
    if (name == u"gt") return ">";
    if (name == u"amp") return "&";
    if (name == u"quot") return "\"";
    if (name == u"apos") return "'";
    throw std::invalid_argument("not a predefined XML entity");
}

}  // namespace evtxcar::evtx_writer
