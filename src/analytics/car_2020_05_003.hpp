#pragma once
// CAR-2020-05-003, Rare LolBAS Command Lines (ATT&CK T1012, T1112,
// T1547.001, T1574.011): runs of LOLBAS programs whose command line (letter
// case ignored) occurs less often in the collection than the mean count of
// such command lines minus 1.5 standard deviations, as CAR computes it.
// Each run of such a command line is a detection. Two variants
// (docs/analytics/CAR-2020-05-003.md):
//   pseudocode  the program by its name (exe), every sensor;
//   splunk      the program by its OriginalFileName (Sysmon only), so that
//               renamed copies count.

#include <map>
#include <string>
#include <unordered_map>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2020_05_003 final : public analytic {
public:
    static constexpr double deviations = 1.5;
    static constexpr std::size_t most_command_lines = 100'000;  // distinct command lines kept per variant
    static constexpr std::size_t runs_kept = 8;  // runs of a command line kept (a rare one has few: each is a detection)

    std::string_view id() const override { return "CAR-2020-05-003"; }
    std::string_view name() const override { return "Rare LolBAS Command Lines"; }
    std::string_view technique() const override { return "T1012, T1112, T1547.001, T1574.011"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    struct command_line {
        std::uint64_t count = 0;
        std::vector<car_event> runs;  // the first runs_kept
    };
    struct tally {
        std::unordered_map<std::string, command_line> lines;  // folded command line
        std::uint64_t runs = 0;
        std::uint64_t not_kept = 0;  // runs of command lines beyond most_command_lines
    };
    static void count(tally& into, const car_event& event);
    void report(const tally& from, std::string_view variant, std::vector<detection>& out) const;

    mutable tally by_name_;
    mutable tally by_original_name_;
};

}  // namespace evtxcar
