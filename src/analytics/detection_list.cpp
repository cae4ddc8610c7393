#include "analytics/detection_list.hpp"

namespace evtxcar {

void count_detection(const detection& found, detection_tallies& tallies) {
    detection_tally_key key{std::string(found.event.computer()), found.analytic_id, found.variant, found.level};
    ++tallies[std::move(key)];
}

}  // namespace evtxcar
