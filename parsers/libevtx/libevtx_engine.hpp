#pragma once
// The record engine built on libevtx: libevtx renders each record's XML and
// event_xml.cpp reads it with pugixml.
//
// libevtx runs in a process of its own per reader (libevtx_service, in a
// child_process): a crash, a runaway allocation, a hang or a leak in it
// costs only the file being read, reported as that file's problem; the next
// segment starts a new process.

#include <map>
#include <memory>
#include <mutex>

#include "../record_source.hpp"
#include "child_process.hpp"

namespace evtxcar {

namespace libevtx {
class chunk_coverage;
}

class libevtx_engine final : public evtx_engine {
public:
    // Records per segment: the unit in which threads share one large file.
    static constexpr int records_per_segment = 4096;

    explicit libevtx_engine(libevtx::child_limits limits = {}) : limits_(limits) {}

    std::string_view name() const override { return "libevtx"; }
    result<std::unique_ptr<evtx_file_reader>> open(const std::string& path,
                                                   const read_options& options) const override;

    const libevtx::child_limits& limits() const { return limits_; }

    // The readers of one file (one per thread reading its segments) share
    // one chunk_coverage, kept here until the file's last segment is read.
    std::shared_ptr<libevtx::chunk_coverage> shared_coverage(const std::string& path, std::uint32_t segments) const;
    void forget_coverage(const std::string& path) const;

private:
    libevtx::child_limits limits_;
    mutable std::mutex coverage_mutex_;
    mutable std::map<std::string, std::shared_ptr<libevtx::chunk_coverage>> coverage_by_path_;
};

}  // namespace evtxcar
