#pragma once
// detection_list: a run's detections, visited in timeline order. A run
// keeps its own in a detection_store (pipeline/detection_store.hpp): the
// first in memory, the rest on disk, so that a log that fires an analytic
// on every other event costs disk, not memory. A visit may read from disk:
// the detection it is handed lives only during that call (copy what you
// keep), and several visits may run at once on different threads.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "analytics/detection.hpp"

namespace evtxcar {

// How many detections there are of one analytic, variant and level on one
// host (the event's computer(), as logged): what the summary and the
// coverage need, counted as detections are added, so that they need not
// read the detections back.
struct detection_tally_key {
    std::string host;
    std::string analytic_id;
    std::string variant;
    std::string level;
    std::string label() const { return analytic_id + ":" + variant; }
    friend auto operator<=>(const detection_tally_key&, const detection_tally_key&) = default;
};
using detection_tallies = std::map<detection_tally_key, std::uint64_t>;

// Adds one detection to `tallies`.
void count_detection(const detection& found, detection_tallies& tallies);

class detection_list {
public:
    virtual ~detection_list() = default;
    virtual std::uint64_t size() const = 0;
    bool empty() const { return size() == 0; }
    virtual void for_each(const std::function<void(const detection&)>& visit) const = 0;
    virtual const detection_tallies& tallies() const = 0;
};

// Detections already in memory, as a detection_list (tests, tools).
class detections_in_memory final : public detection_list {
public:
    explicit detections_in_memory(const std::vector<detection>& detections) : detections_(detections) {
        for (const detection& found : detections_) count_detection(found, tallies_);
    }
    std::uint64_t size() const override { return detections_.size(); }
    void for_each(const std::function<void(const detection&)>& visit) const override {
        for (const detection& found : detections_) visit(found);
    }
    const detection_tallies& tallies() const override { return tallies_; }

private:
    const std::vector<detection>& detections_;
    detection_tallies tallies_;
};

}  // namespace evtxcar
