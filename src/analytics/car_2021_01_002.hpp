#pragma once
// CAR-2021-01-002, Unusually Long Command Line Strings (ATT&CK T1059): a
// command line more than 10 times as long as the mean command line of its
// host (CAR's Splunk form: per host, one detection per distinct command
// line, on its first run). docs/analytics/CAR-2021-01-002.md.

#include <map>
#include <set>
#include <string>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2021_01_002 final : public analytic {
public:
    static constexpr double times_mean = 10;
    static constexpr std::uint64_t minimum_command_lines = 20;  // per host, to have a mean worth the name
    static constexpr std::size_t kept_per_host = 256;           // the longest distinct command lines kept

    std::string_view id() const override { return "CAR-2021-01-002"; }
    std::string_view name() const override { return "Unusually Long Command Line Strings"; }
    std::string_view technique() const override { return "T1059"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    struct long_line {
        std::size_t length = 0;
        std::string key;  // the command line, folded
        car_event first;
        std::uint64_t runs = 0;
    };
    struct host {
        std::uint64_t lines = 0;
        std::uint64_t characters = 0;
        std::map<std::string, long_line> longest;  // the longest distinct command lines, by key
        std::multiset<std::pair<std::size_t, std::string>> by_length;  // (length, key) of `longest`
    };
    mutable std::map<std::string, host> hosts_;
};

}  // namespace evtxcar
