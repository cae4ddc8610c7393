#pragma once
// rule_library: the Sigma rules of one run. Loaded once (src/sigma), their
// field names resolved to evtxcar events (car_field_resolver), each rule's
// logsource looked up in the logsource table, the rules indexed by the
// events they can match (CAR object and action, channel) with a literal
// prefilter per group, and presented to the pipeline as analytics: each
// standalone rule an analytic that the scan workers' markers (event_marker)
// match in parallel; the correlations one analytic of the timeline pass.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <optional>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "analytics/analytic.hpp"
#include "rules/car_field_resolver.hpp"
#include "rules/logsource_table.hpp"
#include "sigma/literal_prefilter.hpp"
#include "sigma/rule_set.hpp"

namespace evtxcar::rules {

struct library_options {
    // Rule texts built into evtxcar (the CAR catalogue, car_rule_files()),
    // loaded before the files of `paths`.
    std::vector<sigma::rule_text> builtin;
    std::vector<std::filesystem::path> paths;  // rule files or folders (--rules)
    sigma::load_options load;
};

// A built-in CAR analytic's rule (or correlation) names itself
// "<CAR id>:<variant>" (`name: CAR-2013-03-001:pseudocode`): its detections
// are the analytic's, labelled as evtxcar labels analytics' variants.
struct catalogue_identity {
    std::string analytic_id;  // "CAR-2013-03-001"
    std::string variant;      // "pseudocode"
};
// The identity a rule named `name` in built-in file `file` of CAR analytic
// `file_id` claims, or why it is not one.
std::variant<catalogue_identity, std::string> parse_catalogue_name(std::string_view name, std::string_view file_id);

// A rule the library runs, with what it needs from the logs.
struct run_rule {
    const sigma::compiled_rule* rule = nullptr;
    std::size_t index = 0;                  // in rule_set::rules
    const logsource_entry* source = nullptr;  // nullptr: see car_object, else every record
    // A rule of evtxcar's own product `car` (CAR analytics written as rules):
    // its category names one CAR object and action ("process/create"), or
    // every action of an object ("registry/*": car_action "*").
    std::string car_object, car_action;
    // Built in (the CAR catalogue): the analytic and variant it is.
    std::optional<catalogue_identity> catalogue;
    std::string label;                      // "<id>:sigma" ("<CAR id>:<variant>" built in), on the events it matches
    // The event ids one of which a matching event has (from the rule's
    // condition, or the logsource's own), empty when any.
    std::vector<std::uint32_t> event_ids;
};

class rule_library final : public event_marker_source {
public:
    static std::unique_ptr<rule_library> load(const library_options& options);

    const sigma::rule_set& rules() const { return rules_; }
    const car_field_resolver& fields() const { return fields_; }
    const std::vector<run_rule>& runs() const { return runs_; }
    // For each correlation (by index in rule_set::correlations): its
    // identity when it is a built-in CAR analytic's.
    const std::vector<std::optional<catalogue_identity>>& correlation_identities() const { return correlation_identities_; }
    // How many rule texts were built in (and rule files read from --rules).
    std::size_t builtin_texts() const { return builtin_files_.size(); }
    bool is_builtin(const std::string& file) const { return builtin_files_.count(file) > 0; }
    // Rules the engine loaded that the library cannot run: a Windows rule
    // whose logsource no Windows event log holds (rejected), and rules that
    // name no product and a logsource of no Windows log (web servers,
    // proxies, firewalls: skipped, as rules of other products are).
    const std::vector<sigma::rejected_rule>& not_run() const { return not_run_; }
    const std::vector<sigma::skipped_rule>& not_windows() const { return not_windows_; }

    // One analytic per standalone rule, and one for the correlations (when any).
    void add_analytics(std::vector<std::unique_ptr<analytic>>& out) const;

    std::unique_ptr<event_marker> make_marker() const override;

    // Rules a group of events can match, with their prefilter.
    struct group {
        std::vector<const run_rule*> members;
        std::unique_ptr<sigma::literal_prefilter> prefilter;
    };
    // (action "*": the rules of every action of `object`)
    const group* group_of_kind(std::string_view object, std::string_view action) const;
    const group* group_of_channel(std::string_view channel) const;
    const group& every_record() const { return every_record_; }

private:
    rule_library() = default;
    void index();

    car_field_resolver fields_;
    sigma::rule_set rules_;
    std::vector<run_rule> runs_;
    std::vector<std::optional<catalogue_identity>> correlation_identities_;
    std::set<std::string, std::less<>> builtin_files_;
    std::vector<sigma::rejected_rule> not_run_;
    std::vector<sigma::skipped_rule> not_windows_;
    std::map<std::pair<std::string, std::string>, group, std::less<>> by_kind_;
    std::map<std::string, group, std::less<>> by_channel_;
    group every_record_;
};

}  // namespace evtxcar::rules
