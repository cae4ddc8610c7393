#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "sigma/case_folding.hpp"
#include "sigma/detection_compiler.hpp"
#include "sigma/rule_set.hpp"
#include "sigma/rule_source_reader.hpp"
#include "sigma/yaml_document.hpp"

namespace evtxcar::sigma {

namespace {

std::string scalar_or_empty(const yaml_node& node) { return node.is_scalar() ? node.text() : std::string(); }

std::vector<std::string> scalar_list(const yaml_node& node) {
    std::vector<std::string> out;
    if (node.is_scalar()) out.push_back(node.text());
    if (node.is_sequence())
        for (const yaml_node& item : node.items())
            if (item.is_scalar()) out.push_back(item.text());
    return out;
}

// Rule collections: `over` laid on a copy of `base`, maps merged key by key.
yaml_node merged(const yaml_node& base, const yaml_node& over) {
    if (!base.is_map() || !over.is_map()) return over;
    yaml_node result = base;
    for (const yaml_entry& entry : over.entries()) {
        const yaml_node& existing = result.get(entry.key);
        result.set(entry.key, existing.is_map() && entry.value.is_map() ? merged(existing, entry.value) : entry.value);
    }
    return result;
}

yaml_node without(const yaml_node& map, const std::string& key) {
    yaml_node copy = yaml_node::map(map.line());
    for (const yaml_entry& entry : map.entries())
        if (entry.key != key) copy.add_entry(entry.key, entry.value, entry.line);
    return copy;
}

bool compatible(const logsource& filter, const logsource& rule) {
    return (filter.product.empty() || filter.product == rule.product) &&
           (filter.category.empty() || filter.category == rule.category) &&
           (filter.service.empty() || filter.service == rule.service);
}

// Why the status or level filters leave a rule out.
struct below_filter {
    skipped_rule::why reason;
    std::string detail;
};

class loader {
public:
    loader(const load_options& options, field_resolver& resolver) : options_(options), resolver_(resolver) {}

    void read_source(const parsed_rule_source& source) {
        if (!source.opened) {
            reject(source.file, {}, {"", "cannot open the file", 0});
            return;
        }
        ++set_.files;
        const auto& parsed = source.documents;
        const std::string& file = source.file;
        if (!parsed) {
            reject(file, {}, parsed.problem());
            return;
        }
        const std::vector<yaml_node>& documents = parsed.value();
        // Collections: the global document laid under each rule, the rule
        // before for `repeat`. Copies are made only for those.
        std::optional<yaml_node> global;
        std::optional<yaml_node> merged_document;
        const yaml_node* previous = nullptr;
        for (std::size_t index = 0; index < documents.size(); ++index) {
            const yaml_node* document = &documents[index];
            if (document->is_null()) continue;  // an empty document (a trailing ---)
            ++set_.documents;
            if (!document->is_map()) {
                reject(file, {}, {"document", "a YAML document that is not a map", document->line()});
                continue;
            }
            const std::string action = scalar_or_empty(document->get("action"));
            if (action == "global") {
                global = without(*document, "action");
                continue;
            }
            if (action == "reset") {
                global.reset();
                continue;
            }
            if (action == "repeat") {
                if (previous == nullptr) {
                    reject(file, {}, {"action: repeat", "repeat without a rule before it", document->line()});
                    continue;
                }
                yaml_node repeated = merged(*previous, without(*document, "action"));
                merged_document = std::move(repeated);
                document = &*merged_document;
            } else if (!action.empty()) {
                reject(file, {}, {"action: " + action, "unknown collection action", document->line()});
                continue;
            } else if (global) {
                merged_document = merged(*global, *document);
                document = &*merged_document;
            }
            previous = document;
            read_document(*document, file, index);
        }
    }

    rule_set finish() {
        resolve_correlations();
        attach_filters();
        return std::move(set_);
    }

private:
    void reject(const std::string& file, const rule_metadata& metadata, rule_problem problem) {
        set_.rejected.push_back({file, metadata.display_id(), metadata.title, std::move(problem)});
    }

    std::optional<rule_problem> read_metadata(const yaml_node& document, rule_metadata& metadata) {
        metadata.title = scalar_or_empty(document.get("title"));
        metadata.id = scalar_or_empty(document.get("id"));
        metadata.name = scalar_or_empty(document.get("name"));
        metadata.description = scalar_or_empty(document.get("description"));
        metadata.references = scalar_list(document.get("references"));
        metadata.falsepositives = scalar_list(document.get("falsepositives"));
        metadata.author = scalar_or_empty(document.get("author"));
        metadata.date = scalar_or_empty(document.get("date"));
        metadata.modified = scalar_or_empty(document.get("modified"));
        metadata.tags = scalar_list(document.get("tags"));
        derive_attack_tags(metadata);
        if (const std::string status = scalar_or_empty(document.get("status")); !status.empty()) {
            metadata.status = parse_status(status);
            if (!metadata.status) return rule_problem{"status: " + status, "unknown status", document.get("status").line()};
        }
        if (const std::string level = scalar_or_empty(document.get("level")); !level.empty()) {
            metadata.level = parse_level(level);
            if (!metadata.level) return rule_problem{"level: " + level, "unknown level", document.get("level").line()};
        }
        if (metadata.title.empty()) return rule_problem{"title", "the rule has no title", document.line()};
        return std::nullopt;
    }

    // Why the status and level filters leave the rule out, if they do.
    std::optional<below_filter> outside_status_or_level(const rule_metadata& metadata) const {
        if (metadata.status &&
            std::find(options_.statuses.begin(), options_.statuses.end(), *metadata.status) == options_.statuses.end()) {
            return below_filter{skipped_rule::why::status, "status: " + std::string(status_name(*metadata.status))};
        }
        if (metadata.level && *metadata.level < options_.min_level) {
            return below_filter{skipped_rule::why::level, "level: " + std::string(level_name(*metadata.level))};
        }
        return std::nullopt;
    }

    // Status and level filters; true when the rule is skipped (and counted).
    bool skipped_by_status_or_level(const rule_metadata& metadata) {
        if (auto outside = outside_status_or_level(metadata)) {
            skip(metadata, outside->reason, std::move(outside->detail));
            return true;
        }
        return false;
    }

    void skip(const rule_metadata& metadata, skipped_rule::why why, std::string detail) {
        if (!metadata.id.empty()) skipped_references_[metadata.id] = detail;
        if (!metadata.name.empty()) skipped_references_[metadata.name] = detail;
        set_.skipped.push_back({metadata.file, metadata.display_id(), why, std::move(detail)});
    }

    std::optional<logsource> read_logsource(const yaml_node& node) {
        if (!node.is_map()) return std::nullopt;
        logsource source;
        // The specification writes these in lower case; a rule that does not
        // still means the same log source.
        auto lower = [](std::string text) {
            for (char& c : text) c = fold_ascii(c);
            return text;
        };
        source.product = lower(scalar_or_empty(node.get("product")));
        source.category = lower(scalar_or_empty(node.get("category")));
        source.service = lower(scalar_or_empty(node.get("service")));
        source.definition = scalar_or_empty(node.get("definition"));
        return source;
    }

    bool skipped_by_product(const rule_metadata& metadata, const logsource& source) {
        if (options_.products.empty() || source.product.empty()) return false;
        if (std::find(options_.products.begin(), options_.products.end(), source.product) != options_.products.end())
            return false;
        skip(metadata, skipped_rule::why::product, "product: " + source.product);
        return true;
    }

    void read_document(const yaml_node& document, const std::string& file, std::size_t index) {
        rule_metadata metadata;
        metadata.file = file;
        metadata.document = index;
        const bool is_correlation = document.has("correlation");
        const bool is_filter = !is_correlation && document.has("filter") && !document.has("detection");
        if (auto problem = read_metadata(document, metadata)) {
            reject(file, metadata, std::move(*problem));
            return;
        }
        if (is_correlation) return read_correlation_document(document, std::move(metadata));
        if (is_filter) return read_filter_document(document, std::move(metadata));
        if (!document.has("detection")) {
            reject(file, metadata, {"document", "neither a detection, a correlation nor a filter", document.line()});
            return;
        }

        const std::optional<logsource> source = read_logsource(document.get("logsource"));
        if (!source) {
            reject(file, metadata, {"logsource", "the rule has no logsource map", document.line()});
            return;
        }
        if (skipped_by_product(metadata, *source)) return;
        // A rule the status or level filters leave out may still feed a
        // correlation that passes them (a low-level base rule of a high-level
        // correlation): it is compiled, and kept only if one counts it.
        std::optional<below_filter> outside = outside_status_or_level(metadata);

        const yaml_node detection = document.get("detection");
        detection_plan plan;
        const compile_context context{*source, resolver_, options_.placeholders};
        auto compiled = compile_detection(detection, detection.get("condition"), {"condition", "timeframe"}, context, plan);
        if (!compiled) {
            if (outside) {
                skip(metadata, outside->reason, std::move(outside->detail));  // the filters' word comes first
            } else {
                reject(file, metadata, compiled.problem());
            }
            return;
        }
        plan.root = compiled.value().root;
        compiled_rule rule(std::move(metadata), *source, std::move(plan));
        for (const referenced_field& field : compiled.value().fields) rule.note_field(field);
        if (compiled.value().keywords) rule.note_keywords();
        rule.set_required_event_ids(rule.plan().required_event_ids(rule.plan().root));
        rule.set_required_literals(required_literals(rule.plan(), rule.plan().root));
        set_.rules.push_back(std::move(rule));
        below_filter_.push_back(std::move(outside));
    }

    void read_correlation_document(const yaml_node& document, rule_metadata metadata) {
        if (skipped_by_status_or_level(metadata)) return;
        const std::string file = metadata.file;
        auto read = read_correlation(document.get("correlation"), metadata);
        if (!read) {
            reject(file, metadata, read.problem());
            return;
        }
        correlation_rule rule = std::move(read.value());
        if (document.get("generate").is_scalar()) {
            const std::string generate = document.get("generate").text();
            rule.generate = generate == "true" || generate == "True";
        }
        pending_correlations_.push_back({std::move(rule), document.line()});
    }

    void read_filter_document(const yaml_node& document, rule_metadata metadata) {
        const std::optional<logsource> source = read_logsource(document.get("logsource"));
        if (!source) {
            reject(metadata.file, metadata, {"logsource", "the filter has no logsource map", document.line()});
            return;
        }
        if (skipped_by_product(metadata, *source)) return;
        const yaml_node filter = document.get("filter");
        if (!filter.is_map() || scalar_list(filter.get("rules")).empty()) {
            reject(metadata.file, metadata, {"filter", "a filter needs `rules` and its selection and condition", filter.line()});
            return;
        }
        pending_filters_.push_back({std::move(metadata), *source, filter});
    }

    struct reference_target {
        correlation_input::kind what;
        std::size_t index;
    };

    std::optional<reference_target> find_reference(const std::string& reference) const {
        for (std::size_t i = 0; i < set_.rules.size(); ++i) {
            const rule_metadata& m = set_.rules[i].metadata();
            if (m.id == reference || m.name == reference) return reference_target{correlation_input::kind::rule, i};
        }
        for (std::size_t i = 0; i < set_.correlations.size(); ++i) {
            const rule_metadata& m = set_.correlations[i].metadata;
            if (m.id == reference || m.name == reference) return reference_target{correlation_input::kind::correlation, i};
        }
        return std::nullopt;
    }

    bool is_pending(const std::string& reference, std::size_t except) const {
        for (std::size_t i = 0; i < pending_correlations_.size(); ++i) {
            if (i == except || !pending_correlations_[i].rule) continue;
            const rule_metadata& m = pending_correlations_[i].rule->metadata;
            if (m.id == reference || m.name == reference) return true;
        }
        return false;
    }

    // The field a group-by name (or condition field) reads in the events of
    // the rule `metadata` names: its alias there, else the name itself.
    static std::string aliased(const correlation_rule& rule, const std::string& name, const rule_metadata& metadata) {
        const auto alias = rule.aliases.find(name);
        if (alias == rule.aliases.end()) return name;
        for (const std::string& key : {metadata.name, metadata.id}) {
            if (key.empty()) continue;
            if (const auto field = alias->second.find(key); field != alias->second.end()) return field->second;
        }
        return name;
    }

    void resolve_correlations() {
        bool progress = true;
        while (progress) {
            progress = false;
            for (std::size_t p = 0; p < pending_correlations_.size(); ++p) {
                pending_correlation& pending = pending_correlations_[p];
                if (!pending.rule) continue;
                correlation_rule& rule = *pending.rule;
                bool waiting = false;
                std::optional<rule_problem> problem;
                std::vector<correlation_input> inputs;
                for (const std::string& reference : rule.rule_references) {
                    const std::optional<reference_target> target = find_reference(reference);
                    if (!target) {
                        if (is_pending(reference, p)) {
                            waiting = true;
                            continue;
                        }
                        const auto skipped = skipped_references_.find(reference);
                        problem = rule_problem{"rules: " + reference,
                                               skipped != skipped_references_.end()
                                                   ? "refers to a rule that was skipped (" + skipped->second + ")"
                                                   : "refers to no loaded rule (by id or name)",
                                               pending.line};
                        break;
                    }
                    correlation_input input;
                    input.what = target->what;
                    input.index = target->index;
                    input.reference = reference;
                    if (target->what == correlation_input::kind::rule) {
                        const compiled_rule& base = set_.rules[target->index];
                        for (const std::string& group : rule.group_by)
                            input.group_fields.push_back(resolver_.resolve(base.source(), aliased(rule, group, base.metadata())));
                        for (const std::string& field : rule.value_fields)
                            input.value_fields.push_back(resolver_.resolve(base.source(), aliased(rule, field, base.metadata())));
                    } else {
                        const correlation_rule& inner = set_.correlations[target->index];
                        for (const std::string& group : rule.group_by) {
                            const std::string name = aliased(rule, group, inner.metadata);
                            const auto at = std::find(inner.group_by.begin(), inner.group_by.end(), name);
                            input.group_positions.push_back(at == inner.group_by.end() ? -1 : static_cast<int>(at - inner.group_by.begin()));
                        }
                        if (!rule.value_fields.empty())
                            problem = rule_problem{"condition: field", "a value condition over another correlation's hits (they have no fields)", pending.line};
                    }
                    inputs.push_back(std::move(input));
                }
                if (problem) {
                    reject(rule.metadata.file, rule.metadata, std::move(*problem));
                    pending.rule.reset();
                    progress = true;
                    continue;
                }
                if (waiting) continue;
                rule.inputs = std::move(inputs);
                set_.correlations.push_back(std::move(rule));
                pending.rule.reset();
                progress = true;
            }
        }
        for (pending_correlation& pending : pending_correlations_) {
            if (!pending.rule) continue;
            reject(pending.rule->metadata.file, pending.rule->metadata,
                   {"rules", "refers to correlations that refer back to it (a cycle)", pending.line});
        }
        // A rule a correlation counts is a detection of its own only when some
        // correlation counting it says `generate: true`.
        std::vector<int> rule_generate(set_.rules.size(), -1), correlation_generate(set_.correlations.size(), -1);
        for (const correlation_rule& rule : set_.correlations)
            for (const correlation_input& input : rule.inputs) {
                int& flag = input.what == correlation_input::kind::rule ? rule_generate[input.index] : correlation_generate[input.index];
                flag = std::max(flag, rule.generate ? 1 : 0);
            }
        for (std::size_t i = 0; i < set_.rules.size(); ++i)
            if (rule_generate[i] == 0) set_.rules[i].set_standalone(false);
        for (std::size_t i = 0; i < set_.correlations.size(); ++i)
            if (correlation_generate[i] == 0) set_.correlations[i].standalone = false;
        drop_rules_below_filter(rule_generate);
    }

    // Rules outside the status or level filters: skipped unless a correlation
    // counts them; then they only feed it (never a detection of their own).
    void drop_rules_below_filter(const std::vector<int>& counted) {
        std::vector<std::size_t> new_index(set_.rules.size());
        std::vector<compiled_rule> kept;
        kept.reserve(set_.rules.size());
        for (std::size_t i = 0; i < set_.rules.size(); ++i) {
            if (below_filter_[i] && counted[i] < 0) {
                skip(set_.rules[i].metadata(), below_filter_[i]->reason, std::move(below_filter_[i]->detail));
                continue;
            }
            if (below_filter_[i]) set_.rules[i].set_standalone(false);
            new_index[i] = kept.size();
            kept.push_back(std::move(set_.rules[i]));
        }
        set_.rules = std::move(kept);
        below_filter_.clear();
        for (correlation_rule& rule : set_.correlations)
            for (correlation_input& input : rule.inputs)
                if (input.what == correlation_input::kind::rule) input.index = new_index[input.index];
    }

    void attach_filters() {
        for (pending_filter& pending : pending_filters_) {
            applied_filter applied;
            applied.file = pending.metadata.file;
            applied.filter = pending.metadata.display_id();
            bool refused = false;
            for (const std::string& reference : scalar_list(pending.filter.get("rules"))) {
                bool found = false;
                for (compiled_rule& rule : set_.rules) {
                    const rule_metadata& m = rule.metadata();
                    if (m.id != reference && m.name != reference) continue;
                    found = true;
                    if (!compatible(pending.source, rule.source())) {
                        applied.other_logsource.push_back(reference);
                        continue;
                    }
                    detection_plan& plan = rule.plan();
                    const compile_context context{rule.source(), resolver_, options_.placeholders};
                    auto compiled = compile_detection(pending.filter, pending.filter.get("condition"), {"rules", "condition"}, context, plan);
                    if (!compiled) {
                        reject(pending.metadata.file, pending.metadata, compiled.problem());
                        refused = true;
                        break;
                    }
                    const std::uint32_t excluded = plan.add_node(plan_node::kind::negation, {compiled.value().root});
                    plan.root = plan.add_node(plan_node::kind::all_of, {plan.root, excluded});
                    for (const referenced_field& field : compiled.value().fields) rule.note_field(field);
                    if (compiled.value().keywords) rule.note_keywords();
                    rule.set_required_event_ids(plan.required_event_ids(plan.root));
                    rule.set_required_literals(required_literals(plan, plan.root));
                    rule.add_filter(applied.filter);
                    applied.applied_to.push_back(reference);
                }
                if (refused) break;
                if (!found) applied.not_found.push_back(reference);
            }
            if (!refused) set_.filters.push_back(std::move(applied));
        }
    }

    struct pending_correlation {
        std::optional<correlation_rule> rule;
        std::size_t line = 0;
    };
    struct pending_filter {
        rule_metadata metadata;
        logsource source;
        yaml_node filter;
    };

    const load_options& options_;
    field_resolver& resolver_;
    rule_set set_;
    std::vector<pending_correlation> pending_correlations_;
    std::vector<pending_filter> pending_filters_;
    std::map<std::string, std::string> skipped_references_;  // id or name -> why it was skipped
    std::vector<std::optional<below_filter>> below_filter_;   // per rule of set_.rules, until the correlations are resolved
};

bool is_rule_file(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return extension == ".yml" || extension == ".yaml";
}

}  // namespace

std::vector<std::filesystem::path> rule_files(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
        files.push_back(path);
        return files;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(path, std::filesystem::directory_options::skip_permission_denied, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && is_rule_file(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

rule_set load_rules(const std::vector<std::filesystem::path>& paths, const load_options& options,
                    field_resolver& resolver) {
    return load_rules(std::vector<rule_text>{}, paths, options, resolver);
}

rule_set load_rules(const std::vector<rule_text>& texts, const std::vector<std::filesystem::path>& paths,
                    const load_options& options, field_resolver& resolver) {
    std::vector<rule_source> sources;
    for (const rule_text& text : texts) sources.push_back({text.file, text.yaml, false});
    for (const std::filesystem::path& path : paths)
        for (const std::filesystem::path& file : rule_files(path)) sources.push_back({file.string(), {}, true});
    rule_source_reader reader(std::move(sources), options.parse_threads);
    loader load(options, resolver);
    for (std::size_t i = 0; i < reader.size(); ++i) load.read_source(reader.take(i));
    return load.finish();
}

rule_set load_rules_from_text(std::string_view yaml, std::string_view file_name, const load_options& options,
                              field_resolver& resolver) {
    loader load(options, resolver);
    load.read_source(parse_rule_source({std::string(file_name), yaml, false}));
    return load.finish();
}

sigma_result<placeholder_values> read_placeholders_text(std::string_view yaml) {
    auto parsed = parse_yaml_documents(yaml);
    if (!parsed) {
        rule_problem problem = parsed.problem();
        problem.construct = "placeholders";
        return problem;
    }
    placeholder_values values;
    if (parsed.value().empty() || parsed.value()[0].is_null()) return values;
    const yaml_node& root = parsed.value()[0];
    if (!root.is_map()) return rule_problem{"placeholders", "a placeholders file is a map of name to values", root.line()};
    for (const yaml_entry& entry : root.entries()) {
        const std::string& name = entry.key;
        if (entry.value.is_scalar()) {
            values[name].push_back(entry.value.text());
        } else if (entry.value.is_sequence()) {
            for (const yaml_node& item : entry.value.items()) {
                if (!item.is_scalar()) return rule_problem{name, "a placeholder value that is not a string", item.line()};
                values[name].push_back(item.text());
            }
        } else {
            return rule_problem{name, "a placeholder without values", entry.line};
        }
    }
    return values;
}

sigma_result<placeholder_values> read_placeholders(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return rule_problem{path.string(), "cannot open the placeholders file"};
    std::stringstream text;
    text << in.rdbuf();
    return read_placeholders_text(text.str());
}

}  // namespace evtxcar::sigma
