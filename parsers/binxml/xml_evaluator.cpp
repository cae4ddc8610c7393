#include "xml_evaluator.hpp"

#include "../text/utf8.hpp"
#include "binxml_format.hpp"
#include "value_text.hpp"

namespace evtxcar::binxml {

namespace {

// The character an entity reference stands for; empty for unknown entities.
std::string_view entity_text(std::string_view name) {
    if (name == "lt") return "<";
    if (name == "gt") return ">";
    if (name == "amp") return "&";
    if (name == "apos") return "'";
    if (name == "quot") return "\"";
    return {};
}

}  // namespace

bool xml_evaluator::fail(std::size_t offset, const char* reason) {
    *error_ = {offset, reason};
    return false;
}

bool xml_evaluator::spend(std::size_t bytes) {
    if (bytes > text_left_) return fail(0, "record expands to too much text");
    text_left_ -= bytes;
    return true;
}

bool xml_evaluator::evaluate_record(std::size_t offset, std::size_t end, bool carved, record_assembler& out,
                                    decode_error& error) {
    carved_ = carved;
    record_end_ = end;
    out_ = &out;
    error_ = &error;
    elements_left_ = element_budget;
    text_left_ = text_budget;
    values_.clear();
    if (scratch_.empty()) scratch_.push_back(std::make_unique<compiled_xml>());
    token_compiler(chunk_, names_, carved_).compile_fragment(offset, *scratch_[0]);
    return fragment(*scratch_[0], {}, 0);
}

bool xml_evaluator::fragment(const compiled_xml& xml, values_view values, int depth) {
    if (!xml.ok) {
        *error_ = xml.error;
        return false;
    }
    if (carved_ && !xml.names_intact) return fail(0, "a name it uses was overwritten");
    const xml_op& first = xml.ops.front();
    if (first.code == op_code::template_instance) return template_instance(first.a, first.b, depth);
    return element(xml, 0, values, depth);
}

bool xml_evaluator::template_instance(std::uint32_t definition, std::uint32_t values_offset, int depth) {
    token_compiler compiler(chunk_, names_, carved_);
    const compiled_xml& definition_xml = templates_.get(definition, compiler);
    if (!definition_xml.ok) {
        *error_ = definition_xml.error;
        return false;
    }
    if (carved_ && !definition_xml.names_intact) return fail(definition, "a name its template uses was overwritten");
    out_->template_begins(&definition_xml);
    std::uint32_t count = 0;
    if (!chunk_.load(values_offset, count)) return fail(values_offset, "template values lie outside the chunk");
    const std::size_t descriptors = std::size_t{values_offset} + 4;
    if (count > (chunk_.size() - descriptors) / template_value_descriptor_size) {
        return fail(values_offset, "template value count exceeds the chunk");
    }
    std::size_t data = descriptors + std::size_t{count} * template_value_descriptor_size;
    const std::size_t base = values_.size();
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t descriptor = descriptors + i * template_value_descriptor_size;
        const std::uint16_t size = chunk_.u16(descriptor);
        const std::uint8_t type = chunk_.u8(descriptor + 2);
        if (!chunk_.contains(data, size)) {
            values_.resize(base);
            return fail(descriptor, "template value runs past the end of the chunk");
        }
        if (carved_ && !is_known_value_type(type)) {
            values_.resize(base);
            return fail(descriptor, "template value of an unknown type");
        }
        values_.push_back({type, chunk_.data() + data, size});
        data += size;
    }
    if (carved_ && depth == 0 && (data + 1 > record_end_ || chunk_.u8(data) != token_eof)) {
        values_.resize(base);
        return fail(data, "template values do not end where the record does");
    }
    const bool ok = element(definition_xml, 0, {base, count}, depth);
    values_.resize(base);
    return ok;
}

const value_ref* xml_evaluator::value(values_view values, std::uint32_t index) {
    if (index >= values.count) {
        fail(0, "substitution refers to a value the template instance lacks");
        return nullptr;
    }
    return &values_[values.base + index];
}

bool xml_evaluator::binxml_value(value_ref value, values_view values, int depth) {
    if (depth > max_value_depth) return fail(0, "binary XML values nested too deeply");
    const auto at = static_cast<std::size_t>(value.data - chunk_.data());
    while (scratch_.size() <= static_cast<std::size_t>(depth)) scratch_.push_back(std::make_unique<compiled_xml>());
    compiled_xml& xml = *scratch_[static_cast<std::size_t>(depth)];
    token_compiler(chunk_, names_, carved_).compile_value(at, at + value.size, xml);
    return fragment(xml, values, depth);
}

bool xml_evaluator::append_piece(const compiled_xml& xml, const xml_op& op, values_view values, std::string& out) {
    switch (op.code) {
        case op_code::text:
        case op_code::cdata:
            if (!spend(op.b)) return false;
            out.append(xml.text_of(op));
            return true;
        case op_code::char_ref:
            if (!spend(4)) return false;
            append_code_point(out, op.a);
            return true;
        case op_code::entity_ref: {
            const std::string_view name = xml.name(op.a).text;
            if (!spend(name.size() + 2)) return false;
            const std::string_view character = entity_text(name);
            if (!character.empty()) {
                out.append(character);
            } else {
                out.append("&").append(name).append(";");
            }
            return true;
        }
        case op_code::substitution: {
            const value_ref* v = value(values, op.a);
            if (v == nullptr) return false;
            if (v->type == value_null || v->type == value_binxml) return true;
            if (!spend(v->size + 32)) return false;
            append_value_text(out, v->is_array() ? first_array_item(*v) : *v);
            return true;
        }
        default:
            return true;
    }
}

bool xml_evaluator::attribute(const compiled_xml& xml, std::size_t first_piece, std::size_t end, const name_entry& name,
                              values_view values) {
    const auto& ops = xml.ops;
    if (end - first_piece == 1 && ops[first_piece].code == op_code::substitution) {
        const value_ref* v = value(values, ops[first_piece].a);
        if (v == nullptr) return false;
        if (v->type == value_null) return true;  // no attribute
        if (v->type == value_binxml) {
            out_->attribute(name, std::string_view());  // binary XML has no text of its own
        } else if (v->is_array()) {
            const std::size_t items = array_item_count(*v);
            std::size_t offset = 0;
            if (!spend(v->size + 32 * items)) return false;
            for (std::size_t i = 0; i < items; ++i) out_->attribute(name, next_array_item(*v, offset));
        } else {
            if (!spend(v->size + 32)) return false;
            out_->attribute(name, *v);
        }
        return true;
    }
    if (end - first_piece == 1 && ops[first_piece].code == op_code::text) {
        if (!spend(ops[first_piece].b)) return false;
        out_->attribute(name, xml.text_of(ops[first_piece]));
        return true;
    }
    piece_text_.clear();
    for (std::size_t k = first_piece; k < end; ++k) {
        if (!append_piece(xml, ops[k], values, piece_text_)) return false;
    }
    out_->attribute(name, piece_text_);
    return true;
}

bool xml_evaluator::attributes(const compiled_xml& xml, std::size_t element, std::size_t content, values_view values) {
    const auto& ops = xml.ops;
    for (std::size_t k = element + 1; k < content;) {
        const name_entry name = xml.name(ops[k].a);
        const std::size_t pieces_end = ops[k].b;
        if (out_->wants_attribute(name) && !attribute(xml, k + 1, pieces_end, name, values)) return false;
        k = pieces_end;
    }
    return true;
}

bool xml_evaluator::element(const compiled_xml& xml, std::size_t index, values_view values, int depth) {
    if (elements_left_ == 0) return fail(0, "record expands to too many elements");
    --elements_left_;
    const auto& ops = xml.ops;
    const xml_op& start = ops[index];
    const std::size_t content = start.c;
    if ((start.flags & op_one_substitution) != 0) {
        // The most common element (<Data Name="...">%n</Data>, <EventID>%n</EventID>):
        // what the general path below makes of it, without its scans.
        const xml_op& only = ops[content + 1];
        const value_ref* v = value(values, only.a);
        if (v == nullptr) return false;
        if (!v->is_array()) {
            if (v->type == value_null && (only.flags & op_optional) != 0) return true;  // element left out
            if (v->type != value_binxml) {
                const bool has_text = v->type != value_null && !value_is_lone_line_feed(*v);
                // <Data Name="...">%n</Data> below <EventData>: one payload field.
                if ((start.flags & op_named_value) != 0 && out_->in_event_data()) {
                    const xml_op& name_text = ops[index + 2];
                    if (!spend(name_text.b)) return false;  // as attribute() would
                    if (has_text && !spend(v->size + 32)) return false;
                    out_->named_field(xml.text_of(name_text), has_text ? v : nullptr);
                    return true;
                }
                // <EventID>%n</EventID> and the other numbers below <System>;
                // <Channel>%n</Channel>, <Computer>%n</Computer>.
                if (content == index + 1) {
                    const known_name field = xml.name(start.a).known;
                    if (out_->numeric_system_field(field)) {
                        if (has_text && !spend(v->size + 32)) return false;
                        out_->system_number(field, has_text ? v : nullptr);
                        return true;
                    }
                    if (out_->text_system_field(field)) {
                        if (has_text && !spend(v->size + 32)) return false;
                        out_->system_text(field, has_text ? v : nullptr);
                        return true;
                    }
                }
            }
            if (!out_->start_element(xml.name(start.a))) return true;
            if (!attributes(xml, index, content, values)) return false;
            if (v->type == value_binxml) {
                if (!binxml_value(*v, values, depth + 1)) return false;
            } else if (v->type != value_null && !value_is_lone_line_feed(*v)) {
                if (!spend(v->size + 32)) return false;
                out_->text(*v);
            }
            out_->end_element();
            return true;
        }
    }
    if ((start.flags & op_no_content) != 0) {
        // <TimeCreated SystemTime="%n"/>, <Execution .../>: attributes only.
        if (!out_->start_element(xml.name(start.a))) return true;
        if (!attributes(xml, index, content, values)) return false;
        out_->end_element();
        return true;
    }
    return any_element(xml, index, values, depth);
}

bool xml_evaluator::any_element(const compiled_xml& xml, std::size_t index, values_view values, int depth) {
    const auto& ops = xml.ops;
    const xml_op& start = ops[index];
    const std::size_t content = start.c;
    const std::size_t item_count = ops[content].c;
    const std::uint32_t* const items = item_count == 0 ? nullptr : xml.items.data() + ops[content].b;

    // What the content makes of the element (see the header).
    bool has_text = (start.flags & op_static_value) != 0;
    std::size_t text_pieces = 0;
    std::size_t single_piece = no_op;
    std::size_t array_op = no_op;
    std::size_t repeats = 1;
    for (std::size_t i = 0; i < item_count; ++i) {
        const std::size_t k = items[i];
        const xml_op& op = ops[k];
        if (op.code == op_code::substitution) {
            const value_ref* v = value(values, op.a);
            if (v == nullptr) return false;
            if (v->type != value_null && v->type != value_binxml) {
                has_text = true;
                ++text_pieces;
                single_piece = k;
                if (v->is_array() && array_op == no_op) {
                    array_op = k;
                    repeats = array_item_count(*v);
                }
            }
        } else {
            ++text_pieces;
            single_piece = k;
        }
    }
    if (ops[content].a != no_op) {
        const xml_op& last = ops[ops[content].a];
        const value_ref* v = value(values, last.a);
        if (v == nullptr) return false;
        if (v->type == value_null && (last.flags & op_optional) != 0) return true;  // element left out
    }

    // The array the repeats walk through, item by item: a copy, since the
    // children of each repeat may add values (and move values_).
    value_ref repeated_array;
    if (array_op != no_op) {
        const value_ref* array = value(values, ops[array_op].a);
        if (array == nullptr) return false;
        repeated_array = *array;
    }
    std::size_t array_offset = 0;
    value_ref repeat_item;  // this repeat's item of the array
    for (std::size_t repeat = 0; repeat < repeats; ++repeat) {
        if (array_op != no_op) repeat_item = next_array_item(repeated_array, array_offset);
        if (!out_->start_element(xml.name(start.a))) return true;
        if (!attributes(xml, index, content, values)) return false;
        if (has_text) {
            // A lone line feed as the whole text counts as no text.
            if (text_pieces == 1) {
                const xml_op& only = ops[single_piece];
                bool lone_line_feed = false;
                if (only.code == op_code::text || only.code == op_code::cdata) {
                    lone_line_feed = xml.text_of(only) == "\n";
                } else if (only.code == op_code::substitution) {
                    const value_ref* v = value(values, only.a);
                    if (v == nullptr) return false;
                    if (v->is_array()) {
                        lone_line_feed = value_is_lone_line_feed(single_piece == array_op ? repeat_item
                                                                                          : first_array_item(*v));
                    } else {
                        lone_line_feed = value_is_lone_line_feed(*v);
                        if (!lone_line_feed) {
                            // The element's one piece of text (the other items are
                            // substitutions without text): the loop below would put
                            // out just this.
                            if (!spend(v->size + 32)) return false;
                            out_->text(*v);
                            out_->end_element();
                            continue;
                        }
                    }
                }
                if (lone_line_feed) {
                    out_->end_element();
                    continue;
                }
            }
            for (std::size_t i = 0; i < item_count; ++i) {  // child elements give way to the text
                const std::size_t k = items[i];
                const xml_op& op = ops[k];
                if (op.code == op_code::substitution) {
                    const value_ref* v = value(values, op.a);
                    if (v == nullptr) return false;
                    if (v->type != value_null && v->type != value_binxml) {
                        if (!spend(v->size + 32)) return false;
                        if (v->is_array()) {
                            out_->text(k == array_op ? repeat_item : first_array_item(*v));
                        } else {
                            out_->text(*v);
                        }
                    }
                } else if (op.code == op_code::text || op.code == op_code::cdata) {
                    if (!spend(op.b)) return false;
                    out_->text(xml.text_of(op));
                } else {
                    piece_text_.clear();
                    if (!append_piece(xml, op, values, piece_text_)) return false;
                    out_->text(piece_text_);
                }
            }
        } else {
            const std::size_t end = start.b - 1;  // the end_element op
            for (std::size_t k = content + 1; k < end;) {
                const xml_op& op = ops[k];
                if (op.code == op_code::element) {
                    if (!element(xml, k, values, depth)) return false;
                    k = op.b;
                    continue;
                }
                if (op.code == op_code::substitution) {
                    const value_ref* v = value(values, op.a);
                    if (v == nullptr) return false;
                    if (v->type == value_binxml && !binxml_value(*v, values, depth + 1)) return false;
                }
                ++k;
            }
        }
        out_->end_element();
    }
    return true;
}

}  // namespace evtxcar::binxml
