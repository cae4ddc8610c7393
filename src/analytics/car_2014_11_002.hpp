#pragma once
// CAR-2014-11-002, Outlier Parents of Cmd (ATT&CK T1059.003): a program that
// starts cmd.exe on a host in the host's last day of logs and never did
// before anywhere in the collection (novelty_baseline: CAR's "historic
// against current"). docs/analytics/CAR-2014-11-002.md.

#include <memory>

#include "analytics/analytic.hpp"
#include "analytics/novelty_baseline.hpp"

namespace evtxcar {

class car_2014_11_002 final : public analytic {
public:
    static constexpr std::uint64_t minimum_history = 50;  // cmd.exe starts before the hosts' last day

    car_2014_11_002();
    std::string_view id() const override { return "CAR-2014-11-002"; }
    std::string_view name() const override { return "Outlier Parents of Cmd"; }
    std::string_view technique() const override { return "T1059.003"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    mutable novelty_baseline parents_;
};

}  // namespace evtxcar
