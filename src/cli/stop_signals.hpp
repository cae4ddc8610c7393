#pragma once
// stop_signals: SIGINT, SIGTERM and SIGHUP ask the run to stop instead of
// killing it, so that it can remove its temporary files (the sort spill
// folder, the outputs under their .partial names) and leave the outputs of
// earlier runs as they were. The handler only stores the signal number in a
// lock-free atomic (the one thing a handler may safely do); the pipeline
// polls it through a stop_request.

#include "pipeline/stop_request.hpp"

namespace evtxcar {

// Installs the handlers (once per process) and returns the request they feed.
stop_request install_stop_signals();

}  // namespace evtxcar
