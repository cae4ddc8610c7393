#pragma once
// car_field_resolver: the Sigma engine's field_resolver for evtxcar events.
// A Sigma field name under a logsource becomes a field_target
// (sigma_fields.hpp): a CAR field, a computed value, a System value or a
// payload field by name. Each distinct target gets one id, the field_ref
// the engine hands back to car_event_view.

#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/sigma_fields.hpp"
#include "sigma/event_view.hpp"

namespace evtxcar::rules {

struct resolved_field {
    field_target target;
    std::string payload_name;  // for field_target::kind::payload
};

class car_field_resolver final : public sigma::field_resolver {
public:
    sigma::field_ref resolve(const sigma::logsource& source, std::string_view sigma_field) override;

    // What id `ref` stands for.
    const resolved_field& target(sigma::field_ref ref) const { return targets_[ref.id]; }
    std::size_t size() const { return targets_.size(); }

private:
    std::vector<resolved_field> targets_;
    std::unordered_map<std::string, std::uint32_t> index_;  // key_of(target) -> id
};

}  // namespace evtxcar::rules
