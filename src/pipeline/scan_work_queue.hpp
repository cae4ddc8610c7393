#pragma once
// scan_work_queue: what the scan workers share. Segments offered by opened
// files come first, then the next unopened file. While a file is being
// opened its segments are still to come: a worker with nothing to take
// waits for them (else the second worker of a one-file scan found nothing
// at the start and finished, and the whole file was read by one thread).

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace evtxcar {

struct segment_task {
    std::uint32_t file;
    std::uint32_t segment;
};

class scan_work_queue {
public:
    explicit scan_work_queue(std::size_t file_count) : file_count_(file_count) {}

    // Next segment of an opened file, or the next file to open (segment =
    // ~0: its opener then calls opened()); nothing once no file is left to
    // open or being opened.
    std::optional<segment_task> take() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (!offered_.empty()) {
                segment_task task = offered_.front();
                offered_.pop_front();
                return task;
            }
            if (next_file_ < file_count_) {
                ++opening_;
                return segment_task{static_cast<std::uint32_t>(next_file_++), ~0u};
            }
            if (opening_ == 0) return std::nullopt;
            changed_.wait(lock);
        }
    }

    void offer(std::uint32_t file, std::uint32_t first_segment, std::uint32_t end_segment) {
        {
            std::lock_guard lock(mutex_);
            for (std::uint32_t s = first_segment; s < end_segment; ++s) offered_.push_back({file, s});
        }
        changed_.notify_all();
    }

    // A file taken to open has offered its segments, or will offer none.
    void opened() {
        {
            std::lock_guard lock(mutex_);
            --opening_;
        }
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<segment_task> offered_;
    std::size_t next_file_ = 0;
    std::size_t file_count_;
    std::size_t opening_ = 0;  // files taken to open whose segments are not offered yet
};

// Calls scan_work_queue::opened() once for a file taken to open: when its
// segments are offered, or however the task ends (a file that does not
// open, a stop, an exception), so that no worker waits for nothing.
class file_opening {
public:
    file_opening(scan_work_queue& queue, bool active) : queue_(queue), active_(active) {}
    ~file_opening() { done(); }
    file_opening(const file_opening&) = delete;
    file_opening& operator=(const file_opening&) = delete;
    void done() {
        if (active_) queue_.opened();
        active_ = false;
    }

private:
    scan_work_queue& queue_;
    bool active_;
};

}  // namespace evtxcar
