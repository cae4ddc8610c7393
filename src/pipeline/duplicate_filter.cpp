#include "pipeline/duplicate_filter.hpp"

#include <algorithm>

namespace evtxcar {

void duplicate_filter::resolve() {
    copy_of_.assign(held_, 0);
    for (std::size_t i = 0; i < held_; ++i) {
        car_event& event = *pending_[i];
        event.copies.clear();  // buffers are reused: nothing from an earlier event
        copy_of_[i] = i;
        if (keep_duplicates_) continue;
        for (std::size_t k = 0; k < i; ++k) {
            if (copy_of_[k] != k || !same_event(*pending_[k], event)) continue;
            copy_of_[i] = k;
            std::vector<std::uint32_t>& copies = pending_[k]->copies;
            if (event.file_index != pending_[k]->file_index &&
                std::find(copies.begin(), copies.end(), event.file_index) == copies.end()) {
                copies.insert(std::upper_bound(copies.begin(), copies.end(), event.file_index), event.file_index);
            }
            break;
        }
    }
}

}  // namespace evtxcar
