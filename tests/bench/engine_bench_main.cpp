// engine_bench: records per second of the fast engine against the libevtx
// engine, reading the same files in the same run (rounds alternate between
// the engines, so machine noise hits both alike). A benchmark, not a test:
// docs/benchmarks.md gives the commands and the numbers.
//
//   engine_bench [--rounds N] [--no-check] [--profile fast|libevtx] PATH...
//   engine_bench --scaling THREADS PATH...
// --profile reads with one engine only, for perf record or callgrind.
// --scaling times the fast engine with 1 and with THREADS threads, each
// thread with its own reader taking the next segment of a file (as the scan
// pipeline does), and prints the speed-up.
// PATH: .evtx files or folders. Before timing, the two engines' records are
// compared (as in the differential test); unexplained differences stop it.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "binxml/binxml_engine.hpp"
#include "engine_comparison.hpp"
#include "libevtx/libevtx_engine.hpp"
#include "libevtx/libevtx_service.hpp"

using namespace evtxcar;

namespace {

// Counts the records that arrive (the engine builds each one whole before
// this virtual call, so nothing is optimised away).
class counting_visitor final : public record_visitor {
public:
    std::uint64_t records = 0;
    void on_record(const event_record&) override { ++records; }
    void on_record_error(const read_error&, std::uint64_t) override {}
    void on_warning(const read_error&) override {}
};

struct round_result {
    double wall_seconds = 0;
    double cpu_seconds = 0;
    std::uint64_t records = 0;
};

// CPU time of this process and of its children that have ended: the libevtx
// engine reads in a child process per reader (ended when the reader is).
double cpu_now() {
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return seconds(self.ru_utime) + seconds(self.ru_stime) + seconds(children.ru_utime) + seconds(children.ru_stime);
}

round_result read_everything(const evtx_engine& engine, const std::vector<std::string>& files) {
    counting_visitor visitor;
    const read_options options;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_now();
    for (const std::string& path : files) {
        auto reader = engine.open(path, options);
        if (!reader) continue;
        for (std::uint32_t s = 0; s < (*reader)->segment_count(); ++s) (*reader)->read_segment(s, visitor);
    }
    round_result result;
    result.cpu_seconds = cpu_now() - cpu_start;
    result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.records = visitor.records;
    return result;
}

// Wall seconds for `threads` threads to read every segment of every file.
double read_in_parallel(const evtx_engine& engine, const std::vector<std::string>& files, unsigned threads) {
    const read_options options;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& path : files) {
        auto probe = engine.open(path, options);
        if (!probe) continue;
        const std::uint32_t segments = (*probe)->segment_count();
        std::atomic<std::uint32_t> next{0};
        auto work = [&] {
            auto reader = engine.open(path, options);
            if (!reader) return;
            counting_visitor visitor;
            for (std::uint32_t s = next++; s < segments; s = next++) (*reader)->read_segment(s, visitor);
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
        for (std::thread& thread : pool) thread.join();
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    // This program is also its libevtx engine's child process (child_process.hpp).
    const evtxcar::libevtx::child_role roles[] = {evtxcar::libevtx::serve_file_role};
    if (auto status = evtxcar::libevtx::run_child_role(argc, argv, roles)) return *status;
    int rounds = 5;
    bool check = true;
    std::string profile;
    unsigned scaling_threads = 0;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rounds" && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--scaling" && i + 1 < argc) {
            scaling_threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (arg == "--profile" && i + 1 < argc) {
            profile = argv[++i];
        } else if (arg == "--no-check") {
            check = false;
        } else {
            const std::vector<std::string> found = testing::evtx_files(arg);
            files.insert(files.end(), found.begin(), found.end());
        }
    }
    std::sort(files.begin(), files.end());
    std::uint64_t bytes = 0;
    for (const std::string& path : files) bytes += std::filesystem::file_size(path);
    if (files.empty()) {
        std::fprintf(stderr,
                     "usage: engine_bench [--rounds N] [--no-check] [--profile fast|libevtx] PATH...\n"
                     "       engine_bench --scaling THREADS PATH...\n");
        return 2;
    }

    if (check) {
        read_options options;
        options.include_recovered = true;
        for (const std::string& path : files) {
            if (!testing::acceptable(testing::compare_engines(path, options))) {
                std::fprintf(stderr, "%s: the engines differ in an unexplained way; run engine_diff\n", path.c_str());
                return 1;
            }
        }
        std::printf("check: both engines agree on all %zu files (documented differences aside)\n", files.size());
    }

    const libevtx_engine slow;
    const binxml_engine fast;
    if (scaling_threads > 0) {
        double one = 1e300;
        double many = 1e300;
        for (int round = 0; round < rounds; ++round) {
            one = std::min(one, read_in_parallel(fast, files, 1));
            many = std::min(many, read_in_parallel(fast, files, scaling_threads));
        }
        const double megabytes = static_cast<double>(bytes) / 1e6;
        std::printf("input: %zu files, %.1f MB; best of %d rounds\n", files.size(), megabytes, rounds);
        std::printf("fast, 1 thread:   %.3f s wall, %7.1f MB/s\n", one, megabytes / one);
        std::printf("fast, %u threads: %.3f s wall, %7.1f MB/s\n", scaling_threads, many, megabytes / many);
        std::printf("speed-up: %.2fx\n", one / many);
        return 0;
    }
    if (!profile.empty()) {
        const evtx_engine& engine = profile == "libevtx" ? static_cast<const evtx_engine&>(slow) : fast;
        for (int round = 0; round < rounds; ++round) {
            const round_result r = read_everything(engine, files);
            std::printf("%s: %llu records in %.3f s CPU\n", std::string(engine.name()).c_str(),
                        static_cast<unsigned long long>(r.records), r.cpu_seconds);
        }
        return 0;
    }
    std::vector<round_result> slow_rounds, fast_rounds;
    for (int round = 0; round < rounds; ++round) {
        slow_rounds.push_back(read_everything(slow, files));
        fast_rounds.push_back(read_everything(fast, files));
    }
    auto best = [](const std::vector<round_result>& all) {
        return *std::min_element(all.begin(), all.end(), [](const round_result& a, const round_result& b) {
            return a.cpu_seconds < b.cpu_seconds;
        });
    };
    const round_result s = best(slow_rounds);
    const round_result f = best(fast_rounds);
    const double megabytes = static_cast<double>(bytes) / 1e6;
    std::printf("input: %zu files, %.1f MB; best of %d rounds, one thread\n", files.size(), megabytes, rounds);
    std::printf("libevtx: %8llu records in %.3f s CPU (%.3f s wall): %10.0f records/s, %7.1f MB/s\n",
                static_cast<unsigned long long>(s.records), s.cpu_seconds, s.wall_seconds,
                static_cast<double>(s.records) / s.cpu_seconds, megabytes / s.cpu_seconds);
    std::printf("fast:    %8llu records in %.3f s CPU (%.3f s wall): %10.0f records/s, %7.1f MB/s\n",
                static_cast<unsigned long long>(f.records), f.cpu_seconds, f.wall_seconds,
                static_cast<double>(f.records) / f.cpu_seconds, megabytes / f.cpu_seconds);
    std::printf("ratio fast / libevtx, records per second: %.1fx\n",
                (static_cast<double>(f.records) / f.cpu_seconds) / (static_cast<double>(s.records) / s.cpu_seconds));
    return 0;
}
