#include "html/timeline_row_selection.hpp"

namespace evtxcar {

timeline_row_selection::timeline_row_selection(std::uint64_t total_events, std::uint64_t max_rows,
                                               std::size_t context)
    : max_rows_(max_rows), context_(context), capped_(total_events > max_rows) {}

void timeline_row_selection::keep(const car_event& event, timeline_row_sink& sink) {
    if (pending_gap_ > 0) {
        sink.gap(pending_gap_);
        pending_gap_ = 0;
    }
    sink.keep(event);
    ++kept_;
}

void timeline_row_selection::add(const car_event& event, timeline_row_sink& sink) {
    // More events than announced: the cap still holds.
    if (!capped_ && kept_ >= max_rows_) capped_ = true;
    if (!capped_) {
        keep(event, sink);
        return;
    }
    if (!event.analytics.empty()) {
        // The events before it, newest last, as many as the cap still allows.
        const std::uint64_t room = kept_ < max_rows_ ? max_rows_ - kept_ : 0;
        while (!before_.empty() && before_.size() > room) {
            before_.pop_front();
            leave_out(1);
        }
        for (const car_event& earlier : before_) keep(earlier, sink);
        before_.clear();
        keep(event, sink);
        keep_after_ = context_;
        return;
    }
    if (keep_after_ > 0 && kept_ < max_rows_) {
        --keep_after_;
        keep(event, sink);
        return;
    }
    keep_after_ = 0;
    if (context_ == 0) {
        leave_out(1);
        return;
    }
    if (before_.size() == context_) {
        before_.pop_front();
        leave_out(1);
    }
    before_.push_back(event);
}

void timeline_row_selection::finish(timeline_row_sink& sink) {
    leave_out(before_.size());
    before_.clear();
    if (pending_gap_ > 0) {
        sink.gap(pending_gap_);
        pending_gap_ = 0;
    }
}

}  // namespace evtxcar
