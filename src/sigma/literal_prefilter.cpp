#include "sigma/literal_prefilter.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace evtxcar::sigma {

namespace {

constexpr std::size_t gram_size = 4;
constexpr std::size_t gram_bit_count = 1 << 16;

std::uint32_t gram_at(const char* text) {
    std::uint32_t gram = 0;
    std::memcpy(&gram, text, gram_size);
    return gram;
}

std::size_t gram_bit(std::uint32_t gram) { return (gram * 2654435761u) >> 16; }

void add_sorted_unique(std::vector<std::size_t>& lengths, std::size_t length) {
    const auto at = std::lower_bound(lengths.begin(), lengths.end(), length);
    if (at == lengths.end() || *at != length) lengths.insert(at, length);
}

// The value folded into the caller's buffer, as the matchers fold.
std::string_view fold(std::string_view value, std::string& buffer) {
    fold_text(value, buffer);
    return buffer;
}

}  // namespace

bool literal_prefilter::gram_table::has(std::uint32_t gram) const {
    if (texts.empty()) return false;
    const std::size_t bit = gram_bit(gram);
    return (bits[bit / 64] & (std::uint64_t{1} << (bit % 64))) != 0;
}

literal_prefilter::field_index& literal_prefilter::index_for(field_ref field) {
    for (field_index& index : fields_)
        if (index.field == field) return index;
    fields_.emplace_back();
    fields_.back().field = field;
    return fields_.back();
}

void literal_prefilter::add_to_table(gram_table& table, std::uint32_t gram, std::string_view text, std::uint32_t rule,
                                     std::unordered_map<std::string_view, std::size_t>& placed) {
    const auto [at, added] = placed.try_emplace(text, table.texts.size());
    if (!added) {
        table.texts[at->second].rules.push_back(rule);
        return;
    }
    if (table.bits.empty()) table.bits.assign(gram_bit_count / 64, 0);
    table.by_gram[gram].push_back(static_cast<std::uint32_t>(table.texts.size()));
    table.texts.push_back({text, {rule}});
    const std::size_t bit = gram_bit(gram);
    table.bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

literal_prefilter::literal_prefilter(const std::vector<const compiled_rule*>& rules) {
    // Where each text already is in each list, by field and list (thousands
    // of texts share a field: a search of the list for each would be
    // quadratic). Keyed by position: fields_ grows, and moves its entries.
    std::unordered_map<std::size_t, std::unordered_map<std::string_view, std::size_t>> placed;
    for (std::uint32_t position = 0; position < rules.size(); ++position) {
        const auto& literals = rules[position]->required_literals();
        if (!literals) {
            always_.push_back(position);
            continue;
        }
        ++indexed_;
        for (const literal_requirement& literal : *literals) {
            field_index& index = index_for(literal.field);
            const auto slot = static_cast<std::size_t>(&index - fields_.data());
            const std::string_view text = texts_.emplace_back(literal.text);
            auto placed_in = [&](std::size_t list) -> std::unordered_map<std::string_view, std::size_t>& {
                return placed[slot * 4 + list];
            };
            const bool long_text = text.size() >= gram_size;
            switch (literal.shape) {
            case string_matcher::shape::exact:
                index.exact[text].push_back(position);
                break;
            case string_matcher::shape::prefix:
                if (long_text) {
                    add_to_table(index.prefixes, gram_at(text.data()), text, position, placed_in(0));
                } else {
                    index.short_prefixes[text].push_back(position);
                    add_sorted_unique(index.prefix_lengths, text.size());
                }
                break;
            case string_matcher::shape::suffix:
                if (long_text) {
                    add_to_table(index.suffixes, gram_at(text.data() + text.size() - gram_size), text, position, placed_in(1));
                } else {
                    index.short_suffixes[text].push_back(position);
                    add_sorted_unique(index.suffix_lengths, text.size());
                }
                break;
            default:
                if (long_text) {
                    add_to_table(index.contained, gram_at(text.data()), text, position, placed_in(2));
                } else {
                    auto [at, added] = placed_in(3).try_emplace(text, index.short_texts.size());
                    if (added) {
                        index.short_texts.push_back({text, {position}});
                    } else {
                        index.short_texts[at->second].rules.push_back(position);
                    }
                }
                break;
            }
        }
    }
}

void literal_prefilter::look_up(const field_index& index, std::string_view folded, std::vector<std::uint32_t>& out) const {
    auto add = [&](const rule_list& rules) { out.insert(out.end(), rules.begin(), rules.end()); };
    if (!index.exact.empty())
        if (const auto found = index.exact.find(folded); found != index.exact.end()) add(found->second);
    for (std::size_t length : index.prefix_lengths) {
        if (length > folded.size()) break;
        if (const auto found = index.short_prefixes.find(folded.substr(0, length)); found != index.short_prefixes.end())
            add(found->second);
    }
    for (std::size_t length : index.suffix_lengths) {
        if (length > folded.size()) break;
        if (const auto found = index.short_suffixes.find(folded.substr(folded.size() - length));
            found != index.short_suffixes.end())
            add(found->second);
    }
    for (const listed_text& c : index.short_texts)
        if (folded.find(c.text) != std::string_view::npos) add(c.rules);
    if (folded.size() < gram_size) return;
    // A prefix or suffix of 4 bytes or more shares the value's first or last four.
    auto ends = [&](const gram_table& table, std::uint32_t gram, bool at_start) {
        if (!table.has(gram)) return;
        const auto found = table.by_gram.find(gram);
        if (found == table.by_gram.end()) return;
        for (std::uint32_t text_index : found->second) {
            const listed_text& entry = table.texts[text_index];
            const std::string_view text = entry.text;
            if (text.size() > folded.size()) continue;
            const char* from = at_start ? folded.data() : folded.data() + folded.size() - text.size();
            if (std::memcmp(from, text.data(), text.size()) == 0) add(entry.rules);
        }
    };
    ends(index.prefixes, gram_at(folded.data()), true);
    ends(index.suffixes, gram_at(folded.data() + folded.size() - gram_size), false);
    const gram_table& contained = index.contained;
    if (contained.texts.empty()) return;
    // Each long text is reported once per event: mark what was found.
    thread_local std::vector<std::uint32_t> found_texts;
    found_texts.clear();
    for (std::size_t i = 0; i + gram_size <= folded.size(); ++i) {
        const std::uint32_t gram = gram_at(folded.data() + i);
        if (!contained.has(gram)) continue;
        const auto starting = contained.by_gram.find(gram);
        if (starting == contained.by_gram.end()) continue;
        for (std::uint32_t text_index : starting->second) {
            const std::string_view text = contained.texts[text_index].text;
            if (folded.size() - i >= text.size() && std::memcmp(folded.data() + i, text.data(), text.size()) == 0)
                found_texts.push_back(text_index);
        }
    }
    std::sort(found_texts.begin(), found_texts.end());
    found_texts.erase(std::unique(found_texts.begin(), found_texts.end()), found_texts.end());
    for (std::uint32_t text_index : found_texts) add(contained.texts[text_index].rules);
}

void literal_prefilter::candidates(const event_view& event, std::vector<std::uint32_t>& out) const {
    const std::size_t start = out.size();
    out.insert(out.end(), always_.begin(), always_.end());
    thread_local std::string buffer;
    for (const field_index& index : fields_) {
        if (index.field == any_value_field) {
            // Keyword literals: looked up in every value of the event.
            event.for_each_value([&](std::string_view value) { look_up(index, fold(value, buffer), out); });
            continue;
        }
        const std::optional<std::string_view> value = event.value(index.field);
        if (!value) continue;
        look_up(index, fold(*value, buffer), out);
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()), out.end());
}

}  // namespace evtxcar::sigma
