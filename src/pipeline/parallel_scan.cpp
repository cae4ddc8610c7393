#include "pipeline/parallel_scan.hpp"

#include "pipeline/scan_work_queue.hpp"

#include <algorithm>
#include <deque>
#include <exception>
#include <optional>
#include <mutex>
#include <thread>

namespace evtxcar {

namespace {

// Counts finished segments per file, so the last one to finish a file marks it done.
class file_completion {
public:
    explicit file_completion(std::size_t file_count) : remaining_(file_count) {}
    void expect(std::uint32_t file, std::uint32_t segments) {
        std::lock_guard lock(mutex_);
        remaining_[file] += segments;
    }
    bool finish_one(std::uint32_t file) {
        std::lock_guard lock(mutex_);
        return --remaining_[file] == 0;
    }

private:
    std::mutex mutex_;
    std::vector<std::int64_t> remaining_;
};

}  // namespace

std::vector<scan_tally> run_parallel_scan(const std::vector<std::string>& files,
                                          const std::vector<std::uint64_t>& file_bytes, const evtx_engine& engine,
                                          const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                                          const std::vector<std::unique_ptr<analytic>>& analytics,
                                          const parallel_scan_settings& settings, timeline_sorter& sorter,
                                          progress_meter& progress) {
    const unsigned threads = settings.threads == 0 ? 1 : settings.threads;
    std::vector<scan_tally> tallies;
    tallies.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) tallies.emplace_back(files.size());

    scan_work_queue queue(files.size());
    file_completion completion(files.size());
    std::vector<std::uint32_t> segment_counts(files.size(), 0);  // written by the opener before offering

    auto worker = [&](unsigned worker_index) {
        scan_tally& tally = tallies[worker_index];
        run_builder runs(sorter, settings.sort_memory_budget / threads);
        std::vector<std::unique_ptr<event_marker>> markers;
        for (const event_marker_source* source : settings.markers) markers.push_back(source->make_marker());
        record_consumer consumer(normalizers, analytics, settings.window, settings.timeline, markers, tally, runs);
        std::unique_ptr<evtx_file_reader> reader;
        std::uint32_t reader_file = ~0u;

        while (auto task = queue.take()) {
            file_opening opener(queue, task->segment == ~0u);
            if (settings.stop.requested()) break;
            const std::uint32_t file = task->file;
            std::uint32_t segment = task->segment;
            consumer.set_file(file);
            if (reader_file != file) {
                reader.reset();
                reader_file = ~0u;
                auto opened = engine.open(files[file], settings.read);
                if (!opened) {
                    if (segment == ~0u) {  // the first opener reports a file that cannot be read
                        file_tally& failed = tally.files[file];
                        failed.unreadable = true;
                        failed.first_problem.offer(opened.error());
                        tally.add_problem(opened.error(), 0, false);
                        progress.add_bytes(file_bytes[file]);
                        progress.file_done();
                    } else {  // it opened before; report this segment as lost
                        consumer.on_record_error(opened.error(), 0);
                        if (completion.finish_one(file)) progress.file_done();
                    }
                    continue;
                }
                reader = std::move(opened.value());
                reader_file = file;
            }
            if (segment == ~0u) {
                const std::uint32_t count = reader->segment_count();
                if (count == 0) {
                    progress.add_bytes(file_bytes[file]);
                    progress.file_done();
                    continue;
                }
                segment_counts[file] = count;
                completion.expect(file, count);
                queue.offer(file, 1, count);
                opener.done();
                segment = 0;
            }
            const std::uint64_t before = consumer.records_seen();
            reader->read_segment(segment, consumer);
            progress.add_records(consumer.records_seen() - before);
            progress.add_bytes(file_bytes[file] / std::max<std::uint32_t>(1, segment_counts[file]));
            if (completion.finish_one(file)) progress.file_done();
        }
        if (!settings.stop.requested()) runs.close();  // a stopped scan is abandoned: no need to sort what is left
    };

    // A worker that throws (out of memory, a damaged temporary file) stops
    // the scan; the first such exception is rethrown once all have joined.
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto guarded_worker = [&](unsigned worker_index) {
        try {
            worker(worker_index);
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(guarded_worker, i);
    guarded_worker(0);
    for (std::thread& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
    return tallies;
}

}  // namespace evtxcar
