// Plug and Play's Configuration log (devices configured and started:
// USB storage, for one), as the catalog describes it. Sorted by event id,
// then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view kernel_pnp = "Microsoft-Windows-Kernel-PnP";

constexpr event_description entries[] = {
    {kernel_pnp, 400, "Device {DeviceInstanceId} was configured (driver {DriverName})", "DeviceInstanceId,DriverName"},
    {kernel_pnp, 410, "Device {DeviceInstanceId} was started (driver {DriverName})", "DeviceInstanceId,DriverName"},
};

}  // namespace

std::span<const event_description> kernel_pnp_events() { return entries; }

}  // namespace evtxcar::catalog
