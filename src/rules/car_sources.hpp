#pragma once
// car_sources: which sensors' events give each CAR object and action, in
// words, for rules of evtxcar's product `car` (--list-rules, the catalogue
// summary). From the mappings docs/data-model.md describes.

#include <string_view>

namespace evtxcar::rules {

// "Sysmon 1, Security 4688" for process/create; action "*": every action of
// the object. Empty for a kind no sensor maps.
std::string_view car_kind_sources(std::string_view object, std::string_view action);

}  // namespace evtxcar::rules
