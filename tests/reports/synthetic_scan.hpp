#pragma once
// synthetic_scan: a made-up scan for testing and benchmarking the report
// writers before (and besides) real evidence: Sysmon-like events of a few
// hosts in timeline order, CMSTP scenarios the analytics would fire on,
// their detections, and the scan_summary that counts them.
//
// Events are generated one at a time from a seed, never all held in memory,
// so the benchmark can stream hundreds of thousands of them. Generation is
// deterministic: the same options give the same events.
//
// With `hostile`, a host, user names, command lines, paths and error
// reasons carry markup, script end tags, javascript: URLs and
// direction-changing characters, as an attacker who controls a log could
// plant them.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/detection.hpp"
#include "car/car_event.hpp"
#include "pipeline/scan_summary.hpp"

namespace evtxcar::testing {

struct synthetic_scan_options {
    std::uint64_t events = 1000;
    bool hostile = false;
    // Every field value but the host name made unique (the worst case for
    // a report that stores repeated text once).
    bool unique_values = false;
    std::uint64_t seed = 1;
};

// Every string planted by the hostile scan, as it appears in the data.
inline constexpr std::array<std::string_view, 7> hostile_strings = {
    "<script>alert('host')</script>",
    "\"><img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "javascript:alert(3)",
    "C:\\Users\\mallory\\\u202Efdp.exe",
    "<svg onload=alert(5)>",
    "\u2066evil\u2069 & <b>bold</b> \u2028line",
};

class synthetic_event_source {
public:
    explicit synthetic_event_source(const synthetic_scan_options& options);

    bool done() const { return produced_ == options_.events; }
    // The next event in timeline order (call only while !done()).
    car_event next();

    const std::vector<std::string>& hosts() const { return hosts_; }

private:
    std::uint64_t random();
    void start_event(car_event& event, std::size_t host);
    car_event ordinary_event();
    car_event cmstp_process(std::size_t host);
    car_event cmstp_connection(std::size_t host);

    synthetic_scan_options options_;
    std::vector<std::string> hosts_;
    std::uint64_t produced_ = 0;
    std::uint64_t state_;
    std::vector<std::uint64_t> next_record_id_;  // per host (= per file)
    // The CMSTP scenario in progress: its process and how many of its events are left.
    car_event scenario_process_;
    std::size_t scenario_host_ = 0;
    int scenario_step_ = -1;
    std::uint64_t scenarios_ = 0;
};

// The detections an analytic run would produce for the events that fired
// (every event with `analytics`), with the scenario's process/create.
class synthetic_detections {
public:
    void observe(const car_event& event);
    const std::vector<detection>& all() const { return detections_; }

private:
    std::vector<car_event> processes_;  // cmstp process/create events seen
    std::vector<detection> detections_;
};

// A whole scan in memory: for tests with a few thousand events.
struct synthetic_scan {
    scan_summary summary;
    std::vector<car_event> events;
    std::vector<detection> detections;
};
synthetic_scan make_synthetic_scan(const synthetic_scan_options& options);

// The summary the pipeline would count for these options (one pass over
// the events), detections included.
struct synthetic_totals {
    scan_summary summary;
    std::vector<detection> detections;
    // UTF-8 bytes of every CAR field value of every event, and of the payload
    // values that are not the text of one of its CAR fields
    std::uint64_t field_text_bytes = 0;
};
synthetic_totals count_synthetic_scan(const synthetic_scan_options& options);

}  // namespace evtxcar::testing
