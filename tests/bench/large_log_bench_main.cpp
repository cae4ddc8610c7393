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

#include "bulk_events.hpp"
#include "event_templates.hpp"
#include "evtx_file_writer.hpp"
#include "windows_log_events.hpp"

using namespace evtxcar;

namespace {

std::vector<unsigned> numbers_in(const std::string& list) {
    std::vector<unsigned> numbers;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) numbers.push_back(static_cast<unsigned>(std::stoul(item)));
    return numbers;
}

// A batch of Security events: logons, special privileges, process creations
// and logoffs, in turn.
std::vector<evtx_writer::windows_event> security_batch(evtx_writer::filetime& time, std::uint64_t batch) {
    const std::string computer = "BENCH01.corp.example.com";
    const testdata::account system{"S-1-5-18", "BENCH01$", "CORP", 0x3E7};
    std::vector<evtx_writer::windows_event> events;
    for (unsigned n = 0; n < 5000; ++n) {
        time += 3 * evtx_writer::ticks_per_second;
        const testdata::account user{"S-1-5-21-3623811015-3361044348-30300820-" + std::to_string(1100 + n % 50),
                                     "user" + std::to_string(n % 50), "CORP", 0x100000 + batch * 5000 + n};
        switch (n % 4) {
            case 0:
                events.push_back(testdata::security_logon(computer, time, system, user, {}));
                break;
            case 1:
                events.push_back(testdata::security_special_privileges(computer, time, user));
                break;
            case 2:
                events.push_back(testdata::security_process_creation(
                    computer, time, user, 0x1000 + n, "C:\\Windows\\System32\\cmd.exe", 0x2F0,
                    "C:\\Windows\\explorer.exe", "cmd.exe /c echo " + std::to_string(n)));
                break;
            default:
                events.push_back(testdata::security_logoff(computer, time, user, 2));
                break;
        }
    }
    return events;
}

// Writes a log of about `megabytes` MiB in batches, so memory stays small.
// Sysmon: ordinary events (process terminate, file create, registry key).
std::uint64_t write_log(const std::filesystem::path& path, const std::string& kind, unsigned megabytes) {
    std::ofstream out(path, std::ios::binary);
    evtx_writer::evtx_file_writer writer(out);
    evtx_writer::event_template_cache templates;
    const testdata::sysmon_host host{"BENCH01.corp.example.com", "10.20.30.40"};
    const std::uint64_t target_chunks = std::uint64_t{megabytes} * 16;  // 64 KiB each
    evtx_writer::filetime time = 133000000000000000ULL;
    std::uint64_t records_written = 0;
    auto write = [&](const evtx_writer::windows_event& event) {
        const std::uint64_t id = writer.next_record_id();
        writer.write_record(id, event.system.time_created, templates.instance_of(event, id));
        ++records_written;
    };
    for (std::uint64_t batch = 0; writer.chunks_written() < target_chunks; ++batch) {
        if (kind == "security") {
            for (const auto& event : security_batch(time, batch)) write(event);
        } else {
            const auto records = testdata::bulk_sysmon_records(host, time, 5000, batch + 1, "bench");
            for (const testdata::scenario_record& record : records) write(record.event);
            time = records.back().event.system.time_created;
        }
    }
    writer.finish();
    return records_written;
}

struct scan_run {
    double seconds = 0;
    long peak_rss_kib = 0;
    int exit_status = -1;
};

scan_run run_scan(const std::string& binary, const std::filesystem::path& log, const std::filesystem::path& out,
                  unsigned threads, const std::vector<std::string>& scan_arguments) {
    std::vector<std::string> words = {binary, "scan", log.string(), "-o", out.string(), "--quiet", "--no-html",
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
            records = write_log(log, kind, megabytes);
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
