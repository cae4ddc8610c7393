#pragma once
// detection_output: where an analytic's evaluate() puts the detections it
// makes of one event. The timeline pass clears it after every event and
// keeps its slots, so a slot handed out by add() still holds the strings of
// an earlier detection: their buffers are reused (a log whose correlation
// fires on every third event would otherwise allocate and free a copy of
// the event, and of its process, for each detection).

#include <cstddef>
#include <utility>
#include <vector>

#include "analytics/detection.hpp"

namespace evtxcar {

class detection_output {
public:
    // A slot for one more detection. It may hold an earlier detection:
    // assign every member but `process` (the pass sets that), do not
    // rely on any being empty.
    detection& add() {
        if (used_ == slots_.size()) slots_.emplace_back();
        return slots_[used_++];
    }
    // One more detection, made whole by the caller.
    void push_back(detection&& found) { add() = std::move(found); }

    std::size_t size() const { return used_; }
    bool empty() const { return used_ == 0; }
    detection& operator[](std::size_t index) { return slots_[index]; }
    const detection& operator[](std::size_t index) const { return slots_[index]; }
    detection* begin() { return slots_.data(); }
    detection* end() { return slots_.data() + used_; }
    const detection* begin() const { return slots_.data(); }
    const detection* end() const { return slots_.data() + used_; }

    // Forgets the detections and keeps their slots for the next add().
    void clear() { used_ = 0; }

private:
    std::vector<detection> slots_;
    std::size_t used_ = 0;
};

}  // namespace evtxcar
