#pragma once
// Runs an installed program and collects what it printed.

#include <optional>
#include <string>
#include <vector>

namespace evtxcar::independent_readers {

struct program_output {
    int exit_status = -1;  // -1: did not run or did not exit normally
    std::string standard_output;
    std::string standard_error;
};

// Full path of `name` found on PATH, or nothing.
std::optional<std::string> find_program(const std::string& name);

// Runs `program` with `arguments` (no shell involved) and waits for it.
program_output run_program(const std::string& program, const std::vector<std::string>& arguments);

}  // namespace evtxcar::independent_readers
