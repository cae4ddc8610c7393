#pragma once
// xml_evaluator: walks a record's compiled binary XML with the record's
// substitution values and reports the resulting elements, attributes and
// text to a record_assembler.
//
// The element model is libevtx's (so that both engines see the same event):
//   - an element whose content is an optional substitution of a null value
//     (the last substitution of its content decides) is left out;
//   - an element with text content (text, references, CDATA, or a
//     substitution of any type but binary XML) yields that text and none of
//     its child elements;
//   - an element whose content has an array substitution is repeated once
//     per array item; an attribute with one, once per item;
//   - a substitution of type binary XML yields the elements it holds;
//   - an attribute whose value is a null substitution is left out.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "byte_span.hpp"
#include "compiled_xml.hpp"
#include "decode_error.hpp"
#include "name_table.hpp"
#include "record_assembler.hpp"
#include "template_cache.hpp"
#include "token_compiler.hpp"
#include "value_ref.hpp"

namespace evtxcar::binxml {

class xml_evaluator {
public:
    // Binary XML values nest at most this deep (a value holding a template
    // whose values hold binary XML, ...).
    static constexpr int max_value_depth = 8;
    // Elements one record may produce; beyond it the record is refused (only
    // hostile data, with values that expand into each other, gets there).
    static constexpr std::size_t element_budget = 100000;
    // Bytes of values and text one record may put out (counted before
    // rendering, a value at its size plus 32); for the same reason.
    static constexpr std::size_t text_budget = std::size_t{16} << 20;

    xml_evaluator(name_table& names, template_cache& templates) : names_(names), templates_(templates) {}

    // Starts on a new chunk (the name table and template cache follow it).
    void reset(byte_span chunk) { chunk_ = chunk; }

    // Evaluates a record's binary XML, the chunk bytes [offset, end).
    // `carved`: the record comes from slack space, where what it refers to
    // may have been overwritten since, so everything must check out: its
    // template instances match their definitions (token_compiler), its names
    // their hashes, its values have known types, and its data ends where the
    // record does (values, then the end-of-file token).
    bool evaluate_record(std::size_t offset, std::size_t end, bool carved, record_assembler& out, decode_error& error);

private:
    struct values_view {
        std::size_t base = 0;  // first value in values_
        std::size_t count = 0;
    };

    bool fragment(const compiled_xml& xml, values_view values, int depth);
    bool template_instance(std::uint32_t definition, std::uint32_t values_offset, int depth);
    bool element(const compiled_xml& xml, std::size_t index, values_view values, int depth);
    // The general case of element(), apart so that the common shapes it
    // tries first stay small.
    bool any_element(const compiled_xml& xml, std::size_t index, values_view values, int depth);
    // The attributes of the element op at `element`, whose content op is at `content`.
    bool attributes(const compiled_xml& xml, std::size_t element, std::size_t content, values_view values);
    // `value` by value: evaluating it adds values (and may move values_).
    bool binxml_value(value_ref value, values_view values, int depth);
    bool attribute(const compiled_xml& xml, std::size_t first_piece, std::size_t end, const name_entry& name,
                   values_view values);
    // The value a substitution refers to; nullptr (and the error) when the
    // instance lacks it. A pointer, not a copy: a copy of a value stored
    // field by field moments before is a stalled load.
    const value_ref* value(values_view values, std::uint32_t index);
    bool append_piece(const compiled_xml& xml, const xml_op& op, values_view values, std::string& out);
    bool fail(std::size_t offset, const char* reason);
    // Takes `bytes` from the record's text budget; false (and the error) once it is spent.
    bool spend(std::size_t bytes);

    byte_span chunk_;
    name_table& names_;
    template_cache& templates_;
    record_assembler* out_ = nullptr;
    decode_error* error_ = nullptr;
    std::vector<value_ref> values_;                       // values of the template instances being evaluated
    std::vector<std::unique_ptr<compiled_xml>> scratch_;  // compiled record and value fragments, by depth
    std::string piece_text_;                              // scratch: text of a multi-piece value
    std::size_t elements_left_ = 0;
    std::size_t text_left_ = 0;
    bool carved_ = false;
    std::size_t record_end_ = 0;
};

}  // namespace evtxcar::binxml
