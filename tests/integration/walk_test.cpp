// The folder walk, with the built binary: a deep tree under a low open-file
// limit, a folder the user may not read, links and loops, FIFOs and devices.
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "catch.hpp"
#include "support/csv_reader.hpp"
#include "support/expected_records.hpp"
#include "support/output_checks.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

// The records of one of host DC01's logs (testdata/demo/DC01), from what the generator wrote.
std::uint64_t records_in(const std::string& log) {
    std::uint64_t count = 0;
    for (const auto& record : test::expected_records("demo", test::testdata_root().string())) {
        if (record.source_file == (test::testdata_root() / "demo" / "DC01" / log).string()) ++count;
    }
    return count;
}

void copy_log(const std::string& log, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::copy_file(test::testdata_root() / "demo" / "DC01" / log, to);
}

const json* file_entry(const json& summary, const fs::path& path) {
    for (const json& file : summary["files"]["list"]) {
        if (file["path"] == path.string()) return &file;
    }
    return nullptr;
}

bool has_warning(const json& summary, const fs::path& path, const std::string& reason_start) {
    for (const json& problem : summary["problems"]["list"]) {
        if (problem["kind"] == "warning" && problem["file"] == path.string() &&
            problem["reason"].get<std::string>().rfind(reason_start, 0) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("walk: a tree 1,100 folders deep is searched to the bottom with 64 open files", "[integration][walk]") {
    temporary_folder folder;
    const fs::path root = folder.path() / "deep";
    fs::path bottom = root;
    for (int depth = 0; depth < 1100; ++depth) bottom /= "d";
    REQUIRE(test::run_command({"mkdir", "-p", bottom.string()}).exit_status == 0);  // create_directories gives up early
    copy_log("System.evtx", root / "d" / "d" / "System.evtx");
    copy_log("Security.evtx", bottom / "Security.evtx");
    const fs::path out = folder.path() / "out";

    const auto run = test::run_command(
        {"prlimit", "--nofile=64", "--", EVTXCAR_BINARY, "scan", root.string(), "-o", out.string(), "--no-html"});
    INFO(run.output);
    CHECK(run.exit_status == 0);
    const json summary = test::read_summary(out);
    CHECK(summary["files"]["total"] == 2);
    CHECK(summary["files"]["complete"] == 2);
    CHECK(file_entry(summary, bottom / "Security.evtx") != nullptr);
    CHECK(summary["records"]["read"] == records_in("System.evtx") + records_in("Security.evtx"));
    // std::filesystem::remove_all would hold a folder open per level: rm does not.
    test::run_command({"rm", "-rf", root.string()});
}

TEST_CASE("walk: a folder the user may not read is a listed problem, exit 3, and the walk goes on",
          "[integration][walk]") {
    temporary_folder folder;
    const fs::path in = folder.path() / "in";
    copy_log("Security.evtx", in / "a" / "Security.evtx");
    copy_log("System.evtx", in / "b-closed" / "System.evtx");
    copy_log("Microsoft-Windows-Sysmon%4Operational.evtx", in / "c" / "Sysmon.evtx");
    const fs::path out = folder.path() / "out";
    fs::create_directories(out);
    // The binary is copied where nobody may run it (its build folder may be private).
    const fs::path binary = folder.path() / "evtxcar";
    fs::copy_file(EVTXCAR_BINARY, binary);
    for (const fs::path& path : {folder.path(), in, in / "a", in / "c"}) fs::permissions(path, fs::perms(0755));
    fs::permissions(binary, fs::perms(0755));
    fs::permissions(out, fs::perms(0777));
    fs::permissions(in / "b-closed", fs::perms(0700));  // root's; for a non-root run, nobody's at all:
    if (::geteuid() != 0) fs::permissions(in / "b-closed", fs::perms::none);

    const auto command = test::as_unprivileged({binary.string(), "scan", in.string(), "-o", out.string(), "--no-html"});
    if (!command) {
        WARN("SKIPPED: cannot run as the user nobody here (setpriv failed), so a folder cannot be made unreadable");
        return;
    }
    const auto run = test::run_command(*command);
    fs::permissions(in / "b-closed", fs::perms(0755));
    INFO(run.output);
    CHECK(run.exit_status == 3);
    CHECK(run.output.find(in.string() + "/b-closed: unreadable: cannot read folder: Permission denied") !=
          std::string::npos);
    const auto lines = test::status_lines(run.output);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["status"] == "incomplete");

    const json summary = test::read_summary(out);
    const json* closed = file_entry(summary, in / "b-closed");
    REQUIRE(closed != nullptr);
    CHECK((*closed)["status"] == "unreadable");
    CHECK((*closed)["reason"] == "cannot read folder: Permission denied");
    // The folders before and after it were read.
    REQUIRE(file_entry(summary, in / "a" / "Security.evtx") != nullptr);
    REQUIRE(file_entry(summary, in / "c" / "Sysmon.evtx") != nullptr);
    CHECK((*file_entry(summary, in / "c" / "Sysmon.evtx"))["status"] == "complete");
    CHECK(summary["records"]["read"] ==
          records_in("Security.evtx") + records_in("Microsoft-Windows-Sysmon%4Operational.evtx"));
    CHECK(summary["complete"] == false);
}

TEST_CASE("walk: links to folders are followed once, loops are listed and not followed", "[integration][walk]") {
    temporary_folder folder;
    const fs::path in = folder.path() / "in";
    const fs::path elsewhere = folder.path() / "collected-elsewhere";
    copy_log("Security.evtx", in / "DC01" / "Security.evtx");
    copy_log("System.evtx", elsewhere / "System.evtx");
    fs::create_directory_symlink(elsewhere, in / "DC01" / "more");
    fs::create_directory_symlink(in, elsewhere / "back-to-the-top");
    fs::create_directory_symlink("..", in / "DC01" / "up");
    const fs::path out = folder.path() / "out";

    const auto run = test::run_evtxcar({"scan", in.string(), "-o", out.string(), "--no-html"});
    INFO(run.output);
    CHECK(run.exit_status == 0);  // nothing lost: every log was read once
    const json summary = test::read_summary(out);
    CHECK(summary["files"]["total"] == 2);
    CHECK(file_entry(summary, in / "DC01" / "more" / "System.evtx") != nullptr);
    CHECK(summary["records"]["read"] == records_in("Security.evtx") + records_in("System.evtx"));
    const std::string again = "not searched again: symbolic link to a folder already searched";
    CHECK(has_warning(summary, in / "DC01" / "up", again));
    CHECK(has_warning(summary, in / "DC01" / "more" / "back-to-the-top", again));
    CHECK(run.output.find((in / "DC01" / "up").string() + ": " + again) != std::string::npos);
}

TEST_CASE("walk: FIFOs and devices are never read", "[integration][walk]") {
    temporary_folder folder;
    const fs::path fifo = folder.path() / "x.evtx";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const fs::path out = folder.path() / "out";

    SECTION("named on the command line: a clear error, exit 4, nothing written") {
        for (const std::string& input : {fifo.string(), std::string("/dev/zero")}) {
            CAPTURE(input);
            // `timeout`: a run that blocks on the FIFO or reads /dev/zero for ever fails here instead of hanging.
            const auto run = test::run_command({"timeout", "30", EVTXCAR_BINARY, "scan", input, "-o", out.string()});
            INFO(run.output);
            CHECK(run.exit_status == 4);
            const std::string kind = input == fifo.string() ? "a FIFO (named pipe)" : "a character device";
            CHECK(run.output.find("evtxcar: error: " + input + ": " + kind + ": only regular files and folders are read") !=
                  std::string::npos);
            CHECK_FALSE(fs::exists(out));
        }
    }
    SECTION("found in a folder: passed over with the reason, the rest read") {
        const fs::path in = folder.path() / "in";
        copy_log("Security.evtx", in / "Security.evtx");
        fs::rename(fifo, in / "pipe.evtx");
        fs::create_symlink("/dev/zero", in / "zero.evtx");
        const auto run = test::run_command({"timeout", "60", EVTXCAR_BINARY, "scan", in.string(), "-o", out.string(),
                                            "--no-html"});
        INFO(run.output);
        CHECK(run.exit_status == 0);
        const json summary = test::read_summary(out);
        CHECK(summary["files"]["total"] == 1);
        CHECK(summary["records"]["read"] == records_in("Security.evtx"));
        CHECK(has_warning(summary, in / "pipe.evtx", "not read: a FIFO (named pipe)"));
        CHECK(has_warning(summary, in / "zero.evtx", "not read: a character device"));
    }
}
