#include "token_compiler.hpp"

#include "../text/utf8.hpp"
#include "binxml_format.hpp"

namespace evtxcar::binxml {

namespace {
// Tokens compare without the "more data" bit (0x40). Other high bits make a
// token unknown.
constexpr std::uint8_t token_base_mask = 0xbf;

std::uint8_t base_of(std::uint8_t token) { return static_cast<std::uint8_t>(token & token_base_mask); }
}  // namespace

struct token_compiler::context {
    compiled_xml& out;
    std::size_t limit;    // no token may extend past this chunk offset
    bool dependency_ids;  // element start tokens carry a 2-byte dependency identifier
    // A template definition: its chunk offset, for out.layout (compiled_xml.hpp).
    bool is_template = false;
    std::size_t base = 0;
};

namespace {

// A copy of the name in `out`, which must not depend on the chunk's name table.
std::uint32_t add_name(compiled_xml& out, const name_entry& entry) {
    const auto text_offset = static_cast<std::uint32_t>(out.text.size());
    out.text.append(entry.text);
    out.names.push_back({text_offset, static_cast<std::uint32_t>(entry.text.size()), entry.known, entry.hash_ok});
    return static_cast<std::uint32_t>(out.names.size() - 1);
}

}  // namespace

bool token_compiler::fail(context& cx, std::size_t offset, const char* reason) {
    cx.out.ok = false;
    cx.out.error = {offset, reason};
    return false;
}

bool token_compiler::name_at(context& cx, std::size_t& pos, std::uint32_t& name) {
    if (pos + 4 > cx.limit) return fail(cx, pos, "name offset runs past the end of the data");
    const std::size_t field = pos;
    const std::uint32_t offset = chunk_.u32(pos);
    pos += 4;
    std::size_t inline_size = 0;
    if (offset == pos) {  // the name is stored right here
        inline_size = names_.stored_size(offset);
        if (inline_size == 0 || pos + inline_size > cx.limit) {
            return fail(cx, pos, "inline name runs past the end of the data");
        }
        pos += inline_size;
    }
    const name_index found = names_.lookup(offset);
    if (found == name_table::invalid) return fail(cx, offset, "name lies outside the chunk");
    const name_entry entry = names_.get(found);
    if (!entry.hash_ok) cx.out.names_intact = false;
    if (cx.is_template) {
        cx.out.layout.names.push_back(
            {static_cast<std::uint32_t>(field - cx.base), offset, static_cast<std::uint32_t>(inline_size)});
    }
    name = add_name(cx.out, entry);
    return true;
}

bool token_compiler::utf16_text(context& cx, std::size_t at, std::size_t characters, xml_op& op) {
    if (at + characters * 2 > cx.limit) return fail(cx, at, "text runs past the end of the data");
    op.a = static_cast<std::uint32_t>(cx.out.text.size());
    append_utf16le_until_nul_as_utf8(cx.out.text, chunk_.data() + at, characters);
    op.b = static_cast<std::uint32_t>(cx.out.text.size() - op.a);
    return true;
}

bool token_compiler::piece(context& cx, std::size_t& pos, bool& is_piece) {
    is_piece = true;
    const std::uint8_t token = chunk_.u8(pos);
    switch (base_of(token)) {
        case token_value: {
            if (pos + 4 > cx.limit) return fail(cx, pos, "value token runs past the end of the data");
            if (chunk_.u8(pos + 1) != value_string) return fail(cx, pos, "value token of a type other than string");
            const std::size_t characters = chunk_.u16(pos + 2);
            xml_op op{op_code::text};
            if (!utf16_text(cx, pos + 4, characters, op)) return false;
            cx.out.ops.push_back(op);
            pos += 4 + characters * 2;
            return true;
        }
        case token_char_ref: {
            if (pos + 3 > cx.limit) return fail(cx, pos, "character reference runs past the end of the data");
            cx.out.ops.push_back({op_code::char_ref, 0, chunk_.u16(pos + 1), 0});
            pos += 3;
            return true;
        }
        case token_entity_ref: {
            std::size_t next = pos + 1;
            std::uint32_t name = 0;
            if (!name_at(cx, next, name)) return false;
            cx.out.ops.push_back({op_code::entity_ref, 0, name, 0});
            pos = next;
            return true;
        }
        case token_normal_substitution:
        case token_optional_substitution: {
            if (token != token_normal_substitution && token != token_optional_substitution) {
                return fail(cx, pos, "substitution token with unknown flags");
            }
            if (pos + 4 > cx.limit) return fail(cx, pos, "substitution runs past the end of the data");
            const std::uint8_t flags = token == token_optional_substitution ? op_optional : 0;
            cx.out.ops.push_back({op_code::substitution, flags, chunk_.u16(pos + 1), 0});
            pos += 4;
            return true;
        }
        default:
            is_piece = false;
            return true;
    }
}

bool token_compiler::attribute(context& cx, std::size_t& pos) {
    std::size_t next = pos + 1;
    std::uint32_t name = 0;
    if (!name_at(cx, next, name)) return false;
    const std::size_t attribute_index = cx.out.ops.size();
    cx.out.ops.push_back({op_code::attribute, 0, name, 0});
    for (;;) {
        if (next >= cx.limit) return fail(cx, next, "attribute runs past the end of the data");
        bool is_piece = false;
        if (!piece(cx, next, is_piece)) return false;
        if (!is_piece) break;
    }
    cx.out.ops[attribute_index].b = static_cast<std::uint32_t>(cx.out.ops.size());
    pos = next;
    return true;
}

bool token_compiler::element(context& cx, std::size_t& pos, int depth) {
    if (depth > max_element_depth) return fail(cx, pos, "elements nested too deeply");
    const std::uint8_t token = chunk_.u8(pos);
    // Token, dependency id, data size. Some writers (the event collector's
    // forwarded events among them) leave the dependency id out where Windows
    // puts it. Names live in record data, inline right where they are used
    // or earlier in the chunk; when the name offset read after a dependency
    // id is no such place and the one read without it is, the element has
    // none.
    std::size_t next = pos + 1 + 4;
    if (cx.dependency_ids) {
        // What this guess found depends on where the element lies; a
        // template's layout keeps it, to be asked again of a copy elsewhere.
        auto plausible = [this, &cx](std::size_t field) {
            const bool found = plausible_name_at(chunk_, field);
            if (cx.is_template) {
                cx.out.layout.checks.push_back({static_cast<std::uint32_t>(field - cx.base), found});
            }
            return found;
        };
        if (plausible(next + 2) || !plausible(next)) next += 2;
    }
    if (next > cx.limit) return fail(cx, pos, "element start runs past the end of the data");
    std::uint32_t name = 0;
    if (!name_at(cx, next, name)) return false;
    const std::size_t element_index = cx.out.ops.size();
    cx.out.ops.push_back({op_code::element, 0, name, 0});

    if ((token & token_has_more_data) != 0) next += 4;  // attribute list size: the tokens say as much
    for (;;) {
        if (next >= cx.limit) return fail(cx, next, "element start runs past the end of the data");
        if (base_of(chunk_.u8(next)) != token_attribute) break;
        if (!attribute(cx, next)) return false;
    }
    const std::uint8_t close = chunk_.u8(next);
    if (close != token_close_start_element && close != token_close_empty_element) {
        return fail(cx, next, "element start is not closed");
    }
    ++next;
    const std::size_t content_index = cx.out.ops.size();
    cx.out.ops.push_back({op_code::content, 0, no_op, 0});

    if (close == token_close_start_element) {
        for (bool open = true; open;) {
            if (next >= cx.limit) return fail(cx, next, "element content runs past the end of the data");
            const std::uint8_t item = chunk_.u8(next);
            switch (base_of(item)) {
                case token_open_start_element:
                    if (!element(cx, next, depth + 1)) return false;
                    break;
                case token_end_element:
                    ++next;
                    open = false;
                    break;
                case token_cdata_section: {
                    if (next + 3 > cx.limit) return fail(cx, next, "CDATA section runs past the end of the data");
                    const std::size_t characters = chunk_.u16(next + 1);
                    xml_op op{op_code::cdata};
                    if (!utf16_text(cx, next + 3, characters, op)) return false;
                    cx.out.ops.push_back(op);
                    cx.out.ops[element_index].flags |= op_static_value;
                    next += 3 + characters * 2;
                    break;
                }
                case token_pi_target: {  // processing instructions carry no event data: stepped over
                    std::size_t after = next + 1;
                    std::uint32_t ignored = 0;
                    if (!name_at(cx, after, ignored)) return false;
                    next = after;
                    break;
                }
                case token_pi_data: {
                    if (next + 3 > cx.limit) return fail(cx, next, "PI data runs past the end of the data");
                    const std::size_t size = 3 + std::size_t{chunk_.u16(next + 1)} * 2;
                    if (next + size > cx.limit) return fail(cx, next, "PI data runs past the end of the data");
                    next += size;
                    break;
                }
                default: {
                    const std::size_t op_index = cx.out.ops.size();
                    bool is_piece = false;
                    if (!piece(cx, next, is_piece)) return false;
                    if (!is_piece) return fail(cx, next, "unexpected token in element content");
                    if (cx.out.ops[op_index].code == op_code::substitution) {
                        cx.out.ops[content_index].a = static_cast<std::uint32_t>(op_index);
                    } else {
                        cx.out.ops[element_index].flags |= op_static_value;
                    }
                    break;
                }
            }
        }
    }
    cx.out.ops.push_back({op_code::end_element});
    std::vector<xml_op>& ops = cx.out.ops;
    ops[element_index].b = static_cast<std::uint32_t>(ops.size());
    ops[element_index].c = static_cast<std::uint32_t>(content_index);
    // The direct items, listed once here rather than found among the child
    // elements at every evaluation.
    std::vector<std::uint32_t>& items = cx.out.items;
    ops[content_index].b = static_cast<std::uint32_t>(items.size());
    for (std::size_t k = content_index + 1; k + 1 < ops.size();) {
        if (ops[k].code == op_code::element) {
            k = ops[k].b;
            continue;
        }
        items.push_back(static_cast<std::uint32_t>(k));
        ++k;
    }
    ops[content_index].c = static_cast<std::uint32_t>(items.size() - ops[content_index].b);
    if (ops.size() == content_index + 2) ops[element_index].flags |= op_no_content;
    if (ops.size() == content_index + 3 && ops[content_index + 1].code == op_code::substitution) {
        ops[element_index].flags |= op_one_substitution;
        if (content_index == element_index + 3 && ops[element_index + 1].code == op_code::attribute &&
            ops[element_index + 2].code == op_code::text &&
            cx.out.names[ops[element_index + 1].a].known == known_name::name) {
            ops[element_index].flags |= op_named_value;
        }
    }
    pos = next;
    return true;
}

bool token_compiler::template_instance(context& cx, std::size_t& pos) {
    if (pos + template_instance_header_size > cx.limit) {
        return fail(cx, pos, "template instance runs past the end of the data");
    }
    const std::uint32_t definition = chunk_.u32(pos + template_instance_definition_offset);
    const std::size_t after = pos + template_instance_header_size;
    std::size_t values = after;
    if (definition == after) {  // the definition is stored inline, the values follow it
        std::uint32_t data_size = 0;
        if (!chunk_.load(std::size_t{definition} + template_definition_data_size_offset, data_size)) {
            return fail(cx, definition, "template definition lies outside the chunk");
        }
        values = after + template_definition_header_size + data_size;
    }
    if (values >= chunk_.size()) return fail(cx, pos, "template values lie outside the chunk");
    if (verify_template_ids_) {  // see the header
        std::uint32_t guid_start = 0;
        const bool loaded = chunk_.load(std::size_t{definition} + template_definition_guid_offset, guid_start);
        if (!loaded || guid_start != chunk_.u32(pos + template_instance_id_offset)) {
            return fail(cx, pos, "template instance does not match the definition it refers to");
        }
    }
    cx.out.ops.push_back({op_code::template_instance, 0, definition, static_cast<std::uint32_t>(values)});
    pos = values;
    return true;
}

void token_compiler::compile_template(std::uint32_t definition, compiled_xml& out) {
    out.clear();
    context cx{out, chunk_.size(), true, true, definition};
    const std::size_t data = std::size_t{definition} + template_definition_header_size;
    if (data + fragment_header_size >= chunk_.size()) {
        fail(cx, definition, "template definition lies outside the chunk");
        return;
    }
    if (chunk_.u8(data) != token_fragment_header) {
        fail(cx, data, "template definition does not start with a fragment header");
        return;
    }
    std::size_t pos = data + fragment_header_size;
    if (base_of(chunk_.u8(pos)) != token_open_start_element) {
        fail(cx, pos, "template definition holds no element");
        return;
    }
    out.ok = element(cx, pos, 0);
    out.layout.extent = static_cast<std::uint32_t>(pos - definition);
}

void token_compiler::compile_fragment(std::size_t offset, compiled_xml& out) {
    out.clear();
    context cx{out, chunk_.size(), true};
    if (offset + fragment_header_size >= chunk_.size() || chunk_.u8(offset) != token_fragment_header) {
        fail(cx, offset, "binary XML does not start with a fragment header");
        return;
    }
    std::size_t pos = offset + fragment_header_size;
    const std::uint8_t token = chunk_.u8(pos);
    if (token == token_template_instance) {
        out.ok = template_instance(cx, pos);
    } else if (base_of(token) == token_open_start_element) {
        out.ok = element(cx, pos, 0);
    } else {
        fail(cx, pos, "fragment holds neither an element nor a template instance");
    }
}

void token_compiler::compile_value(std::size_t offset, std::size_t end, compiled_xml& out) {
    out.clear();
    context cx{out, end, false};
    if (offset >= end) {
        fail(cx, offset, "binary XML value is empty");
        return;
    }
    std::size_t pos = offset;
    std::uint8_t token = chunk_.u8(pos);
    if (token == token_fragment_header) {
        if (pos + fragment_header_size >= end) {
            fail(cx, pos, "binary XML value ends after its fragment header");
            return;
        }
        pos += fragment_header_size;
        token = chunk_.u8(pos);
        cx.dependency_ids = true;
    }
    if (token == token_template_instance) {
        out.ok = template_instance(cx, pos);
    } else if (base_of(token) == token_open_start_element) {
        out.ok = element(cx, pos, 0);
    } else {
        fail(cx, pos, "binary XML value holds neither an element nor a template instance");
    }
}

bool plausible_name_at(byte_span chunk, std::size_t field) {
    std::uint32_t offset = 0;
    return chunk.load(field, offset) && offset >= chunk_header_size && offset <= field + 4;
}

}  // namespace evtxcar::binxml
