#pragma once
// detection_list: a run's detections, visited in timeline order. A run
// keeps its own in a detection_store (pipeline/detection_store.hpp): the
// first in memory, the rest on disk, so that a log that fires an analytic
// on every other event costs disk, not memory. A visit may read from disk:
// the detection it is handed lives only during that call (copy what you
// keep), and several visits may run at once on different threads.

#include <cstdint>
#include <functional>
#include <vector>

#include "analytics/detection.hpp"

namespace evtxcar {

class detection_list {
public:
    virtual ~detection_list() = default;
    virtual std::uint64_t size() const = 0;
    bool empty() const { return size() == 0; }
    virtual void for_each(const std::function<void(const detection&)>& visit) const = 0;
};

// Detections already in memory, as a detection_list (tests, tools).
class detections_in_memory final : public detection_list {
public:
    explicit detections_in_memory(const std::vector<detection>& detections) : detections_(detections) {}
    std::uint64_t size() const override { return detections_.size(); }
    void for_each(const std::function<void(const detection&)>& visit) const override {
        for (const detection& found : detections_) visit(found);
    }

private:
    const std::vector<detection>& detections_;
};

}  // namespace evtxcar
