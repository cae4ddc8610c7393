#pragma once
// CAR-2015-07-001, All Logins Since Last Boot: once credentials may have
// been taken from a host's memory, every account logged on to it since it
// last started may be compromised. CAR asks for a host and a time; evtxcar
// asks on each event one of the catalogue's credential dumping analytics
// marked (lsass accessed, dumped or injected into), and lists the accounts
// logged on to that host since its last boot before the event.
// docs/analytics/CAR-2015-07-001.md.

#include <map>
#include <span>
#include <string>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2015_07_001 final : public analytic {
public:
    // The catalogue's analytics of credentials taken from lsass.exe, whose
    // detections set this one off: asking for this one runs them too.
    static std::span<const std::string_view> triggered_by();

    std::string_view id() const override { return "CAR-2015-07-001"; }
    std::string_view name() const override { return "All Logins Since Last Boot"; }
    std::string_view technique() const override { return "T1003.001"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;

private:
    struct logons {
        std::uint64_t count = 0;
        filetime_ticks first = 0, last = 0;
        std::string types;  // "2, 10"
    };
    struct host {
        filetime_ticks boot = 0;  // 0: no boot logged (yet)
        std::string boot_event;   // "System 6005"
        std::map<std::string, logons> accounts;  // as logged
    };
    mutable std::map<std::string, host> hosts_;
};

}  // namespace evtxcar
