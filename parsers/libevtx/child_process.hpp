#pragma once
// child_process: runs a piece of work in a child process that can only hurt
// itself. libevtx crashes, allocates without bound and leaks on some damaged
// files; run in a child, each of those costs only the file being read and is
// reported as that file's problem (libevtx_engine).
//
// The child is a fork of the caller, limited in address space (its size at
// the fork plus `memory_bytes`) and killed when the parent is gone. It talks
// to the parent over a socket; the parent gives up on a child that says
// nothing for `silence_seconds` and kills it.
//
// Only the calling thread exists in the child. The work done there must use
// nothing another thread could have held locked at the fork beyond what
// glibc resets (malloc, stdio): libevtx, pugixml and plain containers only,
// no iostreams, and it ends with _exit.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "../result.hpp"

namespace evtxcar::libevtx {

struct child_limits {
    std::uint64_t memory_bytes = std::uint64_t{2} << 30;  // address space beyond the parent's, at the fork
    int silence_seconds = 120;                            // longest wait for the child's next bytes
};

class child_process {
public:
    // Forks; the child runs `work(socket)` and exits (status 0; 71 when it
    // ran out of memory, 70 when it threw anything else).
    static result<child_process> start(const child_limits& limits, const std::function<void(int socket)>& work);

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
