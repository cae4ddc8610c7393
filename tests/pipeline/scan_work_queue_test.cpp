// scan_work_queue: a worker with nothing to take waits while a file is
// being opened, takes its segments once offered, and finishes only when no
// file is left to open or being opened.
#include "pipeline/scan_work_queue.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include "catch.hpp"

using evtxcar::scan_work_queue;
using evtxcar::segment_task;

TEST_CASE("scan work queue: the second worker of a one-file scan waits for its segments", "[pipeline]") {
    scan_work_queue queue(1);
    const auto first = queue.take();
    REQUIRE(first.has_value());
    CHECK(first->file == 0);
    CHECK(first->segment == ~0u);  // open file 0

    std::atomic<bool> returned{false};
    std::optional<segment_task> second;
    std::thread other([&] {
        second = queue.take();
        returned = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(returned.load());  // nothing offered yet, and file 0 is still opening

    queue.offer(0, 1, 3);  // segments 1 and 2
    other.join();
    REQUIRE(second.has_value());
    CHECK(second->file == 0);
    CHECK(second->segment == 1);
    queue.opened();
    const auto third = queue.take();
    REQUIRE(third.has_value());
    CHECK(third->segment == 2);
    CHECK_FALSE(queue.take().has_value());  // nothing offered, nothing to open, nothing opening
}

TEST_CASE("scan work queue: a file that offers nothing releases the waiting workers", "[pipeline]") {
    scan_work_queue queue(1);
    REQUIRE(queue.take().has_value());
    std::optional<segment_task> waited{segment_task{9, 9}};
    std::thread other([&] { waited = queue.take(); });
    {
        evtxcar::file_opening opener(queue, true);  // the file does not open: the guard says so on its way out
    }
    other.join();
    CHECK_FALSE(waited.has_value());
}
