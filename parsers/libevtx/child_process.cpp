#include "child_process.hpp"

#include <linux/close_range.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>
#include <cstdlib>
#include <new>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>
#include <string_view>
#include <utility>

namespace evtxcar::libevtx {

namespace {

constexpr int work_threw_status = 70;
constexpr int out_of_memory_status = 71;

// Bytes of address space the process maps now (the first field of /proc/self/statm, in pages).
std::uint64_t mapped_bytes() {
    char text[128] = {};
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    const ssize_t got = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (got <= 0) return 0;
    const unsigned long long pages = std::strtoull(text, nullptr, 10);
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

constexpr int bad_arguments_status = 64;

// The marker that makes a program a child, and the descriptor its socket has there.
constexpr std::string_view child_marker = "--evtxcar-child-process";
constexpr int child_socket = 3;

// The child keeps only the standard streams and its socket: a descriptor of
// another child's socket held here would keep that child from seeing its end.
void close_other_descriptors() { ::syscall(SYS_close_range, static_cast<unsigned>(child_socket + 1), ~0u, 0u); }

std::optional<std::uint64_t> number(const char* text) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

// Waits up to `timeout_ms` for the child to end; true when it was reaped.
bool reap_within(pid_t pid, int timeout_ms, int& status) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    // A pidfd becomes readable when the process ends: no polling in steps.
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd >= 0) {
        pollfd ended{.fd = pidfd, .events = POLLIN, .revents = 0};
        while (::poll(&ended, 1, timeout_ms) < 0 && errno == EINTR) {
        }
        ::close(pidfd);
    } else {
        for (int waited_ms = 0; waited_ms < timeout_ms; waited_ms += 5) {
            if (::waitpid(pid, &status, WNOHANG) == pid) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    done = ::waitpid(pid, &status, WNOHANG);
    return done == pid;
}

void kill_and_reap(pid_t pid, int& status) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}

std::string signal_text(int sig) {
    const char* name = sigabbrev_np(sig);
    const char* description = sigdescr_np(sig);
    std::string text = name != nullptr ? std::string("SIG") + name : "signal " + std::to_string(sig);
    if (description != nullptr) text += std::string(", ") + description;
    return text;
}

}  // namespace

std::optional<int> run_child_role(int argc, char** argv, std::span<const child_role> roles) {
    // argv: program, marker, role, memory bytes, parent pid, the role's arguments.
    if (argc < 2 || argv[1] != child_marker) return std::nullopt;
    if (argc < 5) return bad_arguments_status;
    const std::string_view name = argv[2];
    const auto memory_bytes = number(argv[3]);
    const auto parent = number(argv[4]);
    const child_role* role = nullptr;
    for (const child_role& candidate : roles) {
        if (candidate.name == name) role = &candidate;
    }
    if (role == nullptr || !memory_bytes || !parent) return bad_arguments_status;
    // The parent's ignored signals survive the exec; a crash here must end
    // this process plainly, and the parent reads the signal.
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP}) {
        ::signal(sig, SIG_DFL);
    }
    ::signal(SIGPIPE, SIG_IGN);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (static_cast<std::uint64_t>(::getppid()) != *parent) return bad_arguments_status;  // the parent is gone already
    close_other_descriptors();
    const std::uint64_t limit = mapped_bytes() + *memory_bytes;
    const rlimit address_space{limit, limit};
    ::setrlimit(RLIMIT_AS, &address_space);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    int status = 0;
    try {
        const std::vector<std::string> arguments(argv + 5, argv + argc);
        role->run(child_socket, arguments);
    } catch (const std::bad_alloc&) {
        status = out_of_memory_status;
    } catch (...) {
        status = work_threw_status;
    }
    std::fflush(nullptr);
    ::_exit(status);
}

result<child_process> child_process::start(const child_limits& limits, std::string_view role,
                                           const std::vector<std::string>& arguments) {
    // Everything the child needs before the exec is made here: between the
    // fork and the exec the child calls nothing that allocates or locks.
    std::vector<std::string> words{"evtxcar-child", std::string(child_marker), std::string(role),
                                   std::to_string(limits.memory_bytes), std::to_string(::getpid())};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);

    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
        return read_error{.reason = std::string("cannot make a socket for the libevtx process: ") + std::strerror(errno)};
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int error = errno;
        ::close(sockets[0]);
        ::close(sockets[1]);
        return read_error{.reason = std::string("cannot start the libevtx process: ") + std::strerror(error)};
    }
    if (pid == 0) {
        // Async-signal-safe calls only. dup2 onto another number clears
        // close-on-exec; onto the same number it does not, so clear it.
        if (sockets[1] == child_socket) {
            ::fcntl(child_socket, F_SETFD, 0);
        } else if (::dup2(sockets[1], child_socket) < 0) {
            ::_exit(bad_arguments_status);
        }
        ::execv("/proc/self/exe", argv.data());
        ::_exit(127);
    }
    ::close(sockets[1]);
    return child_process(pid, sockets[0], limits);
}

child_process::child_process(child_process&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      socket_(std::exchange(other.socket_, -1)),
      limits_(other.limits_),
      timed_out_(other.timed_out_) {}

child_process& child_process::operator=(child_process&& other) noexcept {
    if (this != &other) {
        end();
        pid_ = std::exchange(other.pid_, -1);
        socket_ = std::exchange(other.socket_, -1);
        limits_ = other.limits_;
        timed_out_ = other.timed_out_;
    }
    return *this;
}

child_process::~child_process() { end(); }

void child_process::end() noexcept {
    if (socket_ >= 0) {
        ::close(socket_);  // the child sees the end of its requests and exits
        socket_ = -1;
    }
    if (pid_ <= 0) return;
    int status = 0;
    if (!reap_within(pid_, 2000, status)) kill_and_reap(pid_, status);
    pid_ = -1;
}

bool child_process::send(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    while (size > 0 && socket_ >= 0) {
        const ssize_t sent = ::send(socket_, bytes, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return false;
        bytes += sent;
        size -= static_cast<std::size_t>(sent);
    }
    return size == 0;
}

bool child_process::receive(void* data, std::size_t size) {
    auto* bytes = static_cast<std::uint8_t*>(data);
    while (size > 0 && socket_ >= 0) {
        pollfd ready{.fd = socket_, .events = POLLIN, .revents = 0};
        const int polled = ::poll(&ready, 1, limits_.silence_seconds * 1000);
        if (polled < 0 && errno == EINTR) continue;
        if (polled == 0) {
            timed_out_ = true;
            return false;
        }
        if (polled < 0) return false;
        const ssize_t got = ::recv(socket_, bytes, size, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        bytes += got;
        size -= static_cast<std::size_t>(got);
    }
    return size == 0;
}

std::string child_process::stop_reason() {
    if (pid_ <= 0) return "is gone";
    int status = 0;
    if (timed_out_) {
        kill_and_reap(pid_, status);
        pid_ = -1;
        return "said nothing for " + std::to_string(limits_.silence_seconds) + " s and was stopped";
    }
    if (socket_ >= 0) {
        ::close(socket_);
        socket_ = -1;
    }
    // It closed its end: it is exiting, or about to; give it a moment, then stop it.
    if (!reap_within(pid_, 5000, status)) kill_and_reap(pid_, status);
    pid_ = -1;
    if (WIFSIGNALED(status)) {
        std::string reason = "crashed (" + signal_text(WTERMSIG(status)) + ")";
        if (WTERMSIG(status) == SIGKILL) reason += ", perhaps killed for its memory";
        return reason;
    }
    if (WIFEXITED(status)) {
        if (WEXITSTATUS(status) == out_of_memory_status) {
            return "ran out of memory (its limit: " + std::to_string(limits_.memory_bytes >> 20) + " MiB)";
        }
        if (WEXITSTATUS(status) == work_threw_status) return "failed with an exception";
        if (WEXITSTATUS(status) == bad_arguments_status) return "did not start (this program does not serve that role)";
        if (WEXITSTATUS(status) == 127) return "did not start (its program could not be executed)";
        return "exited with status " + std::to_string(WEXITSTATUS(status)) + " before it was done";
    }
    return "stopped for an unknown reason";
}

}  // namespace evtxcar::libevtx
