// child_process: the work in the child can crash, allocate without bound or
// hang; the parent learns which, and goes on.
#include "libevtx/child_process.hpp"

#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "catch.hpp"

using evtxcar::libevtx::child_limits;
using evtxcar::libevtx::child_process;

namespace {

void say(int socket, std::uint32_t value) {
    const ssize_t sent = ::write(socket, &value, sizeof value);
    (void)sent;
}

}  // namespace

TEST_CASE("child_process: a child that answers and ends", "[parsers][libevtx][isolation]") {
    auto child = child_process::start({}, [](int socket) { say(socket, 42); });
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    REQUIRE(child->receive(&value, sizeof value));
    CHECK(value == 42);
    CHECK_FALSE(child->receive(&value, sizeof value));  // it ended
    CHECK(child->stop_reason() == "exited with status 0 before it was done");
}

TEST_CASE("child_process: a child that crashes is reported with its signal", "[parsers][libevtx][isolation]") {
    auto child = child_process::start({}, [](int socket) {
        say(socket, 1);
        ::raise(SIGSEGV);
    });
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    REQUIRE(child->receive(&value, sizeof value));
    CHECK_FALSE(child->receive(&value, sizeof value));
    CHECK(child->stop_reason().rfind("crashed (SIGSEGV", 0) == 0);
}

TEST_CASE("child_process: a child that allocates without bound meets its memory limit",
          "[parsers][libevtx][isolation]") {
    const child_limits limits{.memory_bytes = std::uint64_t{256} << 20, .silence_seconds = 60};
    auto child = child_process::start(limits, [](int) {
        std::vector<std::vector<char>> hoard;
        for (;;) hoard.emplace_back(std::size_t{16} << 20, 'x');  // touched: really used
    });
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    CHECK_FALSE(child->receive(&value, sizeof value));
    const std::string reason = child->stop_reason();
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer's allocator ends the process itself when memory runs out.
    CHECK(reason != "exited with status 0 before it was done");
#else
    CHECK(reason == "ran out of memory (its limit: 256 MiB)");
#endif
}

TEST_CASE("child_process: a child that says nothing is stopped after the silence limit",
          "[parsers][libevtx][isolation]") {
    const child_limits limits{.memory_bytes = std::uint64_t{256} << 20, .silence_seconds = 1};
    auto child = child_process::start(limits, [](int) { ::pause(); });
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    CHECK_FALSE(child->receive(&value, sizeof value));
    CHECK(child->stop_reason() == "said nothing for 1 s and was stopped");
}
