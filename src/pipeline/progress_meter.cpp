#include "pipeline/progress_meter.hpp"

#include <cstdio>

namespace evtxcar {

progress_meter::progress_meter(phase shown, std::uint64_t total_files, std::uint64_t total, bool draw)
    : phase_(shown), total_files_(total_files), total_(total), started_(std::chrono::steady_clock::now()) {
    if (draw) drawer_ = std::thread([this] { draw_loop(); });
}

progress_meter::progress_meter(std::uint64_t total_files, std::uint64_t total_bytes, bool draw)
    : progress_meter(phase::reading, total_files, total_bytes, draw) {}

progress_meter progress_meter::for_writing(std::uint64_t total_events, bool draw) {
    return progress_meter(phase::writing, 0, total_events, draw);
}

progress_meter::~progress_meter() { stop(); }

void progress_meter::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    if (drawer_.joinable()) {
        drawer_.join();
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

void progress_meter::draw_loop() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; })) draw_line();
}

void progress_meter::draw_line() {
    if (phase_ == phase::writing) {
        std::fprintf(stderr, "\r\033[Kwriting: events %llu/%llu",
                     static_cast<unsigned long long>(records_.load(std::memory_order_relaxed)),
                     static_cast<unsigned long long>(total_));
        std::fflush(stderr);
        return;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const auto bytes = static_cast<double>(bytes_.load(std::memory_order_relaxed));
    const double rate = seconds > 0 ? bytes / seconds : 0;
    char eta[32] = "--:--";
    if (rate > 0 && total_ > 0 && bytes <= static_cast<double>(total_)) {
        const auto left = static_cast<long long>((static_cast<double>(total_) - bytes) / rate);
        std::snprintf(eta, sizeof eta, "%lld:%02lld", left / 60, left % 60);
    }
    std::fprintf(stderr, "\r\033[Kreading: files %llu/%llu, records %llu, %.1f MB/s, ETA %s",
                 static_cast<unsigned long long>(files_.load(std::memory_order_relaxed)),
                 static_cast<unsigned long long>(total_files_),
                 static_cast<unsigned long long>(records_.load(std::memory_order_relaxed)), rate / 1e6, eta);
    std::fflush(stderr);
}

}  // namespace evtxcar
