#include "rules/car_field_resolver.hpp"

#include "rules/logsource_table.hpp"

namespace evtxcar::rules {

namespace {

// One text per distinct target.
std::string key_of(const field_target& target, std::string_view name) {
    std::string key(1, static_cast<char>('0' + static_cast<int>(target.what)));
    switch (target.what) {
        case field_target::kind::car: key += std::to_string(static_cast<int>(target.car)); break;
        case field_target::kind::computed: key += std::to_string(static_cast<int>(target.computed)); break;
        case field_target::kind::system: key += std::to_string(static_cast<int>(target.system)); break;
        case field_target::kind::payload: key += name; break;
    }
    return key;
}

}  // namespace

sigma::field_ref car_field_resolver::resolve(const sigma::logsource& source, std::string_view sigma_field) {
    field_target target = resolve_sigma_field(sigma_field, !source.category.empty());
    if (source.product == car_product && target.what == field_target::kind::payload) {
        if (const auto field = car_field_from_name(sigma_field)) target = {field_target::kind::car, *field};
    }
    const auto [at, added] = index_.emplace(key_of(target, sigma_field), static_cast<std::uint32_t>(targets_.size()));
    if (added) {
        targets_.push_back(
            {target, target.what == field_target::kind::payload ? std::string(sigma_field) : std::string()});
    }
    return {at->second};
}

}  // namespace evtxcar::rules
