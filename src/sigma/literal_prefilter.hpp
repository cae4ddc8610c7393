#pragma once
// literal_prefilter: which of a set of rules may match an event, found by
// looking up each rule's required literals (required_literals.hpp) in the
// event's folded values, once per field for all rules: exact values and
// prefixes/suffixes by hash, contained text by its first four bytes.
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
    struct contained {
        std::string_view text;
        rule_list rules;
    };
    struct field_index {
        field_ref field;
        std::unordered_map<std::string_view, rule_list> exact, prefixes, suffixes;
        std::vector<std::size_t> prefix_lengths, suffix_lengths;
        // Contained text of 4 bytes or more, by its first four bytes; a
        // bit per hashed gram answers "no such text starts here" cheaply.
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_gram;  // gram -> indices in `long_texts`
        std::vector<contained> long_texts;
        std::vector<std::uint64_t> gram_bits;
        std::vector<contained> short_texts;  // under 4 bytes: searched one by one
    };

    field_index& index_for(field_ref field);
    void look_up(const field_index& index, std::string_view folded, std::vector<std::uint32_t>& out) const;

    std::vector<field_index> fields_;
    rule_list always_;
    std::deque<std::string> texts_;  // the literals the indexes' keys point into
    std::size_t indexed_ = 0;
};

}  // namespace evtxcar::sigma
