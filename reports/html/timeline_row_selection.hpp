#pragma once
// timeline_row_selection: decides which timeline events become rows of
// report.html when there are more than the row cap.
//
// Up to the cap, every event is a row. Beyond it, the report keeps every
// event an analytic fired on, and around each of them up to `context`
// events before and after, as long as the kept rows stay within the cap
// (events that fired are kept even beyond it). Runs of events left out
// become one gap that says how many. Events arrive in timeline order, so
// the events before a hit wait in a ring of `context` events.

#include <cstdint>
#include <deque>

#include "car/car_event.hpp"

namespace evtxcar {

// Receives the rows in timeline order, gaps between them.
class timeline_row_sink {
public:
    virtual ~timeline_row_sink() = default;
    virtual void keep(const car_event& event) = 0;
    virtual void gap(std::uint64_t events_left_out) = 0;
};

class timeline_row_selection {
public:
    // total_events: how many events the pipeline will pass (summary.timeline_events).
    timeline_row_selection(std::uint64_t total_events, std::uint64_t max_rows, std::size_t context);

    void add(const car_event& event, timeline_row_sink& sink);
    void finish(timeline_row_sink& sink);  // after the last event

    bool capped() const { return capped_; }
    std::uint64_t rows_kept() const { return kept_; }
    std::uint64_t events_left_out() const { return left_out_; }
    std::size_t context() const { return context_; }

private:
    void keep(const car_event& event, timeline_row_sink& sink);
    void leave_out(std::uint64_t count) {
        pending_gap_ += count;
        left_out_ += count;
    }

    std::uint64_t max_rows_;
    std::size_t context_;
    bool capped_;
    std::deque<car_event> before_;      // the latest events not kept, at most `context_`
    std::size_t keep_after_ = 0;        // events still to keep after the last hit
    std::uint64_t pending_gap_ = 0;     // left out since the last row
    std::uint64_t kept_ = 0;
    std::uint64_t left_out_ = 0;
};

}  // namespace evtxcar
