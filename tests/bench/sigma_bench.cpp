// Sigma engine benchmark (not a test; docs/benchmarks.md):
//  - rules loaded per second: the SigmaHQ Windows trees, best of 3 loads;
//  - rule evaluations per second: synthetic Sysmon process-creation events
//    against every process_creation rule, as the pipeline would run them.
//   sigma_bench [SIGMA_FOLDER]   (default ../shared/sigma)
#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "sigma/literal_prefilter.hpp"
#include "sigma/rule_set.hpp"
#include "sigma_test_support.hpp"

using namespace evtxcar::sigma;

namespace {

// An event as the pipeline would present it: values by field id, O(1).
class indexed_event final : public event_view {
public:
    indexed_event(const testing::numbering_resolver& resolver, const std::vector<std::pair<std::string, std::string>>& fields) {
        values_.resize(resolver.size());
        for (std::uint32_t id = 0; id < resolver.size(); ++id)
            for (const auto& [name, value] : fields)
                if (resolver.name({id}) == name) values_[id] = value;
    }
    std::optional<std::string_view> value(field_ref field) const override {
        if (field.id >= values_.size() || !values_[field.id]) return std::nullopt;
        return std::string_view(*values_[field.id]);
    }
    void for_each_value(function_ref<void(std::string_view)> visit) const override {
        for (const auto& value : values_)
            if (value) visit(*value);
    }

private:
    std::vector<std::optional<std::string>> values_;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path root = argc > 1 ? argv[1] : "../shared/sigma";
    const std::vector<std::filesystem::path> trees{root / "rules" / "windows", root / "rules-emerging-threats",
                                                   root / "rules-threat-hunting"};
    double best_load = 1e9;
    testing::numbering_resolver resolver;
    rule_set rules;
    for (int round = 0; round < 3; ++round) {
        testing::numbering_resolver fresh;
        const auto start = std::chrono::steady_clock::now();
        rule_set loaded = load_rules(trees, load_options{}, fresh);
        best_load = std::min(best_load, seconds_since(start));
        if (round == 2) {
            rules = std::move(loaded);
            resolver = std::move(fresh);
        }
    }
    std::cout << "load: " << rules.documents << " documents (" << rules.rules.size() << " rules loaded, "
              << rules.rejected.size() << " rejected, " << rules.skipped.size() << " skipped) in " << best_load
              << " s: " << static_cast<double>(rules.documents) / best_load << " rules/s\n";

    std::vector<const compiled_rule*> process_creation;
    for (const compiled_rule& rule : rules.rules)
        if (rule.source().category == "process_creation") process_creation.push_back(&rule);

    // Sysmon 1-like events: a benign one, and ones that look like attacks.
    const std::vector<std::vector<std::pair<std::string, std::string>>> samples{
        {{"EventID", "1"}, {"Image", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"},
         {"OriginalFileName", "chrome.exe"}, {"Product", "Google Chrome"}, {"Company", "Google LLC"},
         {"Description", "Google Chrome"},
         {"CommandLine", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --field-trial-handle=1234,i,5678 --lang=en-US --num-raster-threads=4 /prefetch:1"},
         {"CurrentDirectory", "C:\\Program Files\\Google\\Chrome\\Application\\"}, {"User", "CORP\\alice"},
         {"IntegrityLevel", "Low"}, {"Hashes", "SHA256=0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"},
         {"ParentImage", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"},
         {"ParentCommandLine", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\""}},
        {{"EventID", "1"}, {"Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"},
         {"OriginalFileName", "PowerShell.EXE"}, {"Product", "Microsoft\xC2\xAE Windows\xC2\xAE Operating System"},
         {"Company", "Microsoft Corporation"}, {"Description", "Windows PowerShell"},
         {"CommandLine", "powershell.exe -NoProfile -ExecutionPolicy Bypass -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA"},
         {"CurrentDirectory", "C:\\Users\\alice\\"}, {"User", "CORP\\alice"}, {"IntegrityLevel", "Medium"},
         {"Hashes", "SHA256=FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210"},
         {"ParentImage", "C:\\Windows\\System32\\cmd.exe"}, {"ParentCommandLine", "cmd.exe /c run.bat"}},
        {{"EventID", "1"}, {"Image", "C:\\Windows\\System32\\rundll32.exe"}, {"OriginalFileName", "RUNDLL32.EXE"},
         {"CommandLine", "rundll32.exe C:\\Users\\Public\\payload.dll,DllRegisterServer"},
         {"CurrentDirectory", "C:\\Windows\\system32\\"}, {"User", "NT AUTHORITY\\SYSTEM"}, {"IntegrityLevel", "System"},
         {"ParentImage", "C:\\Windows\\System32\\svchost.exe"}, {"ParentCommandLine", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule"}},
    };
    std::vector<indexed_event> events;
    for (const auto& sample : samples) events.emplace_back(resolver, sample);

    const int rounds = 3;
    const int iterations = 300;
    double best_match = 1e9;
    std::size_t hits = 0;
    for (int round = 0; round < rounds; ++round) {
        hits = 0;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < iterations; ++i)
            for (const indexed_event& event : events)
                for (const compiled_rule* rule : process_creation) hits += rule->matches(event);
        best_match = std::min(best_match, seconds_since(start));
    }
    const double evaluations = static_cast<double>(iterations) * static_cast<double>(events.size()) *
                               static_cast<double>(process_creation.size());
    std::cout << "match: " << process_creation.size() << " process_creation rules x " << events.size()
              << " events x " << iterations << " in " << best_match << " s: " << evaluations / best_match / 1e6
              << " M rule evaluations/s, "
              << static_cast<double>(iterations) * static_cast<double>(events.size()) / best_match
              << " events/s against all of them; " << hits / static_cast<std::size_t>(iterations) << " hits per pass\n";

    // The same through the literal prefilter: only the candidates are evaluated.
    const literal_prefilter prefilter(process_creation);
    std::vector<std::uint32_t> candidates;
    candidates.reserve(process_creation.size());
    double best_filtered = 1e9;
    std::size_t filtered_hits = 0, evaluated = 0;
    for (int round = 0; round < rounds; ++round) {
        filtered_hits = 0;
        evaluated = 0;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < iterations; ++i)
            for (const indexed_event& event : events) {
                candidates.clear();
                prefilter.candidates(event, candidates);
                evaluated += candidates.size();
                for (std::uint32_t candidate : candidates) filtered_hits += process_creation[candidate]->matches(event);
            }
        best_filtered = std::min(best_filtered, seconds_since(start));
    }
    std::cout << "prefilter: " << prefilter.indexed() << " rules indexed by literals, " << prefilter.unindexed()
              << " always evaluated; " << static_cast<double>(evaluated) / (iterations * static_cast<double>(events.size()))
              << " candidates per event; " << static_cast<double>(iterations) * static_cast<double>(events.size()) / best_filtered
              << " events/s against all rules (" << evaluations / best_filtered / 1e6 << " M rule evaluations/s equivalent); "
              << filtered_hits / static_cast<std::size_t>(iterations) << " hits per pass\n";
    for (std::size_t e = 0; e < events.size(); ++e) {
        std::cout << "  event " << e << " fires:";
        for (const compiled_rule* rule : process_creation)
            if (rule->matches(events[e])) std::cout << " [" << rule->metadata().title << "]";
        std::cout << "\n";
    }
}
