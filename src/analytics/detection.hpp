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
    std::string technique;      // "T1218.003"; several: "T1059.001, T1027"
    std::string variant;        // "car", "remote", "cmdline-url"; "sigma" for a Sigma rule
    std::string reason;         // one sentence: why this event matched
    // For rules (Sigma, and CAR analytics written as rules); empty for the others.
    std::string level;          // "informational" ... "critical"
    std::string status;         // "stable", "test", "experimental"
    std::string tactics;        // ATT&CK tactics from the rule's tags: "execution, defense-evasion"
    std::string rule_path;      // the rule's file
    car_event event;            // the event that fired
    // The process/create event with the same hostname and ProcessGuid as the
    // event, wherever in the input it was found; empty when none was logged.
    std::optional<car_event> process;

    std::string label() const { return analytic_id + ":" + variant; }  // as in timeline's `analytics`
};

}  // namespace evtxcar
