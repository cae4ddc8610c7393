#pragma once
// Loading Sigma rules: files or folders (searched recursively for *.yml and
// *.yaml, in path order), multi-document files, rule collections (action:
// global / reset / repeat), correlation rules and filter rules. Every rule
// either loads, or is rejected (file, line, rule, the construct refused and
// why), or is skipped (another product, a status or level not asked for)
// and counted. A file YAML cannot read is a rejection with its line; the
// load goes on.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sigma/compiled_rule.hpp"
#include "sigma/correlation_rule.hpp"
#include "sigma/event_view.hpp"
#include "sigma/rule_metadata.hpp"
#include "sigma/rule_problem.hpp"
#include "sigma/sigma_string.hpp"

namespace evtxcar::sigma {

struct load_options {
    rule_level min_level = rule_level::informational;  // rules without a level always pass
    // Statuses that load; rules without a status always pass.
    std::vector<rule_status> statuses{rule_status::stable, rule_status::test, rule_status::experimental};
    // Products that load (lower case); rules without a product always pass.
    // Empty: every product.
    std::vector<std::string> products{"windows"};
    placeholder_values placeholders;  // for `expand` (read_placeholders)
    // Threads that read and parse rule files ahead of the compiling
    // (rule_source_reader); 0: all in the loading thread. The rules, their
    // order and every problem are the same whatever the number.
    unsigned parse_threads = 0;
};

struct rejected_rule {
    std::string file;
    std::string rule;   // id, else name, else title; empty when the document could not be read
    std::string title;
    rule_problem problem;  // construct, reason, line
};

struct skipped_rule {
    enum class why : std::uint8_t { product, status, level };
    std::string file;
    std::string rule;
    why reason = why::product;
    std::string detail;  // "product: linux", "status: deprecated", "level: low"
};

struct applied_filter {
    std::string file;
    std::string filter;                 // id, else title
    std::vector<std::string> applied_to;  // the rules it was attached to
    std::vector<std::string> not_found;   // names in its `rules` that no loaded rule has
    std::vector<std::string> other_logsource;  // rules it names whose logsource differs from the filter's
};

struct rule_set {
    std::vector<compiled_rule> rules;
    std::vector<correlation_rule> correlations;
    std::vector<applied_filter> filters;
    std::vector<rejected_rule> rejected;
    std::vector<skipped_rule> skipped;
    std::size_t files = 0;      // files read
    std::size_t documents = 0;  // YAML documents read (collection globals included)
};

// Loads every rule under `paths` (files or folders). Field names resolve
// through `resolver` under each rule's logsource.
rule_set load_rules(const std::vector<std::filesystem::path>& paths, const load_options& options,
                    field_resolver& resolver);

// The same from YAML text, as if read from a file named `file_name`.
rule_set load_rules_from_text(std::string_view yaml, std::string_view file_name, const load_options& options,
                              field_resolver& resolver);

// Rule texts the program carries (each as if read from a file of that
// name), then the rule files under `paths`, as one rule set: correlations
// and filters in the files may name rules of the texts.
struct rule_text {
    std::string file;
    std::string_view yaml;
};
rule_set load_rules(const std::vector<rule_text>& texts, const std::vector<std::filesystem::path>& paths,
                    const load_options& options, field_resolver& resolver);

// The rule files under `path` (itself when a file), sorted by path.
std::vector<std::filesystem::path> rule_files(const std::filesystem::path& path);

// A placeholders file (docs/sigma.md): a YAML map of placeholder name
// (without %) to one value or a list of values.
sigma_result<placeholder_values> read_placeholders(const std::filesystem::path& path);
sigma_result<placeholder_values> read_placeholders_text(std::string_view yaml);

}  // namespace evtxcar::sigma
