#pragma once
// report_writer: the one interface every output format implements.
//
// The pipeline calls, in this order:
//   begin(summary)           counts are final, detections not yet known
//   write_event(event) ...   every timeline event, in timeline order, with
//                            event.analytics filled
//   finish(summary, detections)  final summary and every detection (with
//                            process context); the writer completes its
//                            file under a temporary name
//   commit()                 renames the completed file into place; called
//                            only once every writer has finished, so a run
//                            publishes all of its outputs or none
// A writer destroyed without commit() removes what it wrote (output_file
// does that).
//
// A writer whose finish() reads no part of the summary that the end of
// the timeline adds (coverage, rule coverage, detection counts, the end
// time) says so with finishes_early(): it may then finish on another
// thread, with a copy of the summary taken at the end of the timeline,
// while the coverage is worked out.
//
// A writer that lists detections in the order they are made says so with
// takes_detections(): the pipeline then hands it each detection as the
// pass makes it (write_detection, timeline order, after begin() and before
// finish()), on the thread that runs the analytics, which need not be the
// one that calls write_event; its finish() does not visit them again. A
// writer whose finish() visits no detection (it may read their size and
// tallies) says reads_detections() false: a run whose writers all say so
// keeps no detection, only their tallies.

#include <string_view>
#include <vector>

#include "analytics/detection_list.hpp"
#include "car/car_event.hpp"
#include "pipeline/scan_summary.hpp"
#include "result.hpp"

namespace evtxcar {

class report_writer {
public:
    virtual ~report_writer() = default;
    virtual std::string_view file_name() const = 0;  // "timeline.csv"
    virtual result<bool> begin(const scan_summary& summary) = 0;
    virtual result<bool> write_event(const car_event& event) = 0;
    virtual result<bool> finish(const scan_summary& summary, const detection_list& detections) = 0;
    virtual result<bool> commit() = 0;
    virtual bool finishes_early() const { return false; }
    virtual bool takes_detections() const { return false; }
    virtual result<bool> write_detection(const detection& /*found*/) { return true; }
    virtual bool reads_detections() const { return true; }
};

}  // namespace evtxcar
