#include "sigma/detection_plan.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "sigma/number_text.hpp"

namespace evtxcar::sigma {

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (fold_ascii(a[i]) != fold_ascii(b[i])) return false;
    return true;
}

bool text_at(std::string_view value, std::size_t position, std::string_view text, bool cased) {
    if (value.size() < position || value.size() - position < text.size()) return false;
    const std::string_view here = value.substr(position, text.size());
    return cased ? here == text : equal_ignoring_case(here, text);
}

bool reference_holds(std::string_view value, std::string_view other, string_matcher::shape shape, bool cased) {
    switch (shape) {
    case string_matcher::shape::prefix:
        return text_at(value, 0, other, cased);
    case string_matcher::shape::suffix:
        return value.size() >= other.size() && text_at(value, value.size() - other.size(), other, cased);
    case string_matcher::shape::contains:
        for (std::size_t i = 0; i + other.size() <= value.size(); ++i)
            if (text_at(value, i, other, cased)) return true;
        return false;
    default:
        return value.size() == other.size() && text_at(value, 0, other, cased);
    }
}

// The value folded to lower case, from a per-thread cache of the last few
// values folded: an event's CommandLine is read by hundreds of rules, and
// comparing it with the cached original costs less than folding it again.
// The cache holds copies, so it never depends on the caller's buffers.
std::string_view folded_copy(std::string_view value) {
    struct slot {
        std::string original, folded;
    };
    constexpr std::size_t slots = 8;
    thread_local std::array<slot, slots> cache;
    thread_local std::size_t next = 0;
    for (const slot& s : cache)
        if (s.original.size() == value.size() && std::memcmp(s.original.data(), value.data(), value.size()) == 0)
            return s.folded;
    slot& s = cache[next];
    next = (next + 1) % slots;
    s.original.assign(value);
    fold_text(value, s.folded);
    return s.folded;
}

}  // namespace

bool numeric_bound::holds(double value) const {
    switch (compare) {
    case op::lt: return value < bound;
    case op::lte: return value <= bound;
    case op::gt: return value > bound;
    case op::gte: return value >= bound;
    case op::eq: return value == bound;
    }
    return false;
}

namespace {

// True when some pair of neighbouring bytes of `text`, folded, has its bit
// set in `pairs` (field_test::keyword_pairs).
bool has_pair(const std::vector<std::uint64_t>& pairs, std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto pair = static_cast<std::size_t>(static_cast<unsigned char>(fold_ascii(text[i]))) << 8 |
                          static_cast<unsigned char>(fold_ascii(text[i + 1]));
        if (pairs[pair >> 6] & (std::uint64_t{1} << (pair & 63))) return true;
    }
    return false;
}

}  // namespace

bool field_test::keyword_matches(const event_view& event) const {
    // Each group must be met by some value of the event (not necessarily
    // the same value for every group).
    const auto& group_count = what == kind::regexes ? regexes.groups.size() : strings.groups.size();
    std::uint64_t met = 0;
    const std::uint64_t all_met = group_count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << group_count) - 1;
    event.for_each_value([&](std::string_view value) {
        if (met == all_met || value.empty()) return;
        // Folded once per value, whatever the number of groups.
        const bool fold = what != kind::regexes && !cased && !is_ascii(value);
        const std::string_view text = fold ? folded_copy(value) : value;
        for (std::size_t g = 0; g < group_count; ++g) {
            if (met & (std::uint64_t{1} << g)) continue;
            bool any = false;
            if (what == kind::regexes) {
                for (const regex_matcher& alternative : regexes.groups[g])
                    if (alternative.matches(value)) { any = true; break; }
            } else {
                if (g < keyword_pairs.size() && !keyword_pairs[g].empty() && !has_pair(keyword_pairs[g], text)) continue;
                for (const string_matcher& alternative : strings.groups[g])
                    if (fold ? alternative.matches_folded(text) : alternative.matches(text)) { any = true; break; }
            }
            if (any) met |= std::uint64_t{1} << g;
        }
    });
    return met == all_met;
}

bool field_test::value_matches(std::optional<std::string_view> value, const event_view& event) const {
    switch (what) {
    case kind::exists:
        return value.has_value() == must_exist;
    case kind::null_value:
        return !value.has_value() || value->empty();
    case kind::strings: {
        if (!value) return false;
        if (!fold_value && (cased || is_ascii(*value)))
            return strings.holds([&](const string_matcher& m) { return m.matches(*value); });
        const std::string_view text = folded_copy(*value);
        return strings.holds([&](const string_matcher& m) { return m.matches_folded(text); });
    }
    case kind::regexes:
        return value && regexes.holds([&](const regex_matcher& m) { return m.matches(*value); });
    case kind::cidrs: {
        if (!value) return false;
        const std::optional<ip_address> address = parse_ip_address(*value);
        return address && cidrs.holds([&](const cidr_block& block) { return block.contains(*address); });
    }
    case kind::numbers: {
        if (!value) return false;
        std::optional<double> number;
        if (part == date_part::none) {
            number = parse_number(*value);
        } else if (const std::optional<int> taken = date_part_of(*value, part)) {
            number = *taken;
        }
        return number && numbers.holds([&](const numeric_bound& bound) { return bound.holds(*number); });
    }
    case kind::field_refs:
        return value && references.holds([&](const field_reference& reference) {
                   const std::optional<std::string_view> other = event.value(reference.other);
                   return other && reference_holds(*value, *other, reference.shape, cased);
               });
    }
    return false;
}

bool field_test::matches(const event_view& event) const {
    const bool found = keyword ? keyword_matches(event) : value_matches(event.value(field), event);
    return found != negated;
}

bool detection_plan::evaluate(std::uint32_t index, const event_view& event) const {
    const plan_node& node = nodes[index];
    switch (node.what) {
    case plan_node::kind::test:
        return tests[node.first].matches(event);
    case plan_node::kind::negation:
        return !evaluate(children[node.first], event);
    case plan_node::kind::all_of:
        for (std::uint32_t i = 0; i < node.count; ++i)
            if (!evaluate(children[node.first + i], event)) return false;
        return true;
    case plan_node::kind::any_of:
        for (std::uint32_t i = 0; i < node.count; ++i)
            if (evaluate(children[node.first + i], event)) return true;
        return false;
    }
    return false;
}

std::optional<std::vector<std::string>> detection_plan::required_event_ids(std::uint32_t index) const {
    using id_set = std::vector<std::string>;
    auto intersect = [](const id_set& a, const id_set& b) {
        id_set both;
        for (const std::string& id : a)
            if (std::find(b.begin(), b.end(), id) != b.end()) both.push_back(id);
        return both;
    };
    const plan_node& node = nodes[index];
    switch (node.what) {
    case plan_node::kind::test: {
        const field_test& test = tests[node.first];
        if (!test.event_id || test.negated) return std::nullopt;
        std::optional<id_set> result;
        for (const auto& group : test.strings.groups) {
            id_set ids;
            for (const string_matcher& alternative : group)
                if (std::find(ids.begin(), ids.end(), alternative.literal()) == ids.end())
                    ids.push_back(alternative.literal());
            result = result ? intersect(*result, ids) : ids;
        }
        return result;
    }
    case plan_node::kind::negation:
        return std::nullopt;
    case plan_node::kind::all_of: {
        std::optional<id_set> result;
        for (std::uint32_t i = 0; i < node.count; ++i)
            if (auto ids = required_event_ids(children[node.first + i])) result = result ? intersect(*result, *ids) : *ids;
        return result;
    }
    case plan_node::kind::any_of: {
        id_set all;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            auto ids = required_event_ids(children[node.first + i]);
            if (!ids) return std::nullopt;
            for (std::string& id : *ids)
                if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(std::move(id));
        }
        return all;
    }
    }
    return std::nullopt;
}

std::uint32_t detection_plan::add_test(field_test test) {
    if (test.what == field_test::kind::strings) {
        bool cased = false, scans = false;
        for (const auto& group : test.strings.groups)
            for (const string_matcher& m : group) {
                cased |= m.cased();
                scans |= m.scans();
            }
        test.cased = cased;
        test.fold_value = scans && !cased && !test.keyword;
        if (test.keyword && !cased) {
            for (const auto& group : test.strings.groups) {
                std::vector<std::uint64_t> pairs(1024, 0);
                bool usable = !group.empty();
                for (const string_matcher& m : group) {
                    if (m.kind() != string_matcher::shape::contains || m.literal().size() < 2) {
                        usable = false;
                        break;
                    }
                    const auto pair = static_cast<std::size_t>(static_cast<unsigned char>(m.literal()[0])) << 8 |
                                      static_cast<unsigned char>(m.literal()[1]);
                    pairs[pair >> 6] |= std::uint64_t{1} << (pair & 63);
                }
                test.keyword_pairs.push_back(usable ? std::move(pairs) : std::vector<std::uint64_t>());
            }
        }
    }
    tests.push_back(std::move(test));
    nodes.push_back({plan_node::kind::test, static_cast<std::uint32_t>(tests.size() - 1), 0});
    return static_cast<std::uint32_t>(nodes.size() - 1);
}

std::uint32_t detection_plan::cost(std::uint32_t index) const {
    const plan_node& node = nodes[index];
    if (node.what != plan_node::kind::test) {
        std::uint32_t total = 1;
        for (std::uint32_t i = 0; i < node.count; ++i) total += cost(children[node.first + i]);
        return total;
    }
    const field_test& test = tests[node.first];
    if (test.keyword) return 1000;
    switch (test.what) {
    case field_test::kind::exists:
    case field_test::kind::null_value:
        return 1;
    case field_test::kind::strings: {
        std::uint32_t total = 2;
        for (const auto& group : test.strings.groups)
            for (const string_matcher& m : group) total += m.scans() ? 8u : 1u;
        return total;
    }
    case field_test::kind::regexes:
        return 50;
    default:
        return 10;
    }
}

std::uint32_t detection_plan::add_node(plan_node::kind what, std::vector<std::uint32_t> node_children) {
    if (what == plan_node::kind::all_of || what == plan_node::kind::any_of) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked;
        for (std::uint32_t child : node_children) ranked.emplace_back(cost(child), child);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < ranked.size(); ++i) node_children[i] = ranked[i].second;
    }
    const auto first = static_cast<std::uint32_t>(children.size());
    children.insert(children.end(), node_children.begin(), node_children.end());
    nodes.push_back({what, first, static_cast<std::uint32_t>(node_children.size())});
    return static_cast<std::uint32_t>(nodes.size() - 1);
}

}  // namespace evtxcar::sigma
