#pragma once
// Test stand-ins for what the pipeline gives the Sigma engine: a resolver
// that numbers field names as it meets them, and an event that is a map of
// field name to value.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sigma/event_view.hpp"
#include "sigma/rule_set.hpp"

namespace evtxcar::sigma::testing {

class numbering_resolver final : public field_resolver {
public:
    field_ref resolve(const logsource&, std::string_view sigma_field) override {
        const auto [it, inserted] = ids_.try_emplace(std::string(sigma_field), static_cast<std::uint32_t>(names_.size()));
        if (inserted) names_.emplace_back(sigma_field);
        return {it->second};
    }
    const std::string& name(field_ref field) const { return names_.at(field.id); }
    std::size_t size() const { return names_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> names_;
};

// An event: field name -> value; a field not in the map is absent.
class map_event final : public event_view {
public:
    map_event(const numbering_resolver& resolver, std::map<std::string, std::string> fields)
        : resolver_(resolver), fields_(std::move(fields)) {}

    std::optional<std::string_view> value(field_ref field) const override {
        if (field.id >= resolver_.size()) return std::nullopt;
        const auto found = fields_.find(resolver_.name(field));
        if (found == fields_.end()) return std::nullopt;
        return std::string_view(found->second);
    }
    void for_each_value(function_ref<void(std::string_view)> visit) const override {
        for (const auto& [name, value] : fields_) visit(value);
    }

private:
    const numbering_resolver& resolver_;
    std::map<std::string, std::string> fields_;
};

inline load_options any_product() {
    load_options options;
    options.products.clear();
    return options;
}

}  // namespace evtxcar::sigma::testing

namespace evtxcar::sigma::testing {

// One rule with `detection` (YAML, indented by 4 under `detection:`),
// loaded; `rules` tells whether it loaded or why not.
struct single_rule {
    numbering_resolver resolver;
    rule_set rules;

    explicit single_rule(const std::string& detection, load_options options = any_product()) {
        const std::string text = "title: test rule\nid: 00000000-0000-4000-8000-000000000001\n"
                                 "logsource:\n    product: windows\n    category: process_creation\n"
                                 "detection:\n" + detection;
        rules = load_rules_from_text(text, "test.yml", options, resolver);
    }
    bool loaded() const { return rules.rules.size() == 1 && rules.rejected.empty(); }
    std::string rejection() const { return rules.rejected.empty() ? std::string() : rules.rejected[0].problem.reason; }
    std::string refused_construct() const { return rules.rejected.empty() ? std::string() : rules.rejected[0].problem.construct; }
    bool matches(std::map<std::string, std::string> fields) const {
        return rules.rules.at(0).matches(map_event(resolver, std::move(fields)));
    }
};

}  // namespace evtxcar::sigma::testing
