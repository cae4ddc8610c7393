#pragma once
// Child roles for the child_process tests: children that answer, crash,
// allocate without bound or say nothing. Every test program serves them
// (catch_main.cpp), beside the libevtx file service.

#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "libevtx/child_process.hpp"

namespace evtxcar::test {

inline void say_to_parent(int socket, std::uint32_t value) {
    const ssize_t sent = ::write(socket, &value, sizeof value);
    (void)sent;
}

inline void answer_42(int socket, const std::vector<std::string>&) { say_to_parent(socket, 42); }

inline void say_1_then_crash(int socket, const std::vector<std::string>&) {
    say_to_parent(socket, 1);
    ::raise(SIGSEGV);
}

inline void allocate_without_bound(int, const std::vector<std::string>&) {
    std::vector<std::vector<char>> hoard;
    for (;;) hoard.emplace_back(std::size_t{16} << 20, 'x');  // touched: really used
}

inline void say_nothing(int, const std::vector<std::string>&) {
    for (;;) ::pause();
}

// Echoes its arguments back, one frame: their count, then each length and its bytes.
inline void echo_arguments(int socket, const std::vector<std::string>& arguments) {
    say_to_parent(socket, static_cast<std::uint32_t>(arguments.size()));
    for (const std::string& argument : arguments) {
        say_to_parent(socket, static_cast<std::uint32_t>(argument.size()));
        const ssize_t sent = ::write(socket, argument.data(), argument.size());
        (void)sent;
    }
}

inline constexpr libevtx::child_role test_child_roles[] = {
    {"test-answer-42", &answer_42},
    {"test-say-1-then-crash", &say_1_then_crash},
    {"test-allocate-without-bound", &allocate_without_bound},
    {"test-say-nothing", &say_nothing},
    {"test-echo-arguments", &echo_arguments},
};

}  // namespace evtxcar::test
