#pragma once
// What the Sigma engine needs from the program that runs it: a resolver that
// turns a rule's field names into field_refs once, when the rule is
// compiled, and per event a view that reads those fields. The engine knows
// nothing of EVTX, CAR or sensors; the pipeline decides what a field is.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sigma/function_ref.hpp"

namespace evtxcar::sigma {

// A rule's logsource as written (Sigma writes these in lower case).
struct logsource {
    std::string product, category, service, definition;
    friend bool operator==(const logsource&, const logsource&) = default;
};

// A field a compiled rule reads. Opaque to the engine: it only stores ids and
// hands them back to the event_view; equal names under one logsource must
// resolve to equal ids (the engine compares ids for nothing else).
struct field_ref {
    std::uint32_t id = 0;
    friend bool operator==(const field_ref&, const field_ref&) = default;
};

class field_resolver {
public:
    virtual ~field_resolver() = default;
    // Always succeeds: a name the pipeline does not know still gets an id
    // (e.g. a raw EventData name).
    virtual field_ref resolve(const logsource& source, std::string_view sigma_field) = 0;
};

class event_view {
public:
    virtual ~event_view() = default;
    // The field's value, or nullopt when the event does not have the field.
    // A present but empty value is "".
    virtual std::optional<std::string_view> value(field_ref field) const = 0;
    // Every value of the event (payload and system fields), for keyword
    // (field-less) searches.
    virtual void for_each_value(function_ref<void(std::string_view)> visit) const = 0;
};

// Event times as the pipeline keeps them: 100 ns ticks (FILETIME).
using time_ticks = std::uint64_t;
inline constexpr time_ticks ticks_per_second = 10'000'000;

}  // namespace evtxcar::sigma
