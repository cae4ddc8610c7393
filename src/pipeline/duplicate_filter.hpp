#pragma once
// duplicate_filter: tells copies of one event apart from the event itself in
// the merged timeline. A collection often holds one log several times (a
// volume shadow copy, a backup, a collector's ForwardedEvents beside the
// host's own log); two records are the same event when their host
// (Computer), channel, provider, event id, record id, TimeCreated and payload
// are equal. Timeline order (timeline_before) puts such copies side by side,
// so the filter holds only the events of one time, host, channel and record
// id at a time: memory is bounded by how many files hold the same record.
//
// Events go in in timeline order; they come out in the same order, each
// marked kept or copy. A kept event lists in `copies` the other files that
// hold it. With keep_duplicates every event is kept and `copies` stays empty.

#include <cstddef>
#include <memory>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class duplicate_filter {
public:
    explicit duplicate_filter(bool keep_duplicates) : keep_duplicates_(keep_duplicates) {}

    // The filter takes `event` (never null) and gives the caller one of its
    // own in exchange, an old event whose buffers to decode into. Events that
    // are complete (their group is closed) are passed to
    // out(std::unique_ptr<car_event>&, bool is_copy) first; `out` may
    // exchange the event for another, never null.
    template <typename Out>
    void add(std::unique_ptr<car_event>& event, Out&& out) {
        if (held_ > 0 && !same_group(*pending_[0], *event)) emit(out);
        if (held_ == pending_.size()) pending_.push_back(std::make_unique<car_event>());
        pending_[held_++].swap(event);
        if (keep_duplicates_) emit(out);
    }

    // Passes on what is still held (after the last event).
    template <typename Out>
    void finish(Out&& out) {
        emit(out);
    }

private:
    static bool same_group(const car_event& a, const car_event& b) {
        return a.time == b.time && a.record_id == b.record_id && a.channel == b.channel && a.computer() == b.computer();
    }
    void resolve();  // sets copy_of_ and each kept event's copies

    template <typename Out>
    void emit(Out& out) {
        resolve();
        for (std::size_t i = 0; i < held_; ++i) out(pending_[i], copy_of_[i] != i);
        held_ = 0;
    }

    bool keep_duplicates_;
    std::vector<std::unique_ptr<car_event>> pending_;  // the first held_ are the current group
    std::size_t held_ = 0;
    std::vector<std::size_t> copy_of_;  // per held event: index of the kept event it copies (itself when kept)
};

}  // namespace evtxcar
