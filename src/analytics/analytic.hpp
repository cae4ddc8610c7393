#pragma once
// analytic: one detection analytic. Adding an analytic means adding one file
// in src/analytics/ and one line in make_analytics() (analytic_table.cpp).
//
// Two phases:
//  - scan (many threads): wants_process() picks the process/create events to
//    keep in the process_index, for joins and for detection context;
//  - merge (one thread, timeline order): evaluate() sees every event once,
//    with its process context (the complete process_index by ProcessGuid,
//    the pids alive at that point), and adds detections (detection_output:
//    slots reused from event to event).
// variants() says what each variant needs to see, for the coverage report.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/detection.hpp"
#include "analytics/detection_output.hpp"
#include "analytics/ip_address.hpp"
#include "analytics/process_context.hpp"
#include "analytics/process_index.hpp"
#include "car/car_event.hpp"

namespace evtxcar {

struct analytic_settings {
    std::vector<cidr_block> homenet = default_homenet();
    // Which built-in analytics run: none without the catalogue
    // (--no-car-catalogue), else those of `only` (CAR ids, --analytics), or
    // all when it is empty.
    bool catalogue = true;
    std::vector<std::string> only;
    bool selected(std::string_view id) const;
};

// Problems an analytic met in the data (not errors: the run goes on).
struct analytic_warnings {
    static constexpr std::size_t max_examples = 20;
    std::uint64_t unparsable_addresses = 0;
    std::vector<std::string> examples;  // "host record 42: 'not-an-ip'"

    void add_unparsable_address(const car_event& event, std::string_view address);
};

// What one variant of an analytic evaluates, for the coverage report: the
// events of `object`/`action` (carrying `field`, when set) from a host. A
// host without such events cannot be judged by the variant.
struct event_need {
    std::string_view object;          // "flow"
    std::string_view action;          // "start"
    std::optional<car_field> field;   // e.g. command_line
    std::string_view sources;         // the sensor events that give them: "Sysmon 3, Security 5156"
    std::string_view field_note = {};  // why such events may lack `field`
};

struct analytic_variant {
    std::string_view name;  // "car", as in detections' `variant`
    event_need need;
};

class analytic {
public:
    virtual ~analytic() = default;
    // --- analytics that judge each event alone (Sigma rules) match in the
    // scan workers, in parallel, through an event_marker that puts their
    // label on the events they match; the timeline pass then asks them for
    // the detection of each marked event (detection_for_mark) and never
    // calls evaluate. The others see every event in evaluate.
    virtual bool marks_in_scan() const { return false; }
    virtual std::string_view mark_label() const { return {}; }  // the label its marker puts on events
    // Sets every member of `out` but `process` (the pass sets that) for the
    // marked event; `out` is a slot the pass reuses, so assign, do not rebuild.
    // With two pass threads it runs on the writer thread, while the merge
    // thread evaluates the other analytics: it must only read the analytic.
    virtual void detection_for_mark(const car_event& /*event*/, detection& out) const { out = detection{}; }

    virtual std::string_view id() const = 0;         // "CAR-2020-11-010"
    virtual std::string_view name() const = 0;       // "CMSTP"
    virtual std::string_view technique() const = 0;  // "T1218.003"
    virtual std::vector<analytic_variant> variants() const = 0;
    virtual bool wants_process(const car_event& process_create) const = 0;
    // False when wants_process() is false for every event: such analytics
    // (thousands of rules) are not asked about each process/create.
    virtual bool may_want_processes() const { return true; }
    virtual void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                          analytic_warnings& warnings) const = 0;
    // After the last event: detections that only the end of the timeline
    // decides (a correlation window still open).
    virtual void finish(std::vector<detection>& /*out*/) const {}
};

// Puts, in a scan worker, the labels of the analytics that match an event
// alone on that event (car_event::analytics). One per worker: it may keep
// buffers.
class event_marker {
public:
    virtual ~event_marker() = default;
    virtual void mark(car_event& event) = 0;
};

// Makes the event_marker of each worker.
class event_marker_source {
public:
    virtual ~event_marker_source() = default;
    virtual std::unique_ptr<event_marker> make_marker() const = 0;
};

// Every analytic evtxcar runs.
std::vector<std::unique_ptr<analytic>> make_analytics(const analytic_settings& settings);

// The analytics that may want process/create events as context.
std::vector<const analytic*> process_wanters(const std::vector<std::unique_ptr<analytic>>& analytics);

// True when `event` is a process/create one of `wanters` wants as context.
bool wanted_by_any(const std::vector<const analytic*>& wanters, const car_event& event);

}  // namespace evtxcar
