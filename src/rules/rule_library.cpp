#include "rules/rule_library.hpp"

#include <algorithm>
#include <charconv>

#include "rules/car_event_view.hpp"
#include "rules/sigma_correlation_analytic.hpp"
#include "rules/sigma_rule_analytic.hpp"

namespace evtxcar::rules {

namespace {

std::vector<std::uint32_t> event_ids_of(const run_rule& run) {
    std::vector<std::uint32_t> ids;
    if (run.source != nullptr) {
        for (const car_kind& kind : run.source->car_kinds) {
            if (kind.event_id != 0) ids.push_back(kind.event_id);
        }
        for (const channel_kind& kind : run.source->channel_kinds) {
            if (kind.event_id != 0) ids.push_back(kind.event_id);
        }
        if (!ids.empty()) {
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            return ids;
        }
    }
    const auto& required = run.rule->required_event_ids();
    if (!required) return ids;
    for (const std::string& text : *required) {
        std::uint32_t id = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error != std::errc() || end != text.data() + text.size()) return {};  // not a number: no restriction
        ids.push_back(id);
    }
    return ids;
}

class sigma_marker final : public event_marker {
public:
    explicit sigma_marker(const rule_library& library) : library_(library), view_(library.fields()) {}

    void mark(car_event& event) override {
        view_.point_at(event);
        if (!event.is_generic()) {
            const kind_groups& groups = groups_of(event.object, event.action);
            run(*groups.kind_rules, event);
            run(*groups.object_rules, event);
        }
        if (channel_group_ == nullptr || event.channel != channel_) {
            channel_ = event.channel;
            channel_group_ = library_.group_of_channel(channel_);
            if (channel_group_ == nullptr) channel_group_ = &none_;
        }
        run(*channel_group_, event);
        run(library_.every_record(), event);
    }

private:
    // The groups of an object and action: the kind's rules and the object's
    // "*" rules. A log interleaves a few kinds, so each kind seen is looked up
    // in the library once and kept here, the last one asked first.
    struct kind_groups {
        std::string object, action;
        const rule_library::group* kind_rules;
        const rule_library::group* object_rules;  // the object's "*" rules
    };

    const kind_groups& groups_of(const std::string& object, const std::string& action) {
        if (last_kind_ < kinds_seen_.size()) {
            const kind_groups& last = kinds_seen_[last_kind_];
            if (last.object == object && last.action == action) return last;
        }
        for (std::size_t i = 0; i < kinds_seen_.size(); ++i) {
            if (kinds_seen_[i].object == object && kinds_seen_[i].action == action) {
                last_kind_ = i;
                return kinds_seen_[i];
            }
        }
        const rule_library::group* kind = library_.group_of_kind(object, action);
        const rule_library::group* object_any = library_.group_of_kind(object, "*");
        kinds_seen_.push_back({object, action, kind != nullptr ? kind : &none_,
                               object_any != nullptr ? object_any : &none_});
        last_kind_ = kinds_seen_.size() - 1;
        return kinds_seen_.back();
    }

    void run(const rule_library::group& group, car_event& event) {
        if (group.members.empty()) return;
        candidates_.clear();
        group.prefilter->candidates(view_, candidates_);
        for (std::uint32_t position : candidates_) {
            const run_rule& rule = *group.members[position];
            if (!rule.event_ids.empty() &&
                std::find(rule.event_ids.begin(), rule.event_ids.end(), event.event_id) == rule.event_ids.end()) {
                continue;
            }
            if (rule.rule->matches(view_)) event.analytics.push_back(rule.label);
        }
    }

    const rule_library& library_;
    car_event_view view_;
    std::vector<std::uint32_t> candidates_;
    std::vector<kind_groups> kinds_seen_;
    std::size_t last_kind_ = 0;
    std::string channel_;
    const rule_library::group* channel_group_ = nullptr;
    const rule_library::group none_;
};

}  // namespace

std::variant<catalogue_identity, std::string> parse_catalogue_name(std::string_view name, std::string_view file_id) {
    const std::size_t colon = name.find(':');
    const std::string_view id = name.substr(0, colon);
    const std::string_view variant = colon == std::string_view::npos ? std::string_view() : name.substr(colon + 1);
    const bool plain = !variant.empty() && std::all_of(variant.begin(), variant.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (id != file_id || !plain) {
        return "a built-in rule of " + std::string(file_id) + " is named " + std::string(file_id) +
               ":<variant> (lower-case letters, digits, dashes)";
    }
    return catalogue_identity{std::string(id), std::string(variant)};
}

namespace {

// The CAR id a built-in file is named by: "src/analytics/car/CAR-2013-02-003.yml".
std::string_view file_car_id(std::string_view file) {
    const std::size_t slash = file.rfind('/');
    std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
    return name.substr(0, name.find('.'));
}

}  // namespace

std::unique_ptr<rule_library> rule_library::load(const library_options& options) {
    std::unique_ptr<rule_library> library(new rule_library());
    for (const sigma::rule_text& text : options.builtin) library->builtin_files_.insert(text.file);
    library->rules_ = sigma::load_rules(options.builtin, options.paths, options.load, library->fields_);
    const sigma::rule_set& rules = library->rules_;
    for (const sigma::correlation_rule& correlation : rules.correlations) {
        std::optional<catalogue_identity> identity;
        if (library->is_builtin(correlation.metadata.file)) {
            auto parsed = parse_catalogue_name(correlation.metadata.name, file_car_id(correlation.metadata.file));
            if (auto* found = std::get_if<catalogue_identity>(&parsed)) identity = std::move(*found);
        }
        library->correlation_identities_.push_back(std::move(identity));
    }
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
        const sigma::compiled_rule& rule = rules.rules[i];
        const sigma::logsource& source = rule.source();
        run_rule run;
        run.rule = &rule;
        run.index = i;
        if (library->is_builtin(rule.metadata().file)) {
            auto parsed = parse_catalogue_name(rule.metadata().name, file_car_id(rule.metadata().file));
            if (auto* why = std::get_if<std::string>(&parsed)) {
                library->not_run_.push_back({rule.metadata().file, rule.metadata().display_id(), rule.metadata().title,
                                             {"name: " + rule.metadata().name, *why, 0}});
                continue;
            }
            run.catalogue = std::get<catalogue_identity>(std::move(parsed));
        }
        if (source.product == car_product) {
            const std::size_t slash = source.category.find('/');
            if (slash == std::string::npos || slash == 0 || slash + 1 == source.category.size()) {
                library->not_run_.push_back({rule.metadata().file, rule.metadata().display_id(), rule.metadata().title,
                                             {"logsource: product: car, category: " + source.category,
                                              "a rule of product car names a CAR object and action as its category, "
                                              "e.g. process/create",
                                              0}});
                continue;
            }
            run.car_object = source.category.substr(0, slash);
            run.car_action = source.category.substr(slash + 1);
        } else if (!source.category.empty() || !source.service.empty()) {
            run.source = find_windows_logsource(source.category, source.service);
            if (run.source == nullptr) {
                const std::string named = !source.category.empty() ? "category: " + source.category
                                                                   : "service: " + source.service;
                if (source.product.empty()) {
                    library->not_windows_.push_back({rule.metadata().file, rule.metadata().display_id(),
                                                     sigma::skipped_rule::why::product, "no product, " + named});
                } else {
                    library->not_run_.push_back(
                        {rule.metadata().file, rule.metadata().display_id(), rule.metadata().title,
                         {"logsource: " + named,
                          "no Windows event log evtxcar reads holds this logsource (docs/sigma-mapping.md)", 0}});
                }
                continue;
            }
        }
        run.label = run.catalogue ? run.catalogue->analytic_id + ":" + run.catalogue->variant
                                  : rule.metadata().display_id() + ":sigma";
        run.event_ids = event_ids_of(run);
        library->runs_.push_back(std::move(run));
    }
    library->index();
    return library;
}

void rule_library::index() {
    for (const run_rule& run : runs_) {
        if (!run.car_object.empty()) {
            by_kind_[{run.car_object, run.car_action}].members.push_back(&run);
            continue;
        }
        if (run.source == nullptr) {
            every_record_.members.push_back(&run);
            continue;
        }
        for (const car_kind& kind : run.source->car_kinds) {
            by_kind_[{std::string(kind.object), std::string(kind.action)}].members.push_back(&run);
        }
        for (const channel_kind& kind : run.source->channel_kinds) {
            group& channel = by_channel_[std::string(kind.channel)];
            if (channel.members.empty() || channel.members.back() != &run) channel.members.push_back(&run);
        }
    }
    auto build = [](group& g) {
        std::vector<const sigma::compiled_rule*> compiled;
        for (const run_rule* run : g.members) compiled.push_back(run->rule);
        g.prefilter = std::make_unique<sigma::literal_prefilter>(compiled);
    };
    for (auto& [key, g] : by_kind_) build(g);
    for (auto& [key, g] : by_channel_) build(g);
    build(every_record_);
}

const rule_library::group* rule_library::group_of_kind(std::string_view object, std::string_view action) const {
    for (const auto& [key, g] : by_kind_) {  // a few dozen kinds; markers cache the answer
        if (key.first == object && key.second == action) return &g;
    }
    return nullptr;
}

const rule_library::group* rule_library::group_of_channel(std::string_view channel) const {
    const auto found = by_channel_.find(channel);
    return found == by_channel_.end() ? nullptr : &found->second;
}

std::unique_ptr<event_marker> rule_library::make_marker() const { return std::make_unique<sigma_marker>(*this); }

void rule_library::add_analytics(std::vector<std::unique_ptr<analytic>>& out) const {
    for (const run_rule& run : runs_) {
        if (run.rule->standalone()) out.push_back(std::make_unique<sigma_rule_analytic>(run, *this));
    }
    if (!rules_.correlations.empty()) out.push_back(std::make_unique<sigma_correlation_analytic>(*this));
}

}  // namespace evtxcar::rules
