#pragma once
// timeline_sorter: puts every car_event of a scan in timeline order with
// bounded memory. Each scan worker fills its own run_builder; a full builder
// sorts its events and spills them to a run file in a temporary folder. The
// merge reads all runs at once (k-way), or in several passes when there are
// very many, and hands each event to a callback in order.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "car/car_event.hpp"
#include "result.hpp"

namespace evtxcar {

class timeline_sorter;

class run_builder {
public:
    run_builder(timeline_sorter& sorter, std::size_t memory_budget);
    void add(car_event&& event);
    // Sorts what is left; keeps it in memory for the merge (no spill).
    void close();

private:
    timeline_sorter& sorter_;
    std::size_t memory_budget_;
    std::size_t bytes_ = 0;
    std::vector<car_event> events_;
};

class timeline_sorter {
public:
    // `temporary_folder` is created on first spill and removed by the destructor.
    explicit timeline_sorter(std::filesystem::path temporary_folder);
    ~timeline_sorter();
    timeline_sorter(const timeline_sorter&) = delete;
    timeline_sorter& operator=(const timeline_sorter&) = delete;

    // Merges every run; calls `visit` once per event in timeline order.
    // Returns the first error (I/O on the temporary folder) if any.
    result<std::uint64_t> merge(const std::function<bool(car_event&)>& visit);

    std::size_t spilled_runs() const { return run_files_.size(); }
    std::uint64_t spilled_bytes() const { return spilled_bytes_.load(); }

private:
    friend class run_builder;
    // Thread-safe: sorts `events` and writes them as a run file, or keeps
    // them in memory when `in_memory`.
    void accept_run(std::vector<car_event>&& events, bool in_memory);
    result<std::filesystem::path> write_run(const std::vector<car_event>& events);

    std::filesystem::path folder_;
    std::mutex mutex_;
    std::vector<std::filesystem::path> run_files_;
    std::vector<std::vector<car_event>> memory_runs_;
    std::atomic<std::uint64_t> spilled_bytes_{0};
    std::atomic<std::uint64_t> next_run_{0};
    std::string first_error_;
};

}  // namespace evtxcar
