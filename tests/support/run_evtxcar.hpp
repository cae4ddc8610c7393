#pragma once
// Runs the built evtxcar binary the way a user would, for integration tests.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace evtxcar::test {

struct process_result {
    int exit_status = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string output;    // stdout and stderr together (or stdout only)
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

enum class captured { stdout_and_stderr, stdout_only };

inline process_result run_command(const std::vector<std::string>& words,
                                  captured streams = captured::stdout_and_stderr) {
    std::string command;
    for (const std::string& word : words) command += shell_quote(word) + " ";
    command += streams == captured::stdout_and_stderr ? "2>&1" : "2>/dev/null";
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

// The command that runs `words` as the unprivileged user nobody (65534)
// when the tests run as root (who may read and write anything); `words` as
// they are otherwise; nothing when dropping to nobody is impossible here.
inline std::optional<std::vector<std::string>> as_unprivileged(std::vector<std::string> words) {
    if (::geteuid() != 0) return words;
    const std::vector<std::string> drop = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    std::vector<std::string> probe = drop;
    probe.push_back("true");
    if (run_command(probe).exit_status != 0) return std::nullopt;
    words.insert(words.begin(), drop.begin(), drop.end());
    return words;
}

inline process_result run_evtxcar(std::vector<std::string> arguments,
                                  captured streams = captured::stdout_and_stderr) {
    arguments.insert(arguments.begin(), EVTXCAR_BINARY);
    return run_command(arguments, streams);
}

}  // namespace evtxcar::test
