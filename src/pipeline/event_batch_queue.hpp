#pragma once
// event_batch_queue: hands batches of timeline events, with the detections
// made on them, from the thread that merges the timeline to the thread that
// writes it. Bounded (a producer
// waits while `capacity` batches are queued), so memory stays flat however
// far the writers fall behind.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "analytics/detection.hpp"
#include "car/car_event.hpp"

namespace evtxcar {

class analytic;

// Events in timeline order and the detections made on them, in order: the
// first `detections_used` slots (the others are buffers kept for reuse).
struct timeline_batch {
    // A detection the writer thread is to make: `by`'s mark on
    // events[event] (analytic::detection_for_mark); the merge thread set
    // only the slot's process. `by` nullptr: the slot is whole.
    struct pending_mark {
        const analytic* by = nullptr;
        std::size_t event = 0;
    };
    std::vector<std::unique_ptr<car_event>> events;  // never null: handed on, not copied
    std::vector<detection> detections;
    std::vector<pending_mark> pending;  // one per detection slot
    std::size_t detections_used = 0;

    // The next detection slot (it may hold an older detection's contents);
    // `mark`: what the writer thread is to make of it (without: nothing).
    detection& next_detection() { return next_detection(pending_mark{}); }
    detection& next_detection(pending_mark mark) {
        if (detections_used == detections.size()) {
            detections.emplace_back();
            pending.emplace_back();
        }
        pending[detections_used] = mark;
        return detections[detections_used++];
    }
};

class event_batch_queue {
public:
    explicit event_batch_queue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Waits for room; false (and the batch is dropped) once the queue is closed.
    bool push(timeline_batch&& batch) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return closed_ || batches_.size() < capacity_; });
        if (closed_) return false;
        batches_.push_back(std::move(batch));
        ready_.notify_one();
        return true;
    }

    // Waits for a batch; nothing once the queue is closed and empty.
    std::optional<timeline_batch> pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) return std::nullopt;
        timeline_batch batch = std::move(batches_.front());
        batches_.pop_front();
        room_.notify_one();
        return batch;
    }

    // A batch if one is queued, without waiting.
    std::optional<timeline_batch> try_pop() {
        std::lock_guard lock(mutex_);
        if (batches_.empty()) return std::nullopt;
        timeline_batch batch = std::move(batches_.front());
        batches_.pop_front();
        room_.notify_one();
        return batch;
    }

    // No more pushes; pop() drains what is queued, then returns nothing.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_all();
        room_.notify_all();
    }

private:
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<timeline_batch> batches_;
    bool closed_ = false;
};

}  // namespace evtxcar
