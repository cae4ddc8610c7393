#pragma once
// car_event_view: one evtxcar event as the Sigma engine reads it, through
// the ids of a car_field_resolver. One view per scan worker, pointed at
// each event in turn; values it has to compute (System numbers, Sysmon
// forms of CAR fields, the unnamed Data fields joined) are made once per
// event and field and stay valid until the view moves to the next event.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "car/car_event.hpp"
#include "rules/car_field_resolver.hpp"
#include "sigma/event_view.hpp"

namespace evtxcar::rules {

class car_event_view final : public sigma::event_view {
public:
    explicit car_event_view(const car_field_resolver& fields) : fields_(fields) {}

    void point_at(const car_event& event) {
        event_ = &event;
        ++generation_;
    }

    std::optional<std::string_view> value(sigma::field_ref field) const override;
    void for_each_value(sigma::function_ref<void(std::string_view)> visit) const override;

private:
    // A value made for this event, kept until the next one.
    std::string& made(sigma::field_ref field) const;
    std::optional<std::string_view> computed_value(sigma::field_ref field, computed_field which) const;
    std::optional<std::string_view> system_value(sigma::field_ref field, system_field which) const;
    std::optional<std::string_view> payload_value(sigma::field_ref field, const std::string& name) const;

    const car_field_resolver& fields_;
    const car_event* event_ = nullptr;
    std::uint64_t generation_ = 0;
    mutable std::vector<std::string> made_;
    mutable std::vector<std::uint64_t> made_at_;  // generation each made_ value belongs to
};

}  // namespace evtxcar::rules
