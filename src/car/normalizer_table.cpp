// The one list of sensors evtxcar normalizes.
#include "car/normalizer.hpp"
#include "car/security/security_mappings.hpp"
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar {

std::vector<std::unique_ptr<event_normalizer>> make_normalizers() {
    std::vector<std::unique_ptr<event_normalizer>> normalizers;
    normalizers.push_back(make_sysmon_normalizer());
    normalizers.push_back(make_security_normalizer());
    return normalizers;
}

}  // namespace evtxcar
