#pragma once
// progress_meter: one status line on stderr, redrawn a few times a second:
// while reading, files, records, MB/s and ETA; while writing the timeline,
// events written of all. Drawn only when stderr is a terminal and --quiet is
// not given; the counters are always kept.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace evtxcar {

class progress_meter {
public:
    // Reading: `total_bytes` of `total_files` files.
    progress_meter(std::uint64_t total_files, std::uint64_t total_bytes, bool draw);
    // Writing: `total_events` timeline events (count them with add_records).
    static progress_meter for_writing(std::uint64_t total_events, bool draw);
    ~progress_meter();
    progress_meter(const progress_meter&) = delete;
    progress_meter& operator=(const progress_meter&) = delete;

    void add_records(std::uint64_t count) { records_.fetch_add(count, std::memory_order_relaxed); }
    void add_bytes(std::uint64_t count) { bytes_.fetch_add(count, std::memory_order_relaxed); }
    void file_done() { files_.fetch_add(1, std::memory_order_relaxed); }
    // Stops redrawing and clears the line.
    void stop();

private:
    void draw_loop();
    void draw_line();

    enum class phase : std::uint8_t { reading, writing };
    progress_meter(phase shown, std::uint64_t total_files, std::uint64_t total, bool draw);

    phase phase_;
    std::uint64_t total_files_;
    std::uint64_t total_;  // bytes while reading, events while writing
    std::atomic<std::uint64_t> files_{0};
    std::atomic<std::uint64_t> records_{0};
    std::atomic<std::uint64_t> bytes_{0};
    std::chrono::steady_clock::time_point started_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread drawer_;
};

}  // namespace evtxcar
