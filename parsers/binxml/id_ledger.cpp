#include "id_ledger.hpp"

namespace evtxcar::binxml {

void id_ledger::begin(const planned_segment& segment, const file_plan& plan) {
    segment_ = &segment;
    plan_ = &plan;
    last_ = 0;
    started_ = false;
    last_stray_ = 0;
}

bool id_ledger::stray_eligible(std::uint64_t id) const {
    return segment_->live && segment_->trusted && id > last_stray_ && id <= plan_->newest_possible_id &&
           !plan_->held_by_trusted(id);
}

bool id_ledger::eligible(std::uint64_t id) const {
    if (!segment_->live || !segment_->allowed.contains(id)) return false;
    if (started_ && id <= last_) return false;
    return segment_->trusted || !plan_->held_by_trusted(id);
}

std::uint64_t id_ledger::owned_between(std::uint64_t first, std::uint64_t last) const {
    return plan_->owned_ids(*segment_, first, last);
}

std::uint64_t id_ledger::take(std::uint64_t id) {
    std::uint64_t skipped = 0;
    if (started_) {
        skipped = id > last_ + 1 ? owned_between(last_ + 1, id - 1) : 0;
    } else if (segment_->expected_first && id > *segment_->expected_first) {
        skipped = owned_between(*segment_->expected_first, id - 1);
    }
    started_ = true;
    last_ = id;
    return skipped;
}

std::uint64_t id_ledger::first_unaccounted() const {
    if (started_) return last_ + 1;
    return segment_->expected_first.value_or(0);
}

std::uint64_t id_ledger::unaccounted() const {
    if (!segment_->live || !segment_->expected_last) return 0;
    const std::uint64_t last = *segment_->expected_last;
    if (started_) return last > last_ ? owned_between(last_ + 1, last) : 0;
    if (!segment_->expected_first) return 0;
    return owned_between(*segment_->expected_first, last);
}

}  // namespace evtxcar::binxml
