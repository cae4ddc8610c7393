#pragma once
// timeline_sorter: puts every car_event of a scan in timeline order with
// bounded memory. Each scan worker fills its own run_builder, which encodes
// each event as it comes (the worker reuses its event); a full builder
// sorts its run and spills it to a run file in a temporary folder. The
// merge reads all runs at once (k-way), or in several passes when there are
// very many, and hands each event to a callback in order.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "car/car_event.hpp"
#include "pipeline/event_layouts.hpp"
#include "result.hpp"

namespace evtxcar {

struct car_event_spares;

class timeline_sorter;

// Events encoded one after the other (car_event_codec), with what orders
// them: a run as a scan worker builds it and as the merge reads it while
// it stays in memory. Host and channel names are kept once per run, each
// event's layout (event_layouts) as its number.
struct encoded_run {
    struct entry {
        filetime_ticks time = 0;
        std::uint64_t record_id = 0;
        std::uint64_t record_offset = 0;
        std::uint32_t file_index = 0;
        std::uint32_t host = 0;     // index into names: the event's computer()
        std::uint32_t channel = 0;  // index into names
        std::uint32_t size = 0;     // bytes of the encoding (length prefix and body)
        std::uint64_t offset = 0;   // where the encoding begins in bytes
    };
    std::string bytes;
    std::vector<entry> entries;
    std::vector<std::string> names;

    // Encodes `event`, of layout number `layout`, at the end of the run.
    void add(const car_event& event, std::uint32_t layout);
    // Empties the run, keeping its buffers.
    void clear();
    // Puts the entries in timeline order (timeline_before's order).
    void sort();
    // The event of entry `index` into `event`, its buffers reused.
    void decode(std::size_t index, car_event& event, car_event_spares& spares, const event_layouts& layouts) const;

private:
    std::uint32_t name_id(std::string_view name, std::uint32_t& last);
    std::map<std::string, std::uint32_t, std::less<>> ids_;  // names, by name
    std::uint32_t last_host_ = 0;
    std::uint32_t last_channel_ = 0;
};

class run_builder {
public:
    run_builder(timeline_sorter& sorter, std::size_t memory_budget);
    // Encodes the event into the run (the caller may reuse `event`); spills
    // the run once it holds memory_budget bytes.
    void add(const car_event& event);
    // Sorts what is left and hands it to the merge: in memory when the
    // builder never spilled, as one more run file when it did. Frees the
    // builder's buffers.
    void close();

private:
    timeline_sorter& sorter_;
    std::size_t memory_budget_;
    event_layout_cache layouts_;
    encoded_run run_;
    bool spilled_ = false;
};

class timeline_sorter {
public:
    // `temporary_folder` is created on first spill and removed by the destructor.
    explicit timeline_sorter(std::filesystem::path temporary_folder);
    ~timeline_sorter();
    timeline_sorter(const timeline_sorter&) = delete;
    timeline_sorter& operator=(const timeline_sorter&) = delete;

    // Merges every run (once no run_builder adds any more); calls `visit`
    // once per event in timeline order. Returns the first error (I/O on the
    // temporary folder) if any.
    result<std::uint64_t> merge(const std::function<bool(car_event&)>& visit);
    // The same, handing `visit` the event itself: it may exchange it for
    // another event (never null), whose buffers the merge decodes the next
    // event of that run into. Handing events on costs a pointer, where
    // swapping two events' contents costs every member's.
    result<std::uint64_t> merge_handing_over(const std::function<bool(std::unique_ptr<car_event>&)>& visit);

    std::size_t spilled_runs() const { return run_files_.size(); }
    std::uint64_t spilled_bytes() const { return spilled_bytes_.load(); }

private:
    friend class run_builder;
    // Thread-safe: sorts `run` and keeps it in memory for the merge.
    void keep_run(encoded_run&& run);
    // Thread-safe: sorts `run` and writes it as a run file (the caller keeps
    // the run's buffers).
    void spill_run(encoded_run& run);
    result<std::filesystem::path> write_run(const encoded_run& run);

    std::filesystem::path folder_;
    event_layouts layouts_;  // of every run's events
    std::mutex mutex_;
    std::vector<std::filesystem::path> run_files_;
    std::vector<encoded_run> memory_runs_;
    std::atomic<std::uint64_t> spilled_bytes_{0};
    std::atomic<std::uint64_t> next_run_{0};
    std::string first_error_;
};

}  // namespace evtxcar
