#include "name_table.hpp"

#include "../text/utf8.hpp"
#include "binxml_format.hpp"

namespace evtxcar::binxml {

namespace {

struct known_spelling {
    std::string_view text;
    known_name name;
};

constexpr known_spelling known_spellings[] = {
    {"Event", known_name::event},
    {"System", known_name::system},
    {"Provider", known_name::provider},
    {"EventID", known_name::event_id},
    {"Version", known_name::version},
    {"Level", known_name::level},
    {"Task", known_name::task},
    {"Opcode", known_name::opcode},
    {"Keywords", known_name::keywords},
    {"TimeCreated", known_name::time_created},
    {"EventRecordID", known_name::event_record_id},
    {"Execution", known_name::execution},
    {"Channel", known_name::channel},
    {"Computer", known_name::computer},
    {"Security", known_name::security},
    {"EventData", known_name::event_data},
    {"UserData", known_name::user_data},
    {"Data", known_name::data},
    {"Name", known_name::name},
    {"Guid", known_name::guid},
    {"Qualifiers", known_name::qualifiers},
    {"SystemTime", known_name::system_time},
    {"ProcessID", known_name::process_id},
    {"ThreadID", known_name::thread_id},
    {"UserID", known_name::user_id},
};

}  // namespace

std::uint16_t name_hash(const std::uint8_t* utf16, std::size_t code_units) {
    std::uint32_t hash = 0;
    for (std::size_t i = 0; i < code_units; ++i) {
        hash = hash * 65599u + (std::uint32_t{utf16[2 * i]} | (std::uint32_t{utf16[2 * i + 1]} << 8));
    }
    return static_cast<std::uint16_t>(hash);
}

known_name classify_name(std::string_view text) {
    for (const known_spelling& k : known_spellings) {
        if (k.text == text) return k.name;
    }
    if (text.substr(0, 5) == "xmlns") return known_name::xmlns;
    return known_name::other;
}

void name_table::reset(byte_span chunk) {
    chunk_ = chunk;
    text_.clear();
    entries_.clear();
    by_offset_.clear();
}

std::size_t name_table::stored_size(std::uint32_t offset) const {
    std::uint16_t characters = 0;
    if (!chunk_.load(std::size_t{offset} + name_characters_offset, characters)) return 0;
    const std::size_t size = name_header_size + (std::size_t{characters} + 1) * 2;
    return chunk_.contains(offset, size) ? size : 0;
}

name_index name_table::lookup(std::uint32_t offset) {
    if (offset >= chunk_.size()) return invalid;
    if (auto known = by_offset_.find(offset)) return *known;
    const std::size_t size = stored_size(offset);
    if (size == 0) return invalid;
    const std::size_t characters = (size - name_header_size) / 2;  // the NUL included
    const std::size_t text_offset = text_.size();
    if (text_offset + characters * 3 > text_capacity) return invalid;
    append_utf16le_until_nul_as_utf8(text_, chunk_.data() + offset + name_header_size, characters);
    const std::string_view text = std::string_view(text_).substr(text_offset);
    const std::uint8_t* units = chunk_.data() + offset + name_header_size;
    const bool hash_ok = name_hash(units, characters - 1) == chunk_.u16(std::size_t{offset} + name_hash_offset);
    entries_.push_back({static_cast<std::uint32_t>(text_offset), static_cast<std::uint32_t>(text.size()),
                        classify_name(text), hash_ok});
    const auto index = static_cast<name_index>(entries_.size() - 1);
    by_offset_.insert(offset, index);
    return index;
}

}  // namespace evtxcar::binxml
