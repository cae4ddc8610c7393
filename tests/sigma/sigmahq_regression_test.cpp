// SigmaHQ's own regression samples (../shared/sigma/regression: tests.tsv
// gives rule id, rule path and expected matches; <rule id>.evtx the
// sample): each rule, loaded by the engine, matches the records of its own
// sample at least the expected number of times, and every sample reads
// without error. The records are shown to the rule as they are: EventData /
// UserData names and the System fields the rules specification names
// (EventID, Channel, Provider_Name, ...), the way Sigma's Windows field
// names are written. Skipped with a message when the samples are absent.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catch.hpp"
#include "engine_table.hpp"
#include "sigma_test_support.hpp"

namespace sigma = evtxcar::sigma;

namespace {

// A record as fields by name: payload, then System.
class record_view final : public sigma::event_view {
public:
    record_view(const sigma::testing::numbering_resolver& resolver, const evtxcar::event_record& record)
        : resolver_(resolver), record_(record) {
        system_ = {{"EventID", std::to_string(record.event_id)},
                   {"Channel", record.channel},
                   {"Provider_Name", record.provider_name},
                   {"Computer", record.computer},
                   {"Level", std::to_string(record.level)},
                   {"Task", std::to_string(record.task)},
                   {"EventRecordID", std::to_string(record.record_id)},
                   {"Execution_ProcessID", std::to_string(record.process_id)},
                   {"Execution_ThreadID", std::to_string(record.thread_id)}};
        if (!record.user_sid.empty()) system_.emplace_back("Security_UserID", record.user_sid);
    }
    std::optional<std::string_view> value(sigma::field_ref field) const override {
        if (field.id >= resolver_.size()) return std::nullopt;
        const std::string& name = resolver_.name(field);
        if (const std::string* payload = record_.field(name)) return std::string_view(*payload);
        for (const auto& [system_name, value] : system_)
            if (system_name == name) return std::string_view(value);
        return std::nullopt;
    }
    void for_each_value(sigma::function_ref<void(std::string_view)> visit) const override {
        for (const evtxcar::payload_field& f : record_.fields) visit(f.value);
        for (const auto& [name, value] : system_) visit(value);
    }

private:
    const sigma::testing::numbering_resolver& resolver_;
    const evtxcar::event_record& record_;
    std::vector<std::pair<std::string, std::string>> system_;
};

class matching_visitor final : public evtxcar::record_visitor {
public:
    matching_visitor(const sigma::testing::numbering_resolver& resolver, const sigma::compiled_rule& rule)
        : resolver_(resolver), rule_(rule) {}
    void on_record(const evtxcar::event_record& record) override {
        ++records;
        matches += rule_.matches(record_view(resolver_, record));
    }
    void on_record_error(const evtxcar::read_error& error, std::uint64_t) override { errors.push_back(error.describe()); }
    void on_warning(const evtxcar::read_error& warning) override { errors.push_back(warning.describe()); }

    std::size_t records = 0;
    std::size_t matches = 0;
    std::vector<std::string> errors;

private:
    const sigma::testing::numbering_resolver& resolver_;
    const sigma::compiled_rule& rule_;
};

}  // namespace

TEST_CASE("SigmaHQ rules match their own regression samples", "[sigma][sigmahq]") {
    const std::filesystem::path root = std::filesystem::path(EVTXCAR_SHARED_DIR) / "sigma";
    std::ifstream table(root / "regression" / "tests.tsv");
    if (!table) {
        WARN("../shared/sigma/regression is absent: SigmaHQ regression samples skipped");
        return;
    }
    const auto engine = evtxcar::make_engine("fast");
    REQUIRE(engine);
    std::string line;
    std::getline(table, line);  // header
    std::size_t samples = 0;
    while (std::getline(table, line)) {
        std::istringstream columns(line);
        std::string rule_id, rule_path, expected_text;
        if (!std::getline(columns, rule_id, '\t') || !std::getline(columns, rule_path, '\t') ||
            !std::getline(columns, expected_text, '\t'))
            continue;
        ++samples;
        INFO("rule " << rule_id << " (" << rule_path << ")");
        sigma::testing::numbering_resolver resolver;
        const sigma::rule_set rules = sigma::load_rules({root / rule_path}, sigma::load_options{}, resolver);
        REQUIRE(rules.rejected.empty());
        REQUIRE(rules.rules.size() == 1);
        CHECK(rules.rules[0].metadata().id == rule_id);

        auto reader = engine->open((root / "regression" / (rule_id + ".evtx")).string(), evtxcar::read_options{});
        REQUIRE(reader.ok());
        matching_visitor visitor(resolver, rules.rules[0]);
        for (std::uint32_t segment = 0; segment < reader.value()->segment_count(); ++segment)
            reader.value()->read_segment(segment, visitor);
        CHECK(visitor.errors.empty());
        CHECK(visitor.records > 0);
        CHECK(visitor.matches >= std::stoul(expected_text));
    }
    CHECK(samples == 96);
}
