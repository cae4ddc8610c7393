// Loads Sigma rules (files or folders) and prints what loaded, what was
// skipped and why, and every rejection with its file, line, construct and
// reason. Not a test: a tool for looking at a rule tree.
//   sigma_load_stats [--all-products] PATH...
#include <chrono>
#include <iostream>
#include <map>

#include "sigma/rule_set.hpp"
#include "sigma_test_support.hpp"

using namespace evtxcar::sigma;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: sigma_load_stats PATH...\n";
        return 2;
    }
    load_options options;
    int first = 1;
    if (std::string_view(argv[1]) == "--all-products") {
        options.products.clear();
        first = 2;
    }
    std::vector<std::filesystem::path> paths(argv + first, argv + argc);
    testing::numbering_resolver resolver;
    const auto start = std::chrono::steady_clock::now();
    const rule_set rules = load_rules(paths, options, resolver);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::map<std::string, std::size_t> skipped;
    for (const skipped_rule& skip : rules.skipped) ++skipped[skip.detail];
    std::map<std::string, std::size_t> reasons;
    for (const rejected_rule& reject : rules.rejected) ++reasons[reject.problem.reason];

    std::cout << "files " << rules.files << ", documents " << rules.documents << ", loaded " << rules.rules.size()
              << " rules and " << rules.correlations.size() << " correlations, " << rules.filters.size()
              << " filters; rejected " << rules.rejected.size() << ", skipped " << rules.skipped.size() << "\n";
    std::cout << "load time " << seconds << " s (" << static_cast<double>(rules.documents) / seconds
              << " documents/s); fields resolved " << resolver.size() << "\n";
    for (const auto& [detail, count] : skipped) std::cout << "skipped " << count << " " << detail << "\n";
    for (const auto& [reason, count] : reasons) std::cout << "rejected " << count << " " << reason << "\n";
    for (const rejected_rule& reject : rules.rejected)
        std::cout << "  " << reject.file << ":" << reject.problem.line << " [" << reject.rule << "] "
                  << reject.problem.construct << " -- " << reject.problem.reason << "\n";
    std::map<std::string, std::size_t> products, categories;
    for (const compiled_rule& rule : rules.rules) {
        ++products[rule.source().product.empty() ? "(none)" : rule.source().product];
        ++categories[rule.source().category.empty() ? "service " + rule.source().service : rule.source().category];
    }
    for (const auto& [product, count] : products) std::cout << "loaded " << count << " product " << product << "\n";
    for (const auto& [category, count] : categories) std::cout << "  " << count << " " << category << "\n";
    std::size_t indexed = 0;
    for (const compiled_rule& rule : rules.rules) indexed += rule.required_event_ids().has_value();
    std::size_t literals = 0;
    for (const compiled_rule& rule : rules.rules) literals += rule.required_literals().has_value();
    std::cout << "rules with required EventIDs " << indexed << ", with required literals " << literals << "\n";
}
