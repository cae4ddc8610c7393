#pragma once
// detection: one analytic hit on one event, with the process context the
// analysts need to judge it.

#include <optional>
#include <string>

#include "car/car_event.hpp"

namespace evtxcar {

struct detection {
    std::string analytic_id;    // "CAR-2020-11-010"
    std::string analytic_name;  // "CMSTP"
    std::string technique;      // "T1218.003"
    std::string variant;        // "car", "remote", "cmdline-url"
    std::string reason;         // one sentence: why this event matched
    car_event event;            // the event that fired
    // The process/create event with the same hostname and ProcessGuid as the
    // event, wherever in the input it was found; empty when none was logged.
    std::optional<car_event> process;

    std::string label() const { return analytic_id + ":" + variant; }  // as in timeline's `analytics`
};

}  // namespace evtxcar
