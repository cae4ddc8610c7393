#pragma once
// correlation_rule: a Sigma correlation (the correlation rules
// specification): which rules it counts, how it groups them, its time
// window and its condition. Read by the loader; run by correlation_engine.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sigma/event_view.hpp"
#include "sigma/rule_metadata.hpp"
#include "sigma/rule_problem.hpp"
#include "sigma/yaml_document.hpp"

namespace evtxcar::sigma {

enum class correlation_type : std::uint8_t { event_count, value_count, temporal, temporal_ordered, value_sum, value_avg };
std::string_view correlation_type_name(correlation_type type);

// gt / gte / lt / lte / eq / neq, all of which must hold (a range is two).
struct count_condition {
    std::optional<double> gt, gte, lt, lte, eq, neq;
    bool holds(double count) const;
    // True when more events could make it false (lt, lte, eq, neq): such a
    // condition is judged when its window closes, not as events arrive.
    bool has_upper_bound() const { return lt || lte || eq || neq; }
    bool empty() const { return !gt && !gte && !lt && !lte && !eq && !neq; }
};

// One rule a correlation counts: a detection rule or another correlation.
struct correlation_input {
    enum class kind : std::uint8_t { rule, correlation };
    kind what = kind::rule;
    std::size_t index = 0;           // in rule_set::rules or rule_set::correlations
    std::string reference;           // as the correlation wrote it (id or name)
    // Detection rules: the group-by fields (aliases applied), and the
    // condition's `field`s, resolved under that rule's logsource.
    std::vector<field_ref> group_fields;
    std::vector<field_ref> value_fields;
    // Correlations: where each group-by name sits in that correlation's own
    // group-by (-1 when it does not group by it: the value is empty).
    std::vector<int> group_positions;
};

struct correlation_rule {
    rule_metadata metadata;
    correlation_type type = correlation_type::event_count;
    std::vector<std::string> rule_references;  // as written
    std::vector<correlation_input> inputs;     // resolved, in the order written
    std::vector<std::string> group_by;
    // aliases: alias -> (rule name -> field name in that rule's events)
    std::map<std::string, std::map<std::string, std::string>> aliases;
    time_ticks timespan = 0;
    std::string timespan_text;  // as written: "10m"
    count_condition condition;
    std::vector<std::string> value_fields;  // the condition's `field` (value_count, value_sum, value_avg)
    bool generate = false;
    bool standalone = true;  // false when it only feeds another correlation
};

// Reads the `correlation` section (metadata filled by the caller); inputs
// stay unresolved.
sigma_result<correlation_rule> read_correlation(const yaml_node& section, rule_metadata metadata);

// "90m", "1h", "30s", "2d" -> ticks; nothing for anything else.
std::optional<time_ticks> parse_timespan(std::string_view text);

}  // namespace evtxcar::sigma
