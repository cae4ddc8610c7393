// The output folder's rules, with the built binary: evidence is never
// touched, an earlier run's outputs are replaced only with --overwrite and
// never by a run that reads nothing, evtxcar's own outputs are never input,
// and temporaries of runs that did not finish are removed.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "catch.hpp"
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

constexpr time_t long_ago = 978307200;  // 2001-01-01: an access time no read leaves behind

// Sets the file's access time to long_ago, its modification time kept.
void make_access_time_old(const fs::path& file) {
    const timespec times[2] = {{long_ago, 0}, {0, UTIME_OMIT}};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

bool read_since_made_old(const fs::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return status.st_atim.tv_sec != long_ago;
}

}  // namespace

TEST_CASE("output folder: an evidence folder is never changed", "[integration][output_folder]") {
    temporary_folder folder;
    const fs::path evidence = folder.path();
    for (const char* log : {"Security.evtx", "System.evtx"}) {
        fs::copy_file(test::testdata_root() / "demo" / "DC01" / log, evidence / log);
    }
    std::ofstream(evidence / "events.jsonl") << "{\"collected\": \"by someone else\"}\n";
    std::ofstream(evidence / "notes.txt") << "chain of custody\n";
    const auto before = test::folder_snapshot(evidence);
    auto check_untouched = [&] {
        CHECK(test::folder_snapshot(evidence) == before);
        CHECK_FALSE(fs::exists(evidence / "timeline.csv"));
        CHECK(test::names_containing(evidence, ".partial-").empty());
    };

    SECTION("without --overwrite: refused, exit 5, before anything is read") {
        const auto run = test::run_evtxcar({"scan", evidence.string(), "-o", evidence.string()});
        INFO(run.output);
        CHECK(run.exit_status == 5);
        CHECK(run.output.find("holds files evtxcar did not write (Security.evtx, System.evtx, events.jsonl, notes.txt)") !=
              std::string::npos);
        const auto lines = test::status_lines(run.output);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0]["status"] == "output_refused");
        CHECK(lines[0]["records_read"] == 0);
        check_untouched();
    }
    SECTION("with --overwrite, a run that would replace one of its files is refused all the same") {
        const auto run = test::run_evtxcar({"scan", evidence.string(), "-o", evidence.string(), "--overwrite", "--jsonl"});
        INFO(run.output);
        CHECK(run.exit_status == 5);
        CHECK(run.output.find("holds events.jsonl, which evtxcar did not write") != std::string::npos);
        check_untouched();
    }
    SECTION("with --overwrite, the outputs are written beside the evidence, which stays as it was") {
        for (int round = 0; round < 2; ++round) {
            const auto run = test::run_evtxcar({"scan", evidence.string(), "-o", evidence.string(), "--overwrite"});
            INFO(run.output);
            CHECK(run.exit_status == 0);
            const json summary = test::read_summary(evidence);
            CHECK(summary["files"]["total"] == 2);
            // The second run does not count the first one's outputs as input it skipped.
            CHECK(summary["files"]["other_files_skipped"] == 2);  // events.jsonl and notes.txt
            CHECK(summary["files"]["skipped_examples"] ==
                  json::array({(evidence / "events.jsonl").string(), (evidence / "notes.txt").string()}));
        }
        auto after = test::folder_snapshot(evidence);
        for (const auto& [name, bytes] : before) CHECK(after[name] == bytes);
        CHECK(fs::exists(evidence / "timeline.csv"));
        CHECK(fs::exists(evidence / "report.html"));
    }
}

TEST_CASE("output folder: an earlier run's outputs are replaced only with --overwrite, and only by a run that reads",
          "[integration][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path() / "out";
    const auto first = test::run_evtxcar({"scan", test::testdata_path("demo"), "-o", out.string(), "--jsonl"});
    REQUIRE(first.exit_status == 0);
    const auto earlier = test::folder_snapshot(out);
    REQUIRE(earlier.count("timeline.csv") == 1);
    REQUIRE(earlier.count(".evtxcar/manifest.json") == 1);

    SECTION("without --overwrite: refused, exit 5") {
        const auto run = test::run_evtxcar({"scan", test::testdata_path("analytics/CAR-2020-11-010"), "-o", out.string()});
        INFO(run.output);
        CHECK(run.exit_status == 5);
        CHECK(run.output.find("holds the outputs of an earlier run") != std::string::npos);
        CHECK(run.output.find("give --overwrite") != std::string::npos);
        CHECK(test::folder_snapshot(out) == earlier);
    }
    SECTION("a mistyped PATH, even with --overwrite: exit 4, nothing replaced") {
        const auto run = test::run_evtxcar({"scan", test::testdata_path("dmeo"), "-o", out.string(), "--overwrite"});
        INFO(run.output);
        CHECK(run.exit_status == 4);
        CHECK(run.output.find("evtxcar: error: " + test::testdata_path("dmeo") + ": no such file or folder") != std::string::npos);
        CHECK(test::folder_snapshot(out) == earlier);
    }
    SECTION("one good PATH and one mistyped: exit 4, nothing read, nothing replaced") {
        const auto run = test::run_evtxcar({"scan", test::testdata_path("analytics/CAR-2020-11-010"), test::testdata_path("dmeo"), "-o", out.string(), "--overwrite"});
        INFO(run.output);
        CHECK(run.exit_status == 4);
        CHECK(test::folder_snapshot(out) == earlier);
    }
    SECTION("a folder with no .evtx file, even with --overwrite: exit 4, nothing replaced") {
        fs::create_directories(folder.path() / "empty");
        std::ofstream(folder.path() / "empty" / "readme.txt") << "no logs here";
        const auto run = test::run_evtxcar({"scan", (folder.path() / "empty").string(), "-o", out.string(), "--overwrite"});
        INFO(run.output);
        CHECK(run.exit_status == 4);
        CHECK(run.output.find("no .evtx file found in " + (folder.path() / "empty").string()) != std::string::npos);
        CHECK(test::folder_snapshot(out) == earlier);
    }
    SECTION("with --overwrite: replaced, and the earlier events.jsonl (evtxcar's) removed") {
        const auto run = test::run_evtxcar({"scan", test::testdata_path("analytics/CAR-2020-11-010"), "-o", out.string(), "--overwrite", "--no-html"});
        INFO(run.output);
        CHECK(run.exit_status == 0);
        CHECK_FALSE(fs::exists(out / "events.jsonl"));
        CHECK_FALSE(fs::exists(out / "report.html"));
        CHECK(test::read_summary(out)["files"]["total"] == 11);
        const json manifest = json::parse(test::read_file((out / ".evtxcar" / "manifest.json").string()));
        CHECK(manifest["files"] == json::array({"timeline.csv", "detections.csv", "coverage.csv", "summary.json"}));
    }
}

TEST_CASE("output folder: evtxcar's outputs inside the input are not input", "[integration][output_folder]") {
    temporary_folder folder;
    const fs::path in = folder.path() / "case";
    fs::create_directories(in);
    fs::copy_file(test::testdata_root() / "demo" / "DC01" / "Security.evtx", in / "Security.evtx");
    const fs::path out = in / "evtxcar-out";
    for (const std::string overwrite : {"", "--overwrite"}) {
        std::vector<std::string> arguments = {"scan", in.string(), "-o", out.string(), "--jsonl"};
        if (!overwrite.empty()) arguments.push_back(overwrite);
        const auto run = test::run_evtxcar(arguments);
        INFO(run.output);
        CHECK(run.exit_status == 0);
        const json summary = test::read_summary(out);
        CHECK(summary["files"]["total"] == 1);
        CHECK(summary["files"]["other_files_skipped"] == 0);
    }
    // Nor are those of an earlier run into another folder.
    const fs::path second = in / "second-look";
    const auto run = test::run_evtxcar({"scan", in.string(), "-o", second.string()});
    INFO(run.output);
    CHECK(run.exit_status == 0);
    CHECK(test::read_summary(second)["files"]["other_files_skipped"] == 0);
}

TEST_CASE("output folder: temporaries of runs that did not finish are removed at the start",
          "[integration][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path() / "out";
    const fs::path temp = folder.path() / "temp";
    fs::create_directories(temp);
    const std::string gone = std::to_string(test::gone_process_id());
    fs::create_directories(out / ".evtxcar" / ("sort-" + gone));
    std::ofstream(out / ".evtxcar" / ("sort-" + gone) / "run-0.bin") << std::string(4096, 'x');
    std::ofstream(out / (".timeline.csv.partial-" + gone)) << "half a timeline";
    fs::create_directories(out / (".evtxcar-sort-" + gone));  // where versions before .evtxcar/ spilled
    fs::create_directories(temp / ("evtxcar-sort-" + gone));
    const auto run = test::run_evtxcar({"scan", test::testdata_path("demo"), "-o", out.string(), "--temp-dir", temp.string()});
    INFO(run.output);
    CHECK(run.exit_status == 0);
    CHECK(run.output.find("removed 4 temporary file(s) left in " + out.string() + " by runs that did not finish") !=
          std::string::npos);
    CHECK(test::names_containing(out, gone).empty());
    CHECK(fs::is_empty(temp));
    CHECK(test::names_containing(out, ".partial-").empty());
}

TEST_CASE("output folder: one that cannot be written is found before any input is read",
          "[integration][output_folder]") {
    temporary_folder folder;
    const fs::path log = folder.path() / "Security.evtx";
    fs::copy_file(test::testdata_root() / "demo" / "DC01" / "Security.evtx", log);
    // Whether the log was read shows in its access time, where reads update it (not on a noatime mount).
    make_access_time_old(log);
    test::read_file(log.string());
    if (!read_since_made_old(log)) {
        WARN("SKIPPED: reading does not update access times here, so a read cannot be seen");
        return;
    }
    make_access_time_old(log);
    // Root writes anywhere: the run is nobody's, for whom the folder (root's,
    // 0755) is read-only; the binary is copied where nobody may run it.
    const fs::path out = folder.path() / "read-only";
    fs::create_directories(out);
    const fs::path binary = folder.path() / "evtxcar";
    fs::copy_file(EVTXCAR_BINARY, binary);
    fs::permissions(binary, fs::perms(0755));
    fs::permissions(folder.path(), fs::perms(0755));
    if (::geteuid() != 0) fs::permissions(out, fs::perms(0555));
    const auto words = test::as_unprivileged({binary.string(), "scan", folder.path().string(), "-o", out.string()});
    if (!words) {
        WARN("SKIPPED: cannot run as the user nobody here (setpriv failed), so no folder is read-only");
        return;
    }
    const auto refused = test::run_command(*words);
    INFO(refused.output);
    CHECK(refused.exit_status == 1);
    CHECK(refused.output.find("evtxcar: fatal: cannot write in output folder " + out.string()) != std::string::npos);
    CHECK_FALSE(read_since_made_old(log));
    CHECK(fs::is_empty(out));
}
