#include "sigma/detection_compiler.hpp"

#include <algorithm>
#include <map>

#include "sigma/condition_parser.hpp"
#include "sigma/number_text.hpp"

namespace evtxcar::sigma {

namespace {

// A field's modifiers, read from `Field|mod1|mod2` in the order written.
struct modifier_chain {
    enum class type { strings, regex, cidr, compare, fieldref, exists };
    // The value transformations, in order: contains, startswith, endswith,
    // windash, base64, base64offset, utf16le, utf16be, utf16.
    std::vector<std::string> transforms;
    type what = type::strings;
    bool all = false;
    bool cased = false;
    bool neq = false;
    bool expand = false;
    numeric_bound::op compare = numeric_bound::op::lt;
    regex_flags flags;
    date_part part = date_part::none;  // a time modifier: the field's date, this part of it
};

bool is_position(const std::string& transform) {
    return transform == "contains" || transform == "startswith" || transform == "endswith";
}

bool is_encoding(const std::string& transform) {
    return transform == "base64" || transform == "base64offset" || transform == "utf16le" ||
           transform == "utf16be" || transform == "utf16";
}

rule_problem problem_at(const yaml_node& node, std::string construct, std::string reason) {
    return {std::move(construct), std::move(reason), node.line()};
}

rule_problem problem_at(std::size_t line, std::string construct, std::string reason) {
    return {std::move(construct), std::move(reason), line};
}

sigma_result<modifier_chain> read_modifiers(const std::vector<std::string>& names, const std::string& key,
                                            std::size_t where) {
    modifier_chain chain;
    bool typed = false;
    auto set_type = [&](modifier_chain::type what, const std::string& name) -> std::optional<rule_problem> {
        if (typed) return problem_at(where, key, "modifier '" + name + "' after another type modifier");
        typed = true;
        chain.what = what;
        return std::nullopt;
    };
    for (const std::string& name : names) {
        std::optional<rule_problem> refused;
        if (is_position(name) && chain.what == modifier_chain::type::fieldref) {
            chain.transforms.push_back(name);  // fieldref|contains: the other field's value inside this one
        } else if (is_position(name) || name == "windash" || is_encoding(name)) {
            if (typed) return problem_at(where, key, "value modifier '" + name + "' after a type modifier");
            chain.transforms.push_back(name);
        } else if (name == "wide") {
            if (typed) return problem_at(where, key, "value modifier 'wide' after a type modifier");
            chain.transforms.push_back("utf16le");
        } else if (name == "all") {
            chain.all = true;
        } else if (name == "cased") {
            chain.cased = true;
        } else if (name == "neq") {
            chain.neq = true;
        } else if (name == "expand") {
            chain.expand = true;
        } else if (name == "re") {
            refused = set_type(modifier_chain::type::regex, name);
        } else if (name == "i" || name == "m" || name == "s") {
            if (chain.what != modifier_chain::type::regex)
                return problem_at(where, key, "regular expression flag '" + name + "' without 're' before it");
            (name == "i" ? chain.flags.insensitive : name == "m" ? chain.flags.multiline : chain.flags.dot_all) = true;
        } else if (name == "cidr") {
            refused = set_type(modifier_chain::type::cidr, name);
        } else if (name == "lt" || name == "lte" || name == "gt" || name == "gte") {
            refused = set_type(modifier_chain::type::compare, name);
            chain.compare = name == "lt" ? numeric_bound::op::lt : name == "lte" ? numeric_bound::op::lte
                          : name == "gt" ? numeric_bound::op::gt : numeric_bound::op::gte;
        } else if (name == "fieldref") {
            refused = set_type(modifier_chain::type::fieldref, name);
        } else if (name == "exists") {
            refused = set_type(modifier_chain::type::exists, name);
        } else if (const std::optional<date_part> part = parse_date_part(name)) {
            if (typed || chain.part != date_part::none || !chain.transforms.empty())
                return problem_at(where, key, "time modifier '" + name + "' after another modifier (it comes first, then lt/lte/gt/gte)");
            chain.part = *part;
        } else {
            return problem_at(where, key, "unknown modifier '" + name + "'");
        }
        if (refused) return *refused;
    }
    // Combinations that have no meaning.
    const bool has_other_transform = std::any_of(chain.transforms.begin(), chain.transforms.end(),
                                                 [](const std::string& t) { return !is_position(t); });
    if (chain.part != date_part::none) {
        if (chain.what == modifier_chain::type::strings && !chain.expand && !chain.cased) {
            chain.what = modifier_chain::type::compare;  // `Field|hour: 3`: equal
            chain.compare = numeric_bound::op::eq;
        }
        if (chain.what != modifier_chain::type::compare)
            return problem_at(where, key, "a time modifier with a modifier other than lt, lte, gt, gte, all, neq");
    }
    switch (chain.what) {
    case modifier_chain::type::regex:
    case modifier_chain::type::cidr:
    case modifier_chain::type::compare:
        if (!chain.transforms.empty())
            return problem_at(where, key, "value modifier '" + chain.transforms.front() + "' with a type modifier");
        break;
    case modifier_chain::type::fieldref:
        if (has_other_transform) return problem_at(where, key, "fieldref with an encoding or windash");
        break;
    case modifier_chain::type::exists:
        if (!chain.transforms.empty() || chain.all || chain.cased || chain.neq || chain.expand)
            return problem_at(where, key, "exists with other modifiers");
        break;
    case modifier_chain::type::strings:
        break;
    }
    return chain;
}

std::vector<std::string> split_key(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = key.find('|', start);
        parts.push_back(key.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return parts;
}

class compiler {
public:
    compiler(const compile_context& context, detection_plan& plan) : context_(context), plan_(plan) {}

    std::vector<referenced_field> fields;
    bool keywords = false;

    sigma_result<std::uint32_t> identifier(const std::string& name, const yaml_node& node) {
        if (node.is_map()) {
            if (node.size() == 0) return problem_at(node, name, "empty search identifier");
            return map_node(node);
        }
        if (node.is_sequence()) {
            if (node.size() == 0) return problem_at(node, name, "empty search identifier");
            std::vector<std::uint32_t> alternatives;
            std::vector<yaml_node> keyword_values;
            for (const yaml_node& item : node.items()) {
                if (item.is_map()) {
                    if (item.size() == 0) return problem_at(item, name, "empty map in a list");
                    auto compiled = map_node(item);
                    if (!compiled) return compiled.problem();
                    alternatives.push_back(compiled.value());
                } else if (item.is_scalar()) {
                    keyword_values.push_back(item);
                } else {
                    return problem_at(item, name, item.is_null() ? "null as a keyword" : "a list inside a list");
                }
            }
            if (!keyword_values.empty()) {
                yaml_node list = yaml_node::sequence(node.line());
                for (const yaml_node& value : keyword_values) list.add_item(value);
                auto compiled = field_node("", list, node.line());
                if (!compiled) return compiled.problem();
                alternatives.push_back(compiled.value());
            }
            return alternatives.size() == 1 ? alternatives[0] : plan_.add_node(plan_node::kind::any_of, alternatives);
        }
        if (node.is_scalar()) return field_node("", node, node.line());
        return problem_at(node, name, "empty search identifier");
    }

private:
    sigma_result<std::uint32_t> map_node(const yaml_node& map) {
        std::vector<std::uint32_t> parts;
        for (const yaml_entry& entry : map.entries()) {
            auto compiled = field_node(entry.key, entry.value, entry.line);
            if (!compiled) return compiled.problem();
            parts.push_back(compiled.value());
        }
        return parts.size() == 1 ? parts[0] : plan_.add_node(plan_node::kind::all_of, parts);
    }

    field_ref resolve(const std::string& name) {
        const field_ref ref = context_.resolver.resolve(context_.source, name);
        const referenced_field field{name, ref};
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
        return ref;
    }

    // One `Field|modifiers: value(s)` entry (an empty field: keywords).
    sigma_result<std::uint32_t> field_node(const std::string& key, const yaml_node& value_node, std::size_t where) {
        std::vector<std::string> parts = split_key(key);
        const std::string field_name = parts[0];
        parts.erase(parts.begin());
        auto chain_read = read_modifiers(parts, key, where);
        if (!chain_read) return chain_read.problem();
        const modifier_chain& chain = chain_read.value();

        std::vector<yaml_node> values;
        if (value_node.is_sequence()) {
            for (const yaml_node& item : value_node.items()) values.push_back(item);
            if (values.empty()) return problem_at(where, key, "empty list of values");
        } else if (value_node.is_map()) {
            return problem_at(where, key, "a map as a field's value");
        } else {
            values.push_back(value_node);
        }
        for (const yaml_node& value : values) {
            if (value.is_map() || value.is_sequence())
                return problem_at(where, key, "a list or map inside a field's list of values");
        }

        field_test test;
        test.negated = chain.neq;
        test.keyword = field_name.empty();
        if (!test.keyword) test.field = resolve(field_name);

        const bool has_null = std::any_of(values.begin(), values.end(), [](const yaml_node& v) { return v.is_null(); });
        if (has_null) {
            if (values.size() > 1) return problem_at(where, key, "null inside a list of values");
            if (!parts.empty()) return problem_at(where, key, "null with modifiers");
            if (test.keyword) return problem_at(where, key, "null as a keyword");
            test.what = field_test::kind::null_value;
            return plan_.add_test(std::move(test));
        }

        if (test.keyword && chain.what != modifier_chain::type::strings && chain.what != modifier_chain::type::regex)
            return problem_at(where, key, "a type modifier other than re on keywords");
        if (test.keyword) keywords = true;

        const auto group_for = [&](std::size_t value_index) -> std::size_t { return chain.all ? value_index : 0; };
        const std::size_t group_count = chain.all ? values.size() : 1;

        switch (chain.what) {
        case modifier_chain::type::exists: {
            if (values.size() != 1) return problem_at(where, key, "exists with a list of values");
            const std::string text = values[0].text();
            if (text != "true" && text != "false" && text != "True" && text != "False")
                return problem_at(where, key, "exists with a value other than true or false");
            test.what = field_test::kind::exists;
            test.must_exist = text == "true" || text == "True";
            return plan_.add_test(std::move(test));
        }
        case modifier_chain::type::compare: {
            test.what = field_test::kind::numbers;
            test.part = chain.part;
            test.numbers.groups.resize(group_count);
            for (std::size_t i = 0; i < values.size(); ++i) {
                const std::optional<double> bound = parse_number(values[i].text());
                if (!bound) return problem_at(values[i], key + ": " + values[i].text(), "numeric comparison with a value that is not a number");
                test.numbers.groups[group_for(i)].push_back({chain.compare, *bound});
            }
            return plan_.add_test(std::move(test));
        }
        case modifier_chain::type::cidr: {
            test.what = field_test::kind::cidrs;
            test.cidrs.groups.resize(group_count);
            for (std::size_t i = 0; i < values.size(); ++i) {
                std::vector<std::string> texts{values[i].text()};
                if (chain.expand) {
                    auto expanded = expanded_texts(values[i], key);
                    if (!expanded) return expanded.problem();
                    texts = std::move(expanded.value());
                }
                for (const std::string& text : texts) {
                    std::optional<cidr_block> block = parse_cidr(text);
                    if (!block || text.find('/') == std::string::npos)
                        return problem_at(values[i], key + ": " + text, "not a CIDR network (address/prefix)");
                    test.cidrs.groups[group_for(i)].push_back(std::move(*block));
                }
            }
            return plan_.add_test(std::move(test));
        }
        case modifier_chain::type::regex: {
            test.what = field_test::kind::regexes;
            test.regexes.groups.resize(group_count);
            for (std::size_t i = 0; i < values.size(); ++i) {
                auto compiled = regex_matcher::compile(values[i].text(), chain.flags);
                if (!compiled) {
                    rule_problem problem = compiled.problem();
                    problem.construct = key + ": " + problem.construct;
                    problem.line = values[i].line();
                    return problem;
                }
                test.regexes.groups[group_for(i)].push_back(std::move(compiled.value()));
            }
            return plan_.add_test(std::move(test));
        }
        case modifier_chain::type::fieldref: {
            test.what = field_test::kind::field_refs;
            test.cased = chain.cased;
            string_matcher::shape shape = string_matcher::shape::exact;
            bool leading = false, trailing = false;
            for (const std::string& t : chain.transforms) {
                leading |= t == "contains" || t == "endswith";
                trailing |= t == "contains" || t == "startswith";
            }
            if (leading && trailing) shape = string_matcher::shape::contains;
            else if (leading) shape = string_matcher::shape::suffix;
            else if (trailing) shape = string_matcher::shape::prefix;
            test.references.groups.resize(group_count);
            for (std::size_t i = 0; i < values.size(); ++i)
                test.references.groups[group_for(i)].push_back({resolve(values[i].text()), shape});
            return plan_.add_test(std::move(test));
        }
        case modifier_chain::type::strings:
            break;
        }

        test.what = field_test::kind::strings;
        test.strings.groups.resize(group_count);
        bool every_exact = true;
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto alternatives = string_alternatives(values[i], key, chain, test.keyword);
            if (!alternatives) return alternatives.problem();
            for (auto& [value, cased] : alternatives.value()) {
                string_matcher matcher = string_matcher::compile(value, cased);
                every_exact &= matcher.kind() == string_matcher::shape::exact;
                test.strings.groups[group_for(i)].push_back(std::move(matcher));
            }
        }
        test.event_id = field_name == "EventID" && every_exact;
        return plan_.add_test(std::move(test));
    }

    sigma_result<std::vector<std::string>> expanded_texts(const yaml_node& value, const std::string& key) {
        auto expanded = expand_placeholders(parse_sigma_string(value.text(), true), context_.placeholders);
        if (!expanded) {
            rule_problem problem = expanded.problem();
            problem.construct = key + ": " + problem.construct;
            problem.line = value.line();
            return problem;
        }
        std::vector<std::string> texts;
        for (const sigma_string& s : expanded.value()) {
            if (!s.is_plain()) return problem_at(value, key, "a placeholder value with wildcards where a network is expected");
            texts.push_back(s.plain_text());
        }
        return texts;
    }

    // A value through its transformations: the strings it stands for, each
    // with whether it matches case-sensitively.
    sigma_result<std::vector<std::pair<sigma_string, bool>>> string_alternatives(const yaml_node& value,
                                                                                const std::string& key,
                                                                                const modifier_chain& chain,
                                                                                bool keyword) {
        std::vector<sigma_string> current;
        const sigma_string parsed = parse_sigma_string(value.text(), chain.expand);
        if (chain.expand) {
            auto expanded = expand_placeholders(parsed, context_.placeholders);
            if (!expanded) {
                rule_problem problem = expanded.problem();
                problem.construct = key + ": " + problem.construct;
                problem.line = value.line();
                return problem;
            }
            current = std::move(expanded.value());
        } else {
            current.push_back(parsed);
        }
        bool encoded = false;
        bool positioned = false;
        for (const std::string& transform : chain.transforms) {
            if (transform == "contains" || transform == "startswith" || transform == "endswith") {
                positioned = true;
                for (sigma_string& s : current) {
                    if (transform != "startswith") add_leading_wildcard(s);
                    if (transform != "endswith") add_trailing_wildcard(s);
                }
                continue;
            }
            if (transform == "windash") {
                for (sigma_string& s : current) s = with_windash(s);
                continue;
            }
            // An encoding: plain text in, plain bytes out.
            std::vector<sigma_string> plain;
            for (const sigma_string& s : current) {
                bool wildcards = false;
                for (const pattern_part& part : s.parts)
                    wildcards |= part.what == pattern_part::kind::any_sequence || part.what == pattern_part::kind::any_char;
                if (wildcards)
                    return problem_at(value, key + ": " + value.text(), "'" + transform + "' on a value with wildcards (an encoding needs plain text)");
                auto variants = expand_dashes(s);
                if (!variants) return problem_at(value, key + ": " + value.text(), variants.problem().reason);
                for (sigma_string& v : variants.value()) plain.push_back(std::move(v));
            }
            current.clear();
            for (const sigma_string& s : plain) {
                const std::string text = s.plain_text();
                if (transform == "base64") {
                    current.push_back(plain_string(base64_encode(text)));
                } else if (transform == "base64offset") {
                    for (std::string& form : base64_offset_forms(text))
                        if (!form.empty()) current.push_back(plain_string(form));
                } else {
                    const utf16_form form = transform == "utf16le" ? utf16_form::little_endian
                                          : transform == "utf16be" ? utf16_form::big_endian
                                                                   : utf16_form::little_endian_with_bom;
                    current.push_back(plain_string(utf16_encode(text, form)));
                }
            }
            if (transform.starts_with("base64")) encoded = true;
            if (current.empty()) return problem_at(value, key + ": " + value.text(), "'" + transform + "' leaves nothing to match");
        }
        if (keyword && !positioned)
            for (sigma_string& s : current) {
                add_leading_wildcard(s);
                add_trailing_wildcard(s);
            }
        std::vector<std::pair<sigma_string, bool>> result;
        for (sigma_string& s : current) result.emplace_back(std::move(s), chain.cased || encoded);
        return result;
    }

    const compile_context& context_;
    detection_plan& plan_;
};

// Condition tree -> plan nodes, each search identifier compiled once.
class condition_builder {
public:
    condition_builder(const std::vector<std::pair<std::string, yaml_node>>& identifiers, compiler& compile,
                      detection_plan& plan)
        : identifiers_(identifiers), compile_(compile), plan_(plan) {}

    sigma_result<std::uint32_t> build(const condition_node& node, const std::string& condition_text) {
        switch (node.what) {
        case condition_node::kind::identifier:
            return identifier(node.name, condition_text);
        case condition_node::kind::negation: {
            auto inner = build(node.children[0], condition_text);
            if (!inner) return inner;
            return plan_.add_node(plan_node::kind::negation, {inner.value()});
        }
        case condition_node::kind::all_of:
        case condition_node::kind::any_of: {
            std::vector<std::uint32_t> parts;
            for (const condition_node& child : node.children) {
                auto part = build(child, condition_text);
                if (!part) return part;
                parts.push_back(part.value());
            }
            return plan_.add_node(node.what == condition_node::kind::all_of ? plan_node::kind::all_of : plan_node::kind::any_of, parts);
        }
        case condition_node::kind::quantified: {
            std::vector<std::uint32_t> parts;
            for (const auto& [name, value] : identifiers_) {
                const bool chosen = node.name == "them" ? !name.starts_with("_") : identifier_matches(node.name, name);
                if (!chosen) continue;
                auto part = identifier(name, condition_text);
                if (!part) return part;
                parts.push_back(part.value());
            }
            const std::string written = (node.at_least == 0 ? std::string("all") : std::to_string(node.at_least)) + " of " + node.name;
            if (parts.empty()) return rule_problem{written, "matches no search identifier"};
            if (node.at_least == 0) return plan_.add_node(plan_node::kind::all_of, parts);
            if (node.at_least == 1) return plan_.add_node(plan_node::kind::any_of, parts);
            return at_least(parts, node.at_least, written);
        }
        }
        return rule_problem{condition_text, "condition not understood"};
    }

    sigma_result<std::uint32_t> identifier(const std::string& name, const std::string& condition_text) {
        if (const auto known = compiled_.find(name); known != compiled_.end()) return known->second;
        for (const auto& [candidate, value] : identifiers_) {
            if (candidate != name) continue;
            auto compiled = compile_.identifier(name, value);
            if (!compiled) return compiled;
            compiled_.emplace(name, compiled.value());
            return compiled.value();
        }
        return rule_problem{condition_text, "search identifier '" + name + "' is not defined"};
    }

    bool was_compiled(const std::string& name) const { return compiled_.count(name) != 0; }

private:
    // N of M: the OR, over every choice of N, of their AND (M choose N is
    // kept small by refusing large ones).
    sigma_result<std::uint32_t> at_least(const std::vector<std::uint32_t>& parts, std::size_t n, const std::string& written) {
        if (n > parts.size()) return rule_problem{written, "asks for more search identifiers than the pattern matches"};
        std::vector<std::uint32_t> choices;
        std::vector<std::size_t> pick(n);
        for (std::size_t i = 0; i < n; ++i) pick[i] = i;
        while (true) {
            std::vector<std::uint32_t> chosen;
            for (std::size_t index : pick) chosen.push_back(parts[index]);
            choices.push_back(plan_.add_node(plan_node::kind::all_of, chosen));
            if (choices.size() > 1024) return rule_problem{written, "too many combinations (more than 1024)"};
            std::size_t i = n;
            while (i > 0 && pick[i - 1] == parts.size() - n + i - 1) --i;
            if (i == 0) break;
            ++pick[i - 1];
            for (std::size_t k = i; k < n; ++k) pick[k] = pick[k - 1] + 1;
        }
        return plan_.add_node(plan_node::kind::any_of, choices);
    }

    const std::vector<std::pair<std::string, yaml_node>>& identifiers_;
    compiler& compile_;
    detection_plan& plan_;
    std::map<std::string, std::uint32_t> compiled_;
};

}  // namespace

sigma_result<compiled_detection> compile_detection(const yaml_node& identifiers, const yaml_node& condition,
                                                   const std::vector<std::string>& ignored_keys,
                                                   const compile_context& context, detection_plan& plan) {
    if (!identifiers.is_map()) return problem_at(identifiers, "detection", "detection is not a map");
    std::vector<std::pair<std::string, yaml_node>> named;
    for (const yaml_entry& entry : identifiers.entries()) {
        if (std::find(ignored_keys.begin(), ignored_keys.end(), entry.key) != ignored_keys.end()) continue;
        named.emplace_back(entry.key, entry.value);
    }

    std::vector<std::string> conditions;
    if (condition.is_scalar()) {
        conditions.push_back(condition.text());
    } else if (condition.is_sequence() && condition.size() > 0) {
        for (const yaml_node& item : condition.items()) {
            if (!item.is_scalar()) return problem_at(item, "condition", "a condition list item that is not a string");
            conditions.push_back(item.text());
        }
    } else {
        return problem_at(condition, "condition", condition.is_null() ? "no condition" : "condition is not a string or a list of strings");
    }

    compiler compile(context, plan);
    condition_builder builder(named, compile, plan);
    std::vector<std::uint32_t> roots;
    for (const std::string& text : conditions) {
        auto parsed = parse_condition(text);
        if (!parsed) {
            rule_problem problem = parsed.problem();
            problem.line = condition.line();
            if (problem.construct.empty()) problem.construct = text;
            return problem;
        }
        auto root = builder.build(parsed.value(), text);
        if (!root) {
            rule_problem problem = root.problem();
            if (problem.line == 0) problem.line = condition.line();
            return problem;
        }
        roots.push_back(root.value());
    }

    compiled_detection result;
    result.root = roots.size() == 1 ? roots[0] : plan.add_node(plan_node::kind::any_of, roots);
    result.fields = compile.fields;
    result.keywords = compile.keywords;

    // Identifiers the condition never names are still checked: a rule with
    // a construct we refuse is refused whole, used or not.
    for (const auto& [name, value] : named) {
        if (builder.was_compiled(name)) continue;
        detection_plan scratch;
        compiler check(context, scratch);
        auto checked = check.identifier(name, value);
        if (!checked) return checked.problem();
    }
    return result;
}

}  // namespace evtxcar::sigma
