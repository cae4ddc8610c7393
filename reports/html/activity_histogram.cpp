#include "html/activity_histogram.hpp"

#include <algorithm>
#include <array>

#include "filetime.hpp"
#include "html/embedded_json.hpp"

namespace evtxcar {

namespace {

constexpr filetime_ticks minute = 60 * ticks_per_second;
constexpr filetime_ticks hour = 60 * minute;
constexpr filetime_ticks day = 24 * hour;

constexpr std::array round_widths = {
    ticks_per_second, 2 * ticks_per_second, 5 * ticks_per_second, 10 * ticks_per_second,
    15 * ticks_per_second, 30 * ticks_per_second, minute, 2 * minute, 5 * minute, 10 * minute,
    15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day,
    14 * day, 30 * day, 91 * day, 182 * day, 365 * day,
};

void append_counts(embedded_json& json, const std::vector<std::uint64_t>& counts) {
    json.begin_array();
    for (std::uint64_t count : counts) json.number(count);
    json.end_array();
}

}  // namespace

activity_histogram::activity_histogram(filetime_ticks first_time, filetime_ticks last_time, std::size_t max_buckets,
                                       std::size_t max_hosts)
    : max_hosts_(max_hosts) {
    max_buckets = std::max<std::size_t>(max_buckets, 1);
    if (last_time < first_time) last_time = first_time;
    // Smallest round width that covers the range in max_buckets buckets
    // (counting the partial bucket at each end); past a year, whole years.
    width_ = 0;
    for (filetime_ticks width : round_widths) {
        if (last_time / width - first_time / width + 1 <= max_buckets) {
            width_ = width;
            break;
        }
    }
    if (width_ == 0) {
        const filetime_ticks year = round_widths.back();
        width_ = ((last_time - first_time) / year / max_buckets + 1) * year;
        while (last_time / width_ - first_time / width_ + 1 > max_buckets) width_ += year;
    }
    start_ = first_time / width_ * width_;
    bucket_count_ = static_cast<std::size_t>(last_time / width_ - first_time / width_ + 1);
    other_hosts_.events.assign(bucket_count_, 0);
    other_hosts_.hits.assign(bucket_count_, 0);
}

std::size_t activity_histogram::bucket_of(filetime_ticks time) const {
    if (time < start_) return 0;
    return static_cast<std::size_t>(std::min<filetime_ticks>((time - start_) / width_, bucket_count_ - 1));
}

void activity_histogram::add(std::string_view host, filetime_ticks time, bool analytic_hit) {
    series* target = nullptr;
    if (auto found = hosts_.find(host); found != hosts_.end()) {
        target = &found->second;
    } else if (hosts_.size() < max_hosts_) {
        series& created = hosts_[std::string(host)];
        created.events.assign(bucket_count_, 0);
        created.hits.assign(bucket_count_, 0);
        target = &created;
    } else {
        target = &other_hosts_;
    }
    const std::size_t bucket = bucket_of(time);
    ++target->events[bucket];
    if (analytic_hit) ++target->hits[bucket];
}

void activity_histogram::append_json(embedded_json& json) const {
    json.begin_object();
    json.key("start").string(std::to_string(start_));
    json.key("bucket_ticks").number(std::uint64_t{width_});
    json.key("buckets").number(std::uint64_t{bucket_count_});
    json.key("hosts").begin_array();
    for (const auto& [host, counts] : hosts_) {
        json.begin_object().key("host").string(host).key("other").boolean(false);
        json.key("events");
        append_counts(json, counts.events);
        json.key("hits");
        append_counts(json, counts.hits);
        json.end_object();
    }
    const bool any_other = std::any_of(other_hosts_.events.begin(), other_hosts_.events.end(),
                                       [](std::uint64_t count) { return count > 0; });
    if (any_other) {
        json.begin_object().key("host").string("").key("other").boolean(true);
        json.key("events");
        append_counts(json, other_hosts_.events);
        json.key("hits");
        append_counts(json, other_hosts_.hits);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace evtxcar
