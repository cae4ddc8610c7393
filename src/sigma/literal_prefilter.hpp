#pragma once
// literal_prefilter: which of a set of rules may match an event, found by
// looking up each rule's required literals (required_literals.hpp) in the
// event's folded values, once per field for all rules: exact values by
// hash; prefixes, suffixes and contained text of 4 bytes or more by four of
// their bytes (one look per value for prefixes and suffixes, one per byte
// for contained text), shorter ones by hash or search.
// Keyword (field-less) literals are looked up in every value of the event.
// Rules without required literals are always candidates. Never drops a
// rule that matches: it only spares evaluating those that cannot.

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sigma/compiled_rule.hpp"

namespace evtxcar::sigma {

class literal_prefilter {
public:
    explicit literal_prefilter(const std::vector<const compiled_rule*>& rules);

    // Appends the positions (in the list given at construction) of the
    // rules that may match `event`, ascending and each once. Allocates
    // nothing once `out` has grown to the number of rules.
    void candidates(const event_view& event, std::vector<std::uint32_t>& out) const;

    std::size_t indexed() const { return indexed_; }       // rules with required literals
    std::size_t unindexed() const { return always_.size(); }  // evaluated on every event

private:
    using rule_list = std::vector<std::uint32_t>;
    struct listed_text {
        std::string_view text;
        rule_list rules;
    };
    // Texts of 4 bytes or more found by 4 bytes of the value (its start,
    // its end, or each place in it): a bit per hashed gram answers "none
    // here" cheaply, a map gives the texts that have that gram.
    struct gram_table {
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_gram;  // gram -> indices in `texts`
        std::vector<listed_text> texts;
        std::vector<std::uint64_t> bits;
        bool has(std::uint32_t gram) const;
    };
    struct field_index {
        field_ref field;
        std::unordered_map<std::string_view, rule_list> exact;
        // Prefixes and suffixes under 4 bytes, by their text and lengths.
        std::unordered_map<std::string_view, rule_list> short_prefixes, short_suffixes;
        std::vector<std::size_t> prefix_lengths, suffix_lengths;
        gram_table prefixes;   // by their first four bytes: the value's first four
        gram_table suffixes;   // by their last four bytes: the value's last four
        gram_table contained;  // by their first four bytes: each four of the value
        std::vector<listed_text> short_texts;  // contained text under 4 bytes: searched one by one
    };

    field_index& index_for(field_ref field);
    void look_up(const field_index& index, std::string_view folded, std::vector<std::uint32_t>& out) const;
    static void add_to_table(gram_table& table, std::uint32_t gram, std::string_view text, std::uint32_t rule,
                             std::unordered_map<std::string_view, std::size_t>& placed);

    std::vector<field_index> fields_;
    rule_list always_;
    std::deque<std::string> texts_;  // the literals the indexes' keys point into
    std::size_t indexed_ = 0;
};

}  // namespace evtxcar::sigma
