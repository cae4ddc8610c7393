#pragma once
// stop_request: whether the user asked the run to stop (SIGINT, SIGTERM,
// SIGHUP). The walk checks it between folders, the scan workers between
// segments and the timeline merge between events; a run that stops publishes
// nothing and removes its temporary files. It only reads the flag a signal
// handler sets (src/cli/stop_signals.hpp); a default-made stop_request is
// never requested (tests, tools).

#include <atomic>

namespace evtxcar {

class stop_request {
public:
    stop_request() = default;
    explicit stop_request(const std::atomic<int>& signal_received) : signal_received_(&signal_received) {}

    bool requested() const { return signal() != 0; }
    // The signal number received, 0 when none.
    int signal() const { return signal_received_ ? signal_received_->load(std::memory_order_relaxed) : 0; }

private:
    const std::atomic<int>* signal_received_ = nullptr;
};

}  // namespace evtxcar
