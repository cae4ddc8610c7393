// A scan stopped by SIGINT or SIGTERM removes its temporary files (the sort
// spill folder, the outputs under their .partial names), leaves the earlier
// outputs as they were and exits 130 or 143. On a log large enough to catch
// the scan in the middle (written once by the test-only writer, kept in the
// build folder).
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>

#include "catch.hpp"
#include "large_log.hpp"
#include "support/child_process.hpp"
#include "support/csv_reader.hpp"
#include "support/expected_records.hpp"
#include "support/output_checks.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

// 256 MiB of Sysmon events (64 MiB under the sanitizers): the workers fill
// the sort's memory (16 MiB here) and spill, and writing the timeline takes a
// second or more.
constexpr unsigned log_mib = EVTXCAR_SIGNALS_LOG_MIB;

fs::path large_log() {
    const fs::path log = fs::path(EVTXCAR_TEST_CACHE_DIR) / ("sysmon-" + std::to_string(log_mib) + "MiB.evtx");
    if (fs::exists(log)) return log;
    fs::create_directories(log.parent_path());
    const fs::path writing = log.string() + ".writing-" + std::to_string(::getpid());
    testdata::write_large_log(writing, testdata::large_log_kind::sysmon, log_mib);
    fs::rename(writing, log);  // whole or not at all, whichever test wrote it
    return log;
}

bool exists_named(const fs::path& folder, const std::string& name) { return fs::exists(folder / name); }

}  // namespace

TEST_CASE("signals: an interrupted scan removes its temporaries and leaves the earlier outputs as they were",
          "[integration][signals]") {
    const fs::path log = large_log();
    temporary_folder folder;
    const fs::path out = folder.path() / "out";
    const auto first = test::run_evtxcar({"scan", (test::testdata_root() / "demo").string(), "-o", out.string()});
    REQUIRE(first.exit_status == 0);
    const auto earlier = test::folder_snapshot(out);
    const fs::path temp = folder.path() / "temp";
    fs::create_directories(temp);

    struct interruption {
        int signal;
        int exit_status;
        bool with_temp_dir;
    };
    for (const interruption& when : {interruption{SIGINT, 130, false}, interruption{SIGTERM, 143, true}}) {
        CAPTURE(when.signal);
        std::vector<std::string> words = {EVTXCAR_BINARY, "scan", log.string(), "-o", out.string(), "--overwrite",
                                          "--threads", "2", "--memory-budget", "16"};
        if (when.with_temp_dir) {
            words.push_back("--temp-dir");
            words.push_back(temp.string());
        }
        test::child_process scan(words, folder.path() / "stdout.txt", folder.path() / "stderr.txt");
        const std::string pid = std::to_string(scan.pid());
        const fs::path spill = when.with_temp_dir ? temp / ("evtxcar-sort-" + pid) : out / ".evtxcar" / ("sort-" + pid);
        // SIGINT while the workers spill; SIGTERM while the outputs are being written.
        const bool caught = scan.wait_for(
            [&] {
                return when.signal == SIGINT ? fs::exists(spill) && !fs::is_empty(spill)
                                             : exists_named(out, ".timeline.csv.partial-" + pid) && fs::exists(spill);
            },
            std::chrono::seconds(300));
        INFO(test::read_file((folder.path() / "stderr.txt").string()));
        REQUIRE(caught);  // else the scan ended before it could be caught in the middle
        scan.send(when.signal);
        REQUIRE(scan.wait_for_end(std::chrono::seconds(120)));
        const std::string messages = test::read_file((folder.path() / "stderr.txt").string());
        INFO(messages);
        CHECK(scan.signal() == 0);
        CHECK(scan.exit_status() == when.exit_status);
        CHECK(messages.find("interrupted by") != std::string::npos);
        const auto lines = test::status_lines(test::read_file((folder.path() / "stdout.txt").string()));
        REQUIRE(lines.size() == 1);
        CHECK(lines[0]["status"] == "interrupted");
        CHECK(lines[0]["exit"] == when.exit_status);

        CHECK_FALSE(fs::exists(spill));
        CHECK(test::names_containing(out, ".partial-").empty());
        CHECK(test::names_containing(out, "sort-").empty());
        CHECK(fs::is_empty(temp));
        CHECK(test::folder_snapshot(out) == earlier);
    }
}
