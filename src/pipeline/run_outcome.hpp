#pragma once
// run_outcome: how an `evtxcar scan` ended, for its exit status and the one
// line of JSON it prints on stdout for scripts (README: "Exit status").

#include <cstdint>
#include <string>

namespace evtxcar {

// Exit statuses of `evtxcar scan`. A run stopped by a signal exits 128 + the
// signal number (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
enum exit_status : int {
    exit_complete = 0,        // every input read completely
    exit_fatal = 1,           // nothing (or not everything) could be written
    exit_usage = 2,           // bad command line
    exit_incomplete = 3,      // some files, folders or records could not be read; outputs complete for the rest
    exit_no_input = 4,        // a PATH does not exist or cannot be read, or no .evtx file was found: nothing written
    exit_output_refused = 5,  // the output folder holds files evtxcar must not replace, or is in use: nothing read
};

struct run_outcome {
    int exit_status = exit_fatal;
    // "complete", "incomplete", "fatal", "usage_error", "no_input",
    // "output_refused", "interrupted"
    std::string status = "fatal";
    std::string message;  // why, when the run did not get to publish; empty otherwise
    std::string output;   // the output folder, valid UTF-8
    std::uint64_t files = 0;              // .evtx files found
    std::uint64_t files_partial = 0;
    std::uint64_t files_unreadable = 0;
    std::uint64_t folders_unreadable = 0;
    std::uint64_t records_read = 0;
    std::uint64_t records_lost = 0;
    std::uint64_t timeline_events = 0;
    std::uint64_t detections = 0;
};

}  // namespace evtxcar
