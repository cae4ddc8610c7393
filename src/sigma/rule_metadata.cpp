#include "sigma/rule_metadata.hpp"

#include <array>

namespace evtxcar::sigma {

namespace {

constexpr std::array<std::string_view, 5> level_names{"informational", "low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 5> status_names{"stable", "test", "experimental", "deprecated", "unsupported"};

// The tactics of the tags appendix's attack namespace.
constexpr std::array<std::string_view, 14> attack_tactics{
    "reconnaissance",  "resource-development", "initial-access",   "execution",         "persistence",
    "privilege-escalation", "defense-evasion", "credential-access", "discovery",        "lateral-movement",
    "collection",      "exfiltration",         "command-and-control", "impact"};

bool is_technique(std::string_view text) {
    // t1234 or t1234.567
    if (text.size() < 5 || text[0] != 't') return false;
    for (std::size_t i = 1; i < 5; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    if (text.size() == 5) return true;
    if (text.size() != 9 || text[5] != '.') return false;
    for (std::size_t i = 6; i < 9; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

}  // namespace

std::string_view level_name(rule_level level) { return level_names[static_cast<std::size_t>(level)]; }
std::string_view status_name(rule_status status) { return status_names[static_cast<std::size_t>(status)]; }

std::optional<rule_level> parse_level(std::string_view text) {
    for (std::size_t i = 0; i < level_names.size(); ++i)
        if (level_names[i] == text) return static_cast<rule_level>(i);
    return std::nullopt;
}

std::optional<rule_status> parse_status(std::string_view text) {
    for (std::size_t i = 0; i < status_names.size(); ++i)
        if (status_names[i] == text) return static_cast<rule_status>(i);
    return std::nullopt;
}

void derive_attack_tags(rule_metadata& metadata) {
    constexpr std::string_view prefix = "attack.";
    for (const std::string& tag : metadata.tags) {
        std::string_view text(tag);
        if (!text.starts_with(prefix)) continue;
        text.remove_prefix(prefix.size());
        if (is_technique(text)) {
            std::string technique(text);
            technique[0] = 'T';
            metadata.techniques.push_back(std::move(technique));
            continue;
        }
        for (std::string_view tactic : attack_tactics)
            if (text == tactic) metadata.tactics.emplace_back(tactic);
    }
}

}  // namespace evtxcar::sigma
