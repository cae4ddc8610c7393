#pragma once
// What a Sigma rule says about itself: identity, level, status, ATT&CK tags,
// and where it was read from. Shared by detection and correlation rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evtxcar::sigma {

enum class rule_level : std::uint8_t { informational, low, medium, high, critical };
enum class rule_status : std::uint8_t { stable, test, experimental, deprecated, unsupported };

std::string_view level_name(rule_level level);
std::string_view status_name(rule_status status);
std::optional<rule_level> parse_level(std::string_view text);    // lower case, as the spec writes them
std::optional<rule_status> parse_status(std::string_view text);

struct rule_metadata {
    std::string id;     // the rule's `id`; empty when the rule has none
    std::string name;   // the rule's `name` (correlations refer to rules by id or name)
    std::string title;
    std::optional<rule_level> level;    // none when the rule does not say
    std::optional<rule_status> status;  // none when the rule does not say
    std::string description;
    std::vector<std::string> references;
    std::vector<std::string> falsepositives;
    std::string author;
    std::string date;      // as written (YYYY-MM-DD)
    std::string modified;  // as written
    std::vector<std::string> tags;        // as written, e.g. "attack.t1059.001", "attack.execution"
    std::vector<std::string> techniques;  // from the attack.tNNNN[.NNN] tags, upper case: "T1059.001"
    std::vector<std::string> tactics;     // from the attack.<tactic> tags: "execution", "defense-evasion"
    std::string file;                     // the file the rule was read from
    std::size_t document = 0;             // 0-based YAML document index within the file

    // How the rule is named in messages: id, else name, else title.
    const std::string& display_id() const { return !id.empty() ? id : !name.empty() ? name : title; }
};

// Splits `tags` into ATT&CK techniques and tactics (the attack namespace of
// the tags appendix); other namespaces are kept in `tags` only.
void derive_attack_tags(rule_metadata& metadata);

}  // namespace evtxcar::sigma
