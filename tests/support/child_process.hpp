#pragma once
// A program started in the background (fork and exec), for tests that watch
// it while it runs and signal it. Its stdout and stderr go to files.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace evtxcar::test {

// A process id that is certainly gone: a child that has exited and been reaped.
inline long gone_process_id() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

class child_process {
public:
    child_process(const std::vector<std::string>& words, const std::filesystem::path& stdout_file,
                  const std::filesystem::path& stderr_file) {
        std::vector<char*> argv;
        for (const std::string& word : words) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int out = ::open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out < 0 || err < 0 || ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0) ::_exit(126);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ~child_process() {
        if (pid_ > 0 && !finished_) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;

    pid_t pid() const { return pid_; }
    void send(int signal) const { ::kill(pid_, signal); }

    // True once it has ended (then exit_status() or signal() says how).
    bool ended() {
        if (finished_) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
        finished_ = true;
        if (WIFEXITED(status)) exit_status_ = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) signal_ = WTERMSIG(status);
        return true;
    }
    // Waits until `condition` holds or the child ends, polling every
    // millisecond, for at most `limit`. True when the condition held first.
    bool wait_for(const std::function<bool()>& condition, std::chrono::seconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < until) {
            if (condition()) return true;
            if (ended()) return condition();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return false;
    }
    // Waits for the end, at most `limit`; false when it is still running.
    bool wait_for_end(std::chrono::seconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (!ended()) {
            if (std::chrono::steady_clock::now() >= until) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    }
    int exit_status() const { return exit_status_; }
    int signal() const { return signal_; }

private:
    pid_t pid_ = -1;
    bool finished_ = false;
    int exit_status_ = -1;
    int signal_ = 0;
};

}  // namespace evtxcar::test
