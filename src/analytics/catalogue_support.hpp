#pragma once
// What the C++ analytics of the CAR catalogue share: a detection with the
// analytic's identity, a copy of an event without its payload (for analytics
// that must keep events until the end of the timeline), and times in words.

#include <string>
#include <string_view>

#include "analytics/analytic.hpp"

namespace evtxcar {

inline constexpr filetime_ticks ticks_per_minute = 60ULL * 10000000ULL;
inline constexpr filetime_ticks ticks_per_hour = 60 * ticks_per_minute;
inline constexpr filetime_ticks ticks_per_day = 24 * ticks_per_hour;

// The event with its CAR fields and provenance but not its payload
// (EventData/UserData as logged): what a detection shows, at a fraction of
// the memory.
car_event without_payload(const car_event& event);

// A detection of `source`'s variant `variant` on `event`.
detection catalogue_detection(const analytic& source, std::string variant, std::string reason, car_event event,
                              std::string level = {}, std::string tactics = {});

// "2026-04-02 09:00:00 UTC".
std::string time_text(filetime_ticks ticks);

// Detections made at the end of the timeline, in timeline order of their events.
void sort_by_event(std::vector<detection>& detections, std::size_t from);

}  // namespace evtxcar
