#pragma once
// CAR-2013-09-005, Service Outlier Executables (ATT&CK T1543.003), two
// variants (docs/analytics/CAR-2013-09-005.md):
//   pseudocode  a program services.exe starts on a host in the host's last
//               day of logs and never started before anywhere in the
//               collection (novelty_baseline);
//   logpoint    a service installed (System 7045, Security 4697) whose
//               command occurs fewer than 5 times in the collection.

#include <map>
#include <string>

#include "analytics/analytic.hpp"
#include "analytics/novelty_baseline.hpp"

namespace evtxcar {

class car_2013_09_005 final : public analytic {
public:
    static constexpr std::uint64_t minimum_history = 50;  // services.exe children before the hosts' last day
    static constexpr std::uint64_t rare_installs = 5;     // LogPoint's "cnt < 5"

    car_2013_09_005();
    std::string_view id() const override { return "CAR-2013-09-005"; }
    std::string_view name() const override { return "Service Outlier Executables"; }
    std::string_view technique() const override { return "T1543.003"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    struct install {
        std::uint64_t count = 0;
        std::map<std::string, std::uint64_t> hosts;
        car_event first;
    };
    mutable novelty_baseline services_;
    mutable std::map<std::string, install> installs_;  // service command, folded
};

}  // namespace evtxcar
