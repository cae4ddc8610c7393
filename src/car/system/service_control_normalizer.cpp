// The Service Control Manager's events in the System log that CAR's service
// object describes; its other events (7000 failed to start, 7009 timeout,
// ...) are generic events with the catalog's messages.
#include "car/system/system_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping service_control_mappings[] = {
    {7036, payload_kind::event_data, system_log::map_service_state},
    {7040, payload_kind::event_data, system_log::map_service_start_type},
    {7045, payload_kind::event_data, system_log::map_service_installed},
};

}  // namespace

std::unique_ptr<event_normalizer> make_service_control_normalizer() {
    return make_table_normalizer("Service Control Manager", service_control_mappings);
}

}  // namespace evtxcar
