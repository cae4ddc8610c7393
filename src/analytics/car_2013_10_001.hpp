#pragma once
// CAR-2013-10-001, User Login Activity Monitoring (ATT&CK T1078.002,
// T1078.003, T1021.001): logons of accounts that are not among the 30 with
// most logons in the collection (CAR's "user NOT IN TOP30(user)"): each such
// logon is a detection (the first 8 of an account). docs/analytics/CAR-2013-10-001.md.

#include <map>
#include <string>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2013_10_001 final : public analytic {
public:
    static constexpr std::size_t top = 30;
    static constexpr std::size_t logons_kept = 8;  // logons of an account kept: each is a detection

    std::string_view id() const override { return "CAR-2013-10-001"; }
    std::string_view name() const override { return "User Login Activity Monitoring"; }
    std::string_view technique() const override { return "T1078.002, T1078.003, T1021.001"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    struct account {
        std::string shown;
        std::uint64_t logons = 0;
        std::map<std::string, std::uint64_t> hosts;
        std::vector<car_event> kept;  // the first logons_kept
    };
    mutable std::map<std::string, account> accounts_;  // user, folded
};

}  // namespace evtxcar
