#pragma once
// child_process: runs a piece of work in a child process that can only hurt
// itself. libevtx crashes, allocates without bound and leaks on some damaged
// files; run in a child, each of those costs only the file being read and is
// reported as that file's problem (libevtx_engine).
//
// The child is a new program image: the caller forks and at once executes
// its own binary again (/proc/self/exe) with the arguments of a child role,
// nothing else between the two. A bare fork of a multithreaded process can
// leave the child a lock another thread held (AddressSanitizer's allocator
// has no fork handler and deadlocked children that way); a fresh image holds
// nothing. Each program that starts children hands its roles to
// run_child_role() first thing in main(). The child is limited in address
// space (its size when the role starts plus `memory_bytes`) and ends when
// the parent is gone. It talks to the parent over a socket; the parent gives
// up on a child that says nothing for `silence_seconds` and kills it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../result.hpp"

namespace evtxcar::libevtx {

struct child_limits {
    std::uint64_t memory_bytes = std::uint64_t{2} << 30;  // address space beyond the parent's, at the fork
    int silence_seconds = 120;                            // longest wait for the child's next bytes
};

// What a child can be asked to do: `run(socket, arguments)` in the child.
struct child_role {
    std::string_view name;
    void (*run)(int socket, const std::vector<std::string>& arguments);
};

// In main(), before anything else: when this process was started as a child
// (argv says so), runs the role argv names from `roles` and gives the exit
// status (0; 71 when it ran out of memory, 70 when it threw anything else,
// 64 for an unknown role or bad arguments); otherwise nothing.
std::optional<int> run_child_role(int argc, char** argv, std::span<const child_role> roles);

class child_process {
public:
    // Starts this program again as a child that runs `role` with `arguments`.
    // The role must be one the program's main() gives run_child_role().
    static result<child_process> start(const child_limits& limits, std::string_view role,
                                       const std::vector<std::string>& arguments);

    child_process(child_process&& other) noexcept;
    child_process& operator=(child_process&& other) noexcept;
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process();  // closes the socket, waits a moment, then kills and reaps the child

    // All of `size` bytes to the child; false when it is gone.
    bool send(const void* data, std::size_t size);
    // Exactly `size` bytes from the child; false at its end, on an error or
    // after the silence limit.
    bool receive(void* data, std::size_t size);

    // Why the child stopped talking, once receive() failed: "crashed
    // (SIGSEGV, segmentation fault)", "exited with status 3", "said nothing
    // for 120 s and was killed". Reaps the child.
    std::string stop_reason();

private:
    child_process(int pid, int socket, child_limits limits) : pid_(pid), socket_(socket), limits_(limits) {}
    void end() noexcept;

    int pid_ = -1;
    int socket_ = -1;
    child_limits limits_;
    bool timed_out_ = false;
};

}  // namespace evtxcar::libevtx
