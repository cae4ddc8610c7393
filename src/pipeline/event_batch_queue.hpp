#pragma once
// event_batch_queue: hands batches of timeline events from the thread that
// merges the timeline to the thread that writes it. Bounded (a producer
// waits while `capacity` batches are queued), so memory stays flat however
// far the writers fall behind.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class event_batch_queue {
public:
    explicit event_batch_queue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Waits for room; false (and the batch is dropped) once the queue is closed.
    bool push(std::vector<car_event>&& batch) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return closed_ || batches_.size() < capacity_; });
        if (closed_) return false;
        batches_.push_back(std::move(batch));
        ready_.notify_one();
        return true;
    }

    // Waits for a batch; nothing once the queue is closed and empty.
    std::optional<std::vector<car_event>> pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) return std::nullopt;
        std::vector<car_event> batch = std::move(batches_.front());
        batches_.pop_front();
        room_.notify_one();
        return batch;
    }

    // A batch if one is queued, without waiting.
    std::optional<std::vector<car_event>> try_pop() {
        std::lock_guard lock(mutex_);
        if (batches_.empty()) return std::nullopt;
        std::vector<car_event> batch = std::move(batches_.front());
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
    std::deque<std::vector<car_event>> batches_;
    bool closed_ = false;
};

}  // namespace evtxcar
