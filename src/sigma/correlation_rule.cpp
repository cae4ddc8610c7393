#include "sigma/correlation_rule.hpp"

#include "sigma/number_text.hpp"

#include <charconv>

namespace evtxcar::sigma {

namespace {

std::vector<std::string> strings_of(const yaml_node& node) {
    std::vector<std::string> out;
    if (node.is_scalar()) out.push_back(node.text());
    if (node.is_sequence())
        for (const yaml_node& item : node.items())
            if (item.is_scalar()) out.push_back(item.text());
    return out;
}

}  // namespace

std::string_view correlation_type_name(correlation_type type) {
    switch (type) {
    case correlation_type::event_count: return "event_count";
    case correlation_type::value_count: return "value_count";
    case correlation_type::temporal: return "temporal";
    case correlation_type::temporal_ordered: return "temporal_ordered";
    case correlation_type::value_sum: return "value_sum";
    case correlation_type::value_avg: return "value_avg";
    }
    return "?";
}

bool count_condition::holds(double count) const {
    if (gt && !(count > *gt)) return false;
    if (gte && !(count >= *gte)) return false;
    if (lt && !(count < *lt)) return false;
    if (lte && !(count <= *lte)) return false;
    if (eq && !(count == *eq)) return false;
    if (neq && !(count != *neq)) return false;
    return true;
}

std::optional<time_ticks> parse_timespan(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    std::uint64_t amount = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size() - 1, amount);
    if (error != std::errc{} || end != text.data() + text.size() - 1 || amount == 0) return std::nullopt;
    std::uint64_t seconds = 0;
    switch (unit) {
    case 's': seconds = 1; break;
    case 'm': seconds = 60; break;
    case 'h': seconds = 3600; break;
    case 'd': seconds = 86400; break;
    default: return std::nullopt;
    }
    if (amount > (std::uint64_t{1} << 40)) return std::nullopt;
    return amount * seconds * ticks_per_second;
}

sigma_result<correlation_rule> read_correlation(const yaml_node& section, rule_metadata metadata) {
    correlation_rule rule;
    rule.metadata = std::move(metadata);
    auto refuse = [&](const yaml_node& where, std::string construct, std::string reason) {
        return rule_problem{std::move(construct), std::move(reason), (where.line() != 0 ? where.line() : section.line())};
    };
    if (!section.is_map()) return refuse(section, "correlation", "correlation is not a map");

    const yaml_node type = section.get("type");
    const std::string type_text = type.is_scalar() ? type.text() : "";
    if (type_text == "event_count") rule.type = correlation_type::event_count;
    else if (type_text == "value_count") rule.type = correlation_type::value_count;
    else if (type_text == "temporal") rule.type = correlation_type::temporal;
    else if (type_text == "temporal_ordered") rule.type = correlation_type::temporal_ordered;
    else if (type_text == "value_sum") rule.type = correlation_type::value_sum;
    else if (type_text == "value_avg") rule.type = correlation_type::value_avg;
    else if (type_text == "value_percentile")
        return refuse(type, "type: value_percentile", "value_percentile is not supported (a percentile of a field over all events of a window is not kept)");
    else return refuse(type, "type: " + type_text, type_text.empty() ? "correlation without a type" : "unknown correlation type");

    rule.rule_references = strings_of(section.get("rules"));
    if (rule.rule_references.empty()) return refuse(section.get("rules"), "rules", "correlation without rules");

    rule.group_by = strings_of(section.get("group-by"));

    const yaml_node timespan = section.get("timespan");
    if (!timespan.is_scalar()) return refuse(section, "timespan", "correlation without a timespan");
    rule.timespan_text = timespan.text();
    const std::optional<time_ticks> ticks = parse_timespan(rule.timespan_text);
    if (!ticks) return refuse(timespan, "timespan: " + rule.timespan_text, "timespan is not a number and one of s, m, h, d");
    rule.timespan = *ticks;

    const yaml_node aliases = section.get("aliases");
    if (!aliases.is_null()) {
        if (!aliases.is_map()) return refuse(aliases, "aliases", "aliases is not a map");
        for (const yaml_entry& alias : aliases.entries()) {
            if (!alias.value.is_map()) return refuse(alias.value, "aliases: " + alias.key, "an alias is not a map of rule name to field");
            for (const yaml_entry& mapping : alias.value.entries()) rule.aliases[alias.key][mapping.key] = mapping.value.text();
        }
    }

    const yaml_node condition = section.get("condition");
    if (!condition.is_null()) {
        if (!condition.is_map()) return refuse(condition, "condition", "a correlation's condition is not a map");
        for (const yaml_entry& criterion : condition.entries()) {
            const std::string& key = criterion.key;
            if (key == "field") {
                rule.value_fields = strings_of(criterion.value);
                continue;
            }
            const std::optional<double> bound = criterion.value.is_scalar() ? parse_number(criterion.value.text()) : std::nullopt;
            if (!bound) return refuse(criterion.value, "condition: " + key, "a condition bound that is not a number");
            if (key == "gt") rule.condition.gt = bound;
            else if (key == "gte") rule.condition.gte = bound;
            else if (key == "lt") rule.condition.lt = bound;
            else if (key == "lte") rule.condition.lte = bound;
            else if (key == "eq") rule.condition.eq = bound;
            else if (key == "neq") rule.condition.neq = bound;
            else return refuse(criterion.value, "condition: " + key, "unknown condition operator");
        }
    }

    const bool counts = rule.type == correlation_type::event_count || rule.type == correlation_type::value_count ||
                        rule.type == correlation_type::value_sum || rule.type == correlation_type::value_avg;
    if (counts && rule.condition.empty())
        return refuse(section, "condition", std::string(correlation_type_name(rule.type)) + " without a condition");
    const bool needs_field = rule.type == correlation_type::value_count || rule.type == correlation_type::value_sum ||
                             rule.type == correlation_type::value_avg;
    if (needs_field && rule.value_fields.empty())
        return refuse(section, "condition", std::string(correlation_type_name(rule.type)) + " without a condition field");
    if (rule.type == correlation_type::temporal_ordered && !rule.condition.empty())
        return refuse(condition, "condition", "a condition on temporal_ordered (the events of every rule, in order, are required)");

    const yaml_node generate = section.get("generate");
    if (generate.is_scalar()) rule.generate = generate.text() == "true" || generate.text() == "True";
    return rule;
}

}  // namespace evtxcar::sigma
