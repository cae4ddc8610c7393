#include "cli/stop_signals.hpp"

#include <csignal>

namespace evtxcar {

namespace {

// The one piece of process-wide state evtxcar has: a signal handler can
// reach nothing else. Lock-free, so storing into it is async-signal-safe.
std::atomic<int> signal_received{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void remember_signal(int signal) { signal_received.store(signal, std::memory_order_relaxed); }

}  // namespace

stop_request install_stop_signals() {
    struct sigaction action {};
    action.sa_handler = remember_signal;
    sigemptyset(&action.sa_mask);
    // Interrupted system calls restart: a read or write must not fail with
    // EINTR and be reported as damage; the flag is polled instead.
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal, &action, nullptr);
    return stop_request(signal_received);
}

}  // namespace evtxcar
