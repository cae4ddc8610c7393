// large_log_bench: `evtxcar scan` with the fast engine over large synthetic
// logs written by evtxcar's test-only EVTX writer. For each log size it
// prints throughput (MB/s, records/s) and the scan's peak resident memory
// for each thread count, and the speed-up over one thread. A benchmark, not
// a test: docs/benchmarks.md.
//
//   large_log_bench [--kind sysmon|security] [--sizes MIB,...] [--threads N,...]
//                   [--binary PATH] [--rounds N] [--scan-arg ARG]... WORKDIR
// --scan-arg passes ARG on to every `evtxcar scan` (e.g. --scan-arg --timeline --scan-arg car).
// Defaults: --kind sysmon --sizes 256,1024 --threads 1,2 --binary build/src/evtxcar
// --rounds 3. A Sysmon log's events all go through normalization, the
// timeline sort and the writers; a Security log's events are counted but
// reach no timeline, so its scan is mostly reading. Logs are written once
// into WORKDIR (<kind>-<MIB>MiB.evtx, with the record count beside it) and
// reused by later runs.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "large_log.hpp"

using namespace evtxcar;

namespace {

std::vector<unsigned> numbers_in(const std::string& list) {
    std::vector<unsigned> numbers;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) numbers.push_back(static_cast<unsigned>(std::stoul(item)));
    return numbers;
}

struct scan_run {
    double seconds = 0;
    long peak_rss_kib = 0;
    int exit_status = -1;
};

scan_run run_scan(const std::string& binary, const std::filesystem::path& log, const std::filesystem::path& out,
                  unsigned threads, const std::vector<std::string>& scan_arguments) {
    std::vector<std::string> words = {binary, "scan", log.string(), "-o", out.string(), "--overwrite", "--quiet",
                                      "--no-html", "--no-json-status",
                                      "--engine", "fast", "--threads", std::to_string(threads)};
    words.insert(words.end(), scan_arguments.begin(), scan_arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    scan_run run;
    int status = 0;
    rusage usage{};
    if (child > 0 && wait4(child, &status, 0, &usage) == child) {
        run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        run.peak_rss_kib = usage.ru_maxrss;
        run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return run;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<unsigned> sizes = {256, 1024};
    std::vector<unsigned> thread_counts = {1, 2};
    std::string binary = "build/src/evtxcar";
    int rounds = 3;
    std::vector<std::string> scan_arguments;
    std::string kind = "sysmon";
    std::filesystem::path workdir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--kind" && i + 1 < argc) {
            kind = argv[++i];
        } else if (arg == "--sizes" && i + 1 < argc) {
            sizes = numbers_in(argv[++i]);
        } else if (arg == "--threads" && i + 1 < argc) {
            thread_counts = numbers_in(argv[++i]);
        } else if (arg == "--binary" && i + 1 < argc) {
            binary = argv[++i];
        } else if (arg == "--scan-arg" && i + 1 < argc) {
            scan_arguments.emplace_back(argv[++i]);
        } else if (arg == "--rounds" && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (arg.rfind("-", 0) == 0 || !workdir.empty()) {
            workdir.clear();  // an unknown option (--help) or a second folder: usage, nothing written
            break;
        } else {
            workdir = arg;
        }
    }
    if (workdir.empty() || sizes.empty() || thread_counts.empty() || (kind != "sysmon" && kind != "security")) {
        std::fprintf(stderr,
                     "usage: large_log_bench [--kind sysmon|security] [--sizes MIB,...] [--threads N,...] "
                     "[--binary PATH] [--rounds N] [--scan-arg ARG]... WORKDIR\n");
        return 2;
    }
    std::filesystem::create_directories(workdir);
    std::printf("machine: %u cores; best of %d rounds per cell\n",
                std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN))), rounds);
    for (unsigned megabytes : sizes) {
        const std::filesystem::path log = workdir / (kind + "-" + std::to_string(megabytes) + "MiB.evtx");
        const std::filesystem::path count_file = log.string() + ".records";
        std::uint64_t records = 0;
        if (std::filesystem::exists(log) && std::filesystem::exists(count_file)) {
            std::ifstream(count_file) >> records;
        } else {
            const auto start = std::chrono::steady_clock::now();
            const auto log_kind = kind == "security" ? testdata::large_log_kind::security : testdata::large_log_kind::sysmon;
            records = testdata::write_large_log(log, log_kind, megabytes);
            std::ofstream(count_file) << records << "\n";
            std::printf("wrote %s: %llu records in %.1f s\n", log.string().c_str(),
                        static_cast<unsigned long long>(records),
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        const double size_mb = static_cast<double>(std::filesystem::file_size(log)) / 1e6;
        double one_thread = 0;
        for (unsigned threads : thread_counts) {
            scan_run best;
            best.seconds = 1e300;
            for (int round = 0; round < rounds; ++round) {
                const scan_run run = run_scan(binary, log, workdir / "out", threads, scan_arguments);
                if (run.exit_status != 0 && run.exit_status != 3) {
                    std::fprintf(stderr, "evtxcar scan failed (exit %d)\n", run.exit_status);
                    return 1;
                }
                if (run.seconds < best.seconds) best = run;
            }
            if (threads == 1) one_thread = best.seconds;
            std::printf("%7.1f MB, %9llu records, %u thread%s: %6.2f s, %7.1f MB/s, %9.0f records/s, peak RSS %ld MiB",
                        size_mb, static_cast<unsigned long long>(records), threads, threads == 1 ? " " : "s",
                        best.seconds, size_mb / best.seconds, static_cast<double>(records) / best.seconds,
                        best.peak_rss_kib / 1024);
            if (threads != 1 && one_thread > 0) std::printf(", speed-up %.2fx", one_thread / best.seconds);
            std::printf("\n");
        }
    }
    std::filesystem::remove_all(workdir / "out");
    return 0;
}
