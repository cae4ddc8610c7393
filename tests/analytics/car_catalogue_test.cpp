// The CAR catalogue's table (src/analytics/car_catalogue.cpp) against MITRE
// CAR's own list (../shared/car/analytics, skipped when absent), and the
// built-in rule files: one per analytic implemented as rules, each loading
// without a rejection, each rule named by its analytic and variant.
#include "analytics/car_catalogue.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "analytics/analytic.hpp"
#include "catch.hpp"
#include "rules/rule_library.hpp"
#include "rules/rule_report.hpp"

using namespace evtxcar;

namespace {

// "title: 'It''s x'" -> "It's x"; a plain scalar as it is.
std::string yaml_scalar(std::string text) {
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
        text = text.substr(1, text.size() - 2);
        for (std::size_t at = text.find("''"); at != std::string::npos; at = text.find("''", at + 1)) text.erase(at, 1);
    }
    return text;
}

// CAR's analytics: id -> title, from the top-level id: and title: lines of each file.
std::map<std::string, std::string> car_analytics() {
    std::map<std::string, std::string> titles;
    const std::filesystem::path folder = std::filesystem::path(EVTXCAR_SHARED_DIR) / "car" / "analytics";
    if (!std::filesystem::exists(folder)) return titles;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".yaml") continue;
        std::ifstream in(entry.path());
        std::string id, title;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("id: ", 0) == 0) id = yaml_scalar(line.substr(4));
            if (line.rfind("title: ", 0) == 0) title = yaml_scalar(line.substr(7));
        }
        titles[id] = title;
    }
    return titles;
}

std::unique_ptr<rules::rule_library> builtin_library() {
    rules::library_options options;
    for (const car_rule_file& file : car_rule_files()) options.builtin.push_back({std::string(file.file), file.text});
    options.load.products = {"windows", std::string(rules::car_product)};
    options.load.placeholders["HOMENET"] = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"};
    return rules::rule_library::load(options);
}

}  // namespace

TEST_CASE("the catalogue lists every analytic of CAR, by id and title", "[analytics][catalogue]") {
    const auto car = car_analytics();
    if (car.empty()) {
        WARN("no ../shared/car/analytics: skipped");
        return;
    }
    CHECK(car.size() == 102);
    std::map<std::string, std::string> ours;
    for (const car_catalogue_entry& entry : car_catalogue()) ours.emplace(entry.id, entry.title);
    CHECK(ours == car);
}

TEST_CASE("the catalogue's table: ids in order, every entry implemented or explained", "[analytics][catalogue]") {
    const auto table = car_catalogue();
    REQUIRE(table.size() == 102);
    for (std::size_t i = 1; i < table.size(); ++i) CHECK(table[i - 1].id < table[i].id);
    analytic_settings settings;  // every C++ analytic
    const auto analytics = make_analytics(settings);
    std::set<std::string> cpp_ids;
    for (const auto& candidate : analytics) cpp_ids.insert(std::string(candidate->id()));
    std::size_t counts[4] = {};
    for (const car_catalogue_entry& entry : table) {
        CAPTURE(entry.id);
        CHECK(find_car_analytic(entry.id) == &entry);
        ++counts[static_cast<int>(entry.implementation)];
        const bool has_rules = find_car_rule_file(entry.id) != nullptr;
        const bool has_cpp = cpp_ids.count(std::string(entry.id)) == 1;
        switch (entry.implementation) {
            case car_implementation::rules: CHECK((has_rules && !has_cpp)); break;
            case car_implementation::cpp: CHECK((has_cpp && !has_rules)); break;
            case car_implementation::not_from_event_logs:
                CHECK_FALSE(has_rules);
                CHECK_FALSE(has_cpp);
                CHECK(entry.needs.size() > 40);  // what it would need, in words
                break;
            case car_implementation::deprecated: {
                CHECK_FALSE(has_rules);
                CHECK_FALSE(has_cpp);
                const car_catalogue_entry* successor = find_car_analytic(entry.replaced_by);
                REQUIRE(successor != nullptr);
                CHECK(successor->implementation != car_implementation::deprecated);
                break;
            }
        }
    }
    CHECK(counts[static_cast<int>(car_implementation::rules)] == 82);
    CHECK(counts[static_cast<int>(car_implementation::cpp)] == 8);
    CHECK(counts[static_cast<int>(car_implementation::not_from_event_logs)] == 11);
    CHECK(counts[static_cast<int>(car_implementation::deprecated)] == 1);
    CHECK(car_rule_files().size() == 82);
    CHECK(cpp_ids.size() == 8);
    CHECK(find_car_analytic("CAR-2099-01-001") == nullptr);
}

TEST_CASE("the built-in rules load, each named by its analytic and variant, tagged with it", "[analytics][catalogue]") {
    const auto library = builtin_library();
    const rule_load_summary summary = rules::summarize_load(*library);
    for (const auto& rejected : summary.rejected) {
        UNSCOPED_INFO(rejected.file << ":" << rejected.line << " " << rejected.rule << " " << rejected.construct << ": "
                                    << rejected.reason);
    }
    CHECK(summary.rejected.empty());
    CHECK(library->rules().skipped.empty());
    CHECK(library->builtin_texts() == 82);

    std::set<std::string> names;
    std::map<std::string, std::size_t> variants;  // CAR id -> standalone variants
    auto check_metadata = [&](const sigma::rule_metadata& metadata, const rules::catalogue_identity& identity,
                              bool standalone) {
        CAPTURE(metadata.name);
        CHECK(names.insert(metadata.name).second);
        const car_catalogue_entry* entry = find_car_analytic(identity.analytic_id);
        REQUIRE(entry != nullptr);
        CHECK(entry->implementation == car_implementation::rules);
        CHECK(metadata.file == "src/analytics/car/" + identity.analytic_id + ".yml");
        CHECK(std::find(metadata.tags.begin(), metadata.tags.end(), "car." + identity.analytic_id.substr(4)) !=
              metadata.tags.end());
        CHECK_FALSE(metadata.techniques.empty());
        CHECK(metadata.references == std::vector<std::string>{"https://car.mitre.org/analytics/" + identity.analytic_id + "/"});
        CHECK(metadata.description.size() > 40);
        CHECK(metadata.level.has_value());
        if (standalone) {
            CHECK(metadata.title == entry->title);
            ++variants[identity.analytic_id];
        } else {
            CHECK(metadata.title.rfind(std::string(entry->title) + " (counted by a correlation: ", 0) == 0);
        }
    };
    for (const rules::run_rule& run : library->runs()) {
        REQUIRE(run.catalogue.has_value());
        CHECK(run.label == run.catalogue->analytic_id + ":" + run.catalogue->variant);
        check_metadata(run.rule->metadata(), *run.catalogue, run.rule->standalone());
    }
    for (std::size_t i = 0; i < library->rules().correlations.size(); ++i) {
        REQUIRE(library->correlation_identities()[i].has_value());
        const sigma::correlation_rule& correlation = library->rules().correlations[i];
        check_metadata(correlation.metadata, *library->correlation_identities()[i], correlation.standalone);
    }
    // Every analytic implemented as rules has at least one variant of its own.
    for (const car_catalogue_entry& entry : car_catalogue()) {
        if (entry.implementation == car_implementation::rules) CHECK(variants[std::string(entry.id)] >= 1);
    }
}

TEST_CASE("a built-in rule's name: <CAR id>:<variant>, of its own file's analytic", "[analytics][catalogue]") {
    using rules::parse_catalogue_name;
    const auto good = parse_catalogue_name("CAR-2013-03-001:pseudocode", "CAR-2013-03-001");
    REQUIRE(std::holds_alternative<rules::catalogue_identity>(good));
    CHECK(std::get<rules::catalogue_identity>(good).analytic_id == "CAR-2013-03-001");
    CHECK(std::get<rules::catalogue_identity>(good).variant == "pseudocode");
    CHECK(std::holds_alternative<rules::catalogue_identity>(parse_catalogue_name("CAR-2013-03-001:child-system-2", "CAR-2013-03-001")));
    for (const char* bad : {"CAR-2013-03-001", "CAR-2013-03-001:", "CAR-2013-03-002:pseudocode", "CAR-2013-03-001:Pseudocode",
                            "CAR-2013-03-001:pseudo code", "pseudocode", ""}) {
        CAPTURE(bad);
        CHECK(std::holds_alternative<std::string>(parse_catalogue_name(bad, "CAR-2013-03-001")));
    }
}
