#include "sigma/correlation_engine.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>

#include "sigma/case_folding.hpp"
#include "sigma/number_text.hpp"

namespace evtxcar::sigma {

namespace {

struct entry {
    time_ticks time = 0;
    std::uint64_t sequence = 0;
    std::size_t input = 0;                // which of the correlation's inputs
    std::string value;                    // the value fields joined, as logged
    std::string distinct;                 // value_count: the value folded, as it is counted
    std::optional<double> number;         // value_sum / value_avg
    std::uint64_t event = 0;              // a rule's hit: its event
    std::vector<std::uint64_t> events;    // an inner correlation's hit: its events (empty otherwise)
};

struct group_state {
    std::vector<std::string> values;
    std::deque<entry> entries;
    std::unordered_map<std::string, std::uint32_t> distinct;  // value_count
    double sum = 0;                                            // value_sum / value_avg
    std::size_t numbers = 0;
};

struct queued {
    time_ticks time;
    std::uint64_t sequence;
    std::string group;
};

struct correlation_state {
    std::unordered_map<std::string, group_state> groups;
    std::deque<queued> order;  // every retained entry, in arrival (= time) order
    std::size_t retained = 0;
};

constexpr char separator = '\x1f';

}  // namespace

struct correlation_engine::state {
    const rule_set& rules;
    correlation_limits limits;
    std::vector<correlation_state> correlations;
    // Who consumes a rule's (a correlation's) hits: (correlation, input).
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> rule_consumers, correlation_consumers;
    std::uint64_t next_sequence = 0;
    std::uint64_t evicted = 0;
    std::string key_scratch;                          // a group's key as add() builds it
    std::vector<std::string_view> values_scratch;     // add_hit's group-by values

    explicit state(const rule_set& set, correlation_limits l) : rules(set), limits(l) {
        correlations.resize(set.correlations.size());
        rule_consumers.resize(set.rules.size());
        correlation_consumers.resize(set.correlations.size());
        for (std::size_t c = 0; c < set.correlations.size(); ++c)
            for (std::size_t i = 0; i < set.correlations[c].inputs.size(); ++i) {
                const correlation_input& input = set.correlations[c].inputs[i];
                (input.what == correlation_input::kind::rule ? rule_consumers : correlation_consumers)[input.index].emplace_back(c, i);
            }
    }

    const correlation_rule& rule(std::size_t c) const { return rules.correlations[c]; }
    bool anchored(std::size_t c) const { return rule(c).condition.has_upper_bound(); }

    void remove_front(group_state& group, const correlation_rule& definition, correlation_state& correlation) {
        entry& front = group.entries.front();
        if (definition.type == correlation_type::value_count) {
            auto found = group.distinct.find(front.distinct);
            if (found != group.distinct.end() && --found->second == 0) group.distinct.erase(found);
        }
        if (front.number) {
            group.sum -= *front.number;
            --group.numbers;
        }
        group.entries.pop_front();
        --correlation.retained;
    }

    void clear_group(correlation_state& correlation, const std::string& key) {
        auto found = correlation.groups.find(key);
        if (found == correlation.groups.end()) return;
        correlation.retained -= found->second.entries.size();
        correlation.groups.erase(found);  // its queued entries become stale
    }

    // Drops what lies before the window ending at `now`, judging anchored
    // windows as they close.
    void expire(std::size_t c, time_ticks now, std::vector<correlation_hit>& out) {
        correlation_state& correlation = correlations[c];
        const correlation_rule& definition = rule(c);
        while (!correlation.order.empty()) {
            const queued& oldest = correlation.order.front();
            const bool expired = oldest.time + definition.timespan < now;
            if (!expired && correlation.order.size() <= limits.max_hits) break;
            const queued item = oldest;
            correlation.order.pop_front();
            auto found = correlation.groups.find(item.group);
            if (found == correlation.groups.end() || found->second.entries.empty() ||
                found->second.entries.front().sequence != item.sequence)
                continue;  // already gone with its group
            if (!expired) ++evicted;  // dropped to stay within max_hits
            if (anchored(c) && expired) {
                judge(c, found->second, out);
                clear_group(correlation, item.group);
                continue;
            }
            remove_front(found->second, definition, correlation);
            if (found->second.entries.empty()) correlation.groups.erase(found);
        }
    }

    double measure(std::size_t c, const group_state& group) const {
        const correlation_rule& definition = rule(c);
        switch (definition.type) {
        case correlation_type::event_count:
            return static_cast<double>(group.entries.size());
        case correlation_type::value_count:
            return static_cast<double>(group.distinct.size());
        case correlation_type::value_sum:
            return group.sum;
        case correlation_type::value_avg:
            return group.numbers == 0 ? 0 : group.sum / static_cast<double>(group.numbers);
        case correlation_type::temporal:
        case correlation_type::temporal_ordered: {
            std::vector<bool> seen(definition.inputs.size(), false);
            for (const entry& e : group.entries) seen[e.input] = true;
            return static_cast<double>(std::count(seen.begin(), seen.end(), true));
        }
        }
        return 0;
    }

    // The entries of an ordered chain ending with the newest entry, or
    // nothing: the earliest hit of the first rule, then the earliest of the
    // next after it, and so on.
    std::optional<std::vector<const entry*>> ordered_chain(std::size_t c, const group_state& group) const {
        const std::size_t steps = rule(c).inputs.size();
        if (group.entries.empty() || group.entries.back().input != steps - 1) return std::nullopt;
        std::vector<const entry*> chain;
        std::size_t step = 0;
        for (const entry& e : group.entries) {
            if (e.input != step) continue;
            chain.push_back(&e);
            if (++step == steps) break;
        }
        if (step != steps) return std::nullopt;
        return chain;
    }

    bool holds(std::size_t c, const group_state& group) const {
        const correlation_rule& definition = rule(c);
        if (definition.type == correlation_type::temporal_ordered) return ordered_chain(c, group).has_value();
        if (definition.type == correlation_type::temporal && definition.condition.empty())
            return measure(c, group) == static_cast<double>(definition.inputs.size());
        return definition.condition.holds(measure(c, group));
    }

    bool judge(std::size_t c, const group_state& group, std::vector<correlation_hit>& out) {
        if (group.entries.empty() || !holds(c, group)) return false;
        correlation_hit hit;
        hit.correlation = c;
        hit.group_values = group.values;
        hit.count = measure(c, group);
        std::vector<const entry*> used;
        if (rule(c).type == correlation_type::temporal_ordered)
            used = *ordered_chain(c, group);
        else
            for (const entry& e : group.entries) used.push_back(&e);
        hit.first_time = used.front()->time;
        hit.last_time = used.back()->time;
        for (const entry* e : used) {
            if (e->events.empty())
                hit.events.push_back(e->event);
            else
                hit.events.insert(hit.events.end(), e->events.begin(), e->events.end());
        }
        emit(std::move(hit), out);
        return true;
    }

    void emit(correlation_hit hit, std::vector<correlation_hit>& out) {
        const std::size_t c = hit.correlation;
        for (const auto& [outer, input] : correlation_consumers[c]) {
            const correlation_input& source = rule(outer).inputs[input];
            std::vector<std::string_view> values;  // not the scratch: add() may be under way below
            for (int position : source.group_positions)
                values.push_back(position >= 0 && static_cast<std::size_t>(position) < hit.group_values.size()
                                     ? std::string_view(hit.group_values[static_cast<std::size_t>(position)])
                                     : std::string_view());
            entry e;
            e.time = hit.last_time;
            e.input = input;
            e.events = hit.events;
            add(outer, values, std::move(e), out);
        }
        if (rule(c).standalone) out.push_back(std::move(hit));
    }

    // `values` are read before anything below can add to another
    // correlation (which reuses the scratch buffers).
    void add(std::size_t c, const std::vector<std::string_view>& values, entry e, std::vector<correlation_hit>& out) {
        expire(c, e.time, out);
        correlation_state& correlation = correlations[c];
        // Values meet as Sigma compares strings, without letter case: one
        // account logged as EXAMPLE\admin01 and example\admin01 is one group.
        key_scratch.clear();
        for (const std::string_view value : values) {
            append_folded_text(value, key_scratch);
            key_scratch += separator;
        }
        auto [found, inserted] = correlation.groups.try_emplace(key_scratch);
        const std::string& key = found->first;  // the scratch is another add()'s from here on
        group_state& group = found->second;
        if (inserted) group.values.assign(values.begin(), values.end());
        e.sequence = next_sequence++;
        correlation.order.push_back({e.time, e.sequence, key});
        if (rule(c).type == correlation_type::value_count) ++group.distinct[e.distinct];
        if (e.number) {
            group.sum += *e.number;
            ++group.numbers;
        }
        group.entries.push_back(std::move(e));
        ++correlation.retained;
        if (!anchored(c) && judge(c, group, out)) clear_group(correlation, key);
    }
};

correlation_engine::correlation_engine(const rule_set& rules, correlation_limits limits)
    : state_(std::make_unique<state>(rules, limits)) {}

correlation_engine::~correlation_engine() = default;

bool correlation_engine::wants(std::size_t rule_index) const {
    return rule_index < state_->rule_consumers.size() && !state_->rule_consumers[rule_index].empty();
}

void correlation_engine::add_hit(std::size_t rule_index, time_ticks time, std::uint64_t event_handle,
                                 const event_view& event, std::vector<correlation_hit>& out) {
    if (!wants(rule_index)) return;
    for (const auto& [c, input_index] : state_->rule_consumers[rule_index]) {
        const correlation_rule& definition = state_->rule(c);
        const correlation_input& input = definition.inputs[input_index];
        std::vector<std::string_view>& values = state_->values_scratch;
        values.clear();
        for (const field_ref& field : input.group_fields) values.push_back(event.value(field).value_or(""));
        entry e;
        e.time = time;
        e.input = input_index;
        e.event = event_handle;
        if (!input.value_fields.empty()) {
            bool complete = true;
            for (std::size_t k = 0; k < input.value_fields.size(); ++k) {
                const std::optional<std::string_view> value = event.value(input.value_fields[k]);
                if (!value) complete = false;
                if (k > 0) e.value += separator;
                e.value += value.value_or("");
            }
            if (definition.type == correlation_type::value_count && !complete) continue;  // nothing to count
            if (definition.type == correlation_type::value_count) e.distinct = folded_text(e.value);
            if (definition.type == correlation_type::value_sum || definition.type == correlation_type::value_avg) {
                e.number = complete ? parse_number(e.value) : std::nullopt;
                if (!e.number) continue;
            }
        }
        state_->add(c, values, std::move(e), out);
    }
}

void correlation_engine::finish(std::vector<correlation_hit>& out) {
    // Inner correlations first: their last hits may still feed outer ones.
    for (std::size_t c = 0; c < state_->correlations.size(); ++c) {
        if (!state_->anchored(c)) continue;
        correlation_state& correlation = state_->correlations[c];
        std::vector<std::string> keys;
        for (const auto& [key, group] : correlation.groups) keys.push_back(key);
        std::sort(keys.begin(), keys.end());  // deterministic order of the hits
        for (const std::string& key : keys) {
            auto found = correlation.groups.find(key);
            if (found == correlation.groups.end()) continue;
            state_->judge(c, found->second, out);
            state_->clear_group(correlation, key);
        }
        correlation.order.clear();
    }
}

std::uint64_t correlation_engine::evicted() const { return state_->evicted; }

std::size_t correlation_engine::retained() const {
    std::size_t total = 0;
    for (const correlation_state& correlation : state_->correlations) total += correlation.retained;
    return total;
}

}  // namespace evtxcar::sigma
