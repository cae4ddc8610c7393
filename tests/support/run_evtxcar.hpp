#pragma once
// Runs the built evtxcar binary the way a user would, for integration tests.

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace evtxcar::test {

struct process_result {
    int exit_status = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string output;    // stdout and stderr together
};

inline std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

inline process_result run_command(const std::vector<std::string>& words) {
    std::string command;
    for (const std::string& word : words) command += shell_quote(word) + " ";
    command += "2>&1";
    process_result result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
    const int status = ::pclose(pipe);
    if (WIFEXITED(status)) {
        result.exit_status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

inline process_result run_evtxcar(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), EVTXCAR_BINARY);
    return run_command(arguments);
}

}  // namespace evtxcar::test
