#pragma once
// activity_histogram: per host, how many timeline events and how many
// analytic hits fall into each time bucket, for report.html's activity
// chart. It counts every event, also those the row cap leaves out of the
// report's timeline.
//
// The bucket width is chosen once, from the evidence's time range, among
// round durations (1 s ... 1 day, then weeks, months, years), so that the
// range fits into at most `max_buckets` buckets; buckets start on multiples
// of the width. Hosts beyond `max_hosts` are counted together as other hosts.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "event_record.hpp"

namespace evtxcar {

class embedded_json;

class activity_histogram {
public:
    static constexpr std::size_t default_max_buckets = 120;
    static constexpr std::size_t default_max_hosts = 1000;

    activity_histogram(filetime_ticks first_time, filetime_ticks last_time,
                       std::size_t max_buckets = default_max_buckets, std::size_t max_hosts = default_max_hosts);

    void add(std::string_view host, filetime_ticks time, bool analytic_hit);

    filetime_ticks start() const { return start_; }
    filetime_ticks bucket_width() const { return width_; }
    std::size_t bucket_count() const { return bucket_count_; }

    struct series {
        std::vector<std::uint64_t> events;  // one per bucket
        std::vector<std::uint64_t> hits;
    };
    // Per host name; other hosts (beyond max_hosts) are in `other_hosts`.
    const std::map<std::string, series, std::less<>>& hosts() const { return hosts_; }
    const series& other_hosts() const { return other_hosts_; }

    // {"start": "<FILETIME>", "bucket_ticks": n, "buckets": n,
    //  "hosts": [{"host": ..., "other": bool, "events": [...], "hits": [...]}]}
    void append_json(embedded_json& json) const;

private:
    std::size_t bucket_of(filetime_ticks time) const;

    filetime_ticks start_ = 0;
    filetime_ticks width_ = 0;
    std::size_t bucket_count_ = 1;
    std::size_t max_hosts_;
    std::map<std::string, series, std::less<>> hosts_;
    series other_hosts_;
};

}  // namespace evtxcar
