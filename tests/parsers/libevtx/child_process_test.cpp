// child_process: the work in the child can crash, allocate without bound or
// hang; the parent learns which, and goes on. The children are this test
// program run again in a role (support/test_child_roles.hpp).
#include "libevtx/child_process.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"

using evtxcar::libevtx::child_limits;
using evtxcar::libevtx::child_process;

TEST_CASE("child_process: a child that answers and ends", "[parsers][libevtx][isolation]") {
    auto child = child_process::start({}, "test-answer-42", {});
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    REQUIRE(child->receive(&value, sizeof value));
    CHECK(value == 42);
    CHECK_FALSE(child->receive(&value, sizeof value));  // it ended
    CHECK(child->stop_reason() == "exited with status 0 before it was done");
}

TEST_CASE("child_process: a child that crashes is reported with its signal", "[parsers][libevtx][isolation]") {
    auto child = child_process::start({}, "test-say-1-then-crash", {});
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    REQUIRE(child->receive(&value, sizeof value));
    CHECK_FALSE(child->receive(&value, sizeof value));
    CHECK(child->stop_reason().rfind("crashed (SIGSEGV", 0) == 0);
}

TEST_CASE("child_process: a child that allocates without bound meets its memory limit",
          "[parsers][libevtx][isolation]") {
    const child_limits limits{.memory_bytes = std::uint64_t{256} << 20, .silence_seconds = 60};
    auto child = child_process::start(limits, "test-allocate-without-bound", {});
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
    auto child = child_process::start(limits, "test-say-nothing", {});
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    CHECK_FALSE(child->receive(&value, sizeof value));
    CHECK(child->stop_reason() == "said nothing for 1 s and was stopped");
}

TEST_CASE("child_process: the child gets its arguments as given", "[parsers][libevtx][isolation]") {
    const std::vector<std::string> arguments{"/evidence/a b.evtx", "", "\xff\xfe not UTF-8", "--help"};
    auto child = child_process::start({}, "test-echo-arguments", arguments);
    REQUIRE(child.ok());
    std::uint32_t count = 0;
    REQUIRE(child->receive(&count, sizeof count));
    REQUIRE(count == arguments.size());
    for (const std::string& expected : arguments) {
        std::uint32_t size = 0;
        REQUIRE(child->receive(&size, sizeof size));
        std::string got(size, '\0');
        if (size > 0) REQUIRE(child->receive(got.data(), size));
        CHECK(got == expected);
    }
}

TEST_CASE("child_process: a role the program does not serve is reported", "[parsers][libevtx][isolation]") {
    auto child = child_process::start({}, "no-such-role", {});
    REQUIRE(child.ok());
    std::uint32_t value = 0;
    CHECK_FALSE(child->receive(&value, sizeof value));
    CHECK(child->stop_reason() == "did not start (this program does not serve that role)");
}

TEST_CASE("child_process: children started from several threads at once all answer", "[parsers][libevtx][isolation]") {
    // The fork-then-exec start leaves a child nothing another thread held:
    // children started while other threads allocate still answer.
    std::atomic<bool> stop{false};
    std::vector<std::thread> allocators;
    for (int i = 0; i < 2; ++i) {
        allocators.emplace_back([&stop] {
            while (!stop.load()) {
                std::vector<std::string> churn(64, std::string(1000, 'x'));
                (void)churn;
            }
        });
    }
    std::atomic<int> answered{0};
    std::vector<std::thread> starters;
    for (int i = 0; i < 4; ++i) {
        starters.emplace_back([&answered] {
            for (int round = 0; round < 5; ++round) {
                auto child = child_process::start({.memory_bytes = std::uint64_t{2} << 30, .silence_seconds = 30},
                                                  "test-answer-42", {});
                std::uint32_t value = 0;
                if (child.ok() && child->receive(&value, sizeof value) && value == 42) ++answered;
            }
        });
    }
    for (std::thread& thread : starters) thread.join();
    stop = true;
    for (std::thread& thread : allocators) thread.join();
    CHECK(answered.load() == 20);
}
