#pragma once
// Large synthetic logs of ordinary events, written in batches so that memory
// stays small: for the benchmarks (tests/bench/large_log_bench) and for the
// tests that need a scan to run long enough to be interrupted.

#include <cstdint>
#include <filesystem>

namespace evtxcar::testdata {

enum class large_log_kind {
    sysmon,    // process terminate, file create, registry key: every event reaches the timeline
    security,  // logons, special privileges, process creations, logoffs: counted, few reach the timeline
};

// Writes a log of about `megabytes` MiB to `path`; returns the number of records.
std::uint64_t write_large_log(const std::filesystem::path& path, large_log_kind kind, unsigned megabytes);

}  // namespace evtxcar::testdata
