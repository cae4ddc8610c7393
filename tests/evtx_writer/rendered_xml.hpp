#pragma once
// The XML a record shows when rendered, as a plain tree: what the writer
// means a record to say. Rendering follows libevtx (the form evtxexport
// prints, which parsers/event_record.hpp takes as the definition):
//   - an element whose content holds an optional substitution with a null
//     value is left out; so is an attribute whose value holds one;
//   - an element whose content is an array substitution is repeated, once per
//     array element;
//   - a nested binary XML value (type 0x21) puts its elements in place;
//   - entity and character references and CDATA become the characters they
//     stand for; invalid UTF-16 becomes U+FFFD.
// Tests read the independent tools' output into the same tree to compare.

#include <string>
#include <utility>
#include <vector>

#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

struct rendered_element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<rendered_element> children;
    std::string text;  // character data directly inside, concatenated

    const rendered_element* child(std::string_view child_name) const;
    const std::string* attribute(std::string_view attribute_name) const;
    // All text below this element, in document order of the elements.
    std::string text_content() const;

    friend bool operator==(const rendered_element&, const rendered_element&) = default;
};

// The top-level elements of a rendered template instance (one for a record).
std::vector<rendered_element> render(const template_instance& instance);

// Canonical multi-line text of a tree (one element per line, indented;
// attributes in order; text in brackets), for comparing trees in tests with
// readable differences.
std::string describe(const rendered_element& element);

// The text an entity reference stands for ("amp" -> "&"); throws for names
// other than lt, gt, amp, quot and apos.
std::string entity_text(std::u16string_view name);

}  // namespace evtxcar::evtx_writer
