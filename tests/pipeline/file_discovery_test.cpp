#include "pipeline/file_discovery.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

namespace fs = std::filesystem;

bool lists(const std::vector<read_error>& entries, const fs::path& path, const std::string& reason_start) {
    for (const read_error& entry : entries) {
        if (entry.file == path.string() && entry.reason.rfind(reason_start, 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("file discovery finds .evtx in any letter case, recursively, sorted", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    fs::create_directories(root / "HOST1" / "Logs");
    fs::create_directories(root / "host2");
    for (const char* name : {"HOST1/Logs/Security.evtx", "HOST1/Logs/System.EVTX", "host2/Sysmon.Evtx",
                             "host2/notes.txt", "host2/Security.evtx.bak", "readme.md"}) {
        std::ofstream(root / name) << "x";
    }
    fs::create_directory_symlink(root, root / "host2" / "loop");  // back to the top: searched once

    const discovered_files found = discover_evtx_files({root.string()});
    REQUIRE(found.files.size() == 3);
    CHECK(found.files[0] == (root / "HOST1/Logs/Security.evtx").string());
    CHECK(found.files[1] == (root / "HOST1/Logs/System.EVTX").string());
    CHECK(found.files[2] == (root / "host2/Sysmon.Evtx").string());
    CHECK(found.skipped == 3);
    CHECK(found.problems.empty());
    REQUIRE(found.passed_over.size() == 1);
    CHECK(lists(found.passed_over, root / "host2" / "loop", "not searched again: symbolic link to a folder already searched"));
}

TEST_CASE("file discovery reads named files whatever their name and reports missing inputs", "[pipeline][discovery]") {
    temporary_folder folder;
    std::ofstream(folder.path() / "exported.log") << "x";
    const discovered_files found = discover_evtx_files(
        {(folder.path() / "exported.log").string(), (folder.path() / "missing.evtx").string()});
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0] == (folder.path() / "exported.log").string());
    REQUIRE(found.problems.size() == 1);
    CHECK(found.problems[0].file == (folder.path() / "missing.evtx").string());
    CHECK(found.problems[0].reason == "no such file or folder");
}

TEST_CASE("file discovery reads a file reached twice only once", "[pipeline][discovery]") {
    temporary_folder folder;
    std::ofstream(folder.path() / "System.evtx") << "x";
    const discovered_files found =
        discover_evtx_files({folder.path().string(), (folder.path() / "." / "System.evtx").string()});
    CHECK(found.files.size() == 1);
}

TEST_CASE("file discovery follows a link to a folder outside the input once, loops and second links passed over",
          "[pipeline][discovery]") {
    temporary_folder folder;
    const auto input = folder.path() / "input";
    const auto elsewhere = folder.path() / "elsewhere";
    fs::create_directories(input / "host");
    fs::create_directories(elsewhere / "deeper");
    std::ofstream(input / "host" / "Security.evtx") << "x";
    std::ofstream(elsewhere / "deeper" / "System.evtx") << "x";
    fs::create_directory_symlink(elsewhere, input / "a-link");
    fs::create_directory_symlink(elsewhere, input / "b-link");        // the same folder again
    fs::create_directory_symlink(input, elsewhere / "deeper" / "up");  // a loop through both links
    fs::create_directory_symlink(".", input / "host" / "self");       // a loop onto itself

    const discovered_files found = discover_evtx_files({input.string()});
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[0] == (input / "a-link" / "deeper" / "System.evtx").string());
    CHECK(found.files[1] == (input / "host" / "Security.evtx").string());
    CHECK(found.problems.empty());
    const std::string again = "not searched again: symbolic link to a folder already searched";
    CHECK(lists(found.passed_over, input / "b-link", again));
    CHECK(lists(found.passed_over, input / "a-link" / "deeper" / "up", again));
    CHECK(lists(found.passed_over, input / "host" / "self", again));
    CHECK(found.passed_over.size() == 3);
}

TEST_CASE("file discovery never opens what is not a regular file", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    std::ofstream(root / "Security.evtx") << "x";
    REQUIRE(::mkfifo((root / "pipe.evtx").c_str(), 0600) == 0);  // reading it would block for ever
    REQUIRE(::mkfifo((root / "pipe.txt").c_str(), 0600) == 0);
    fs::create_symlink(root / "nowhere.evtx", root / "dangling.evtx");
    fs::create_symlink("/dev/zero", root / "zero.evtx");  // reading it would never end
    fs::create_symlink(root / "Security.evtx", root / "linked.evtx");
    const int unix_socket = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(unix_socket >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (root / "sock.evtx").string();
    REQUIRE(socket_path.size() < sizeof address.sun_path);
    std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
    REQUIRE(::bind(unix_socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    ::close(unix_socket);

    const discovered_files found = discover_evtx_files({root.string()});
    // A link to a regular file is read; the file behind it is the same file and read once.
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0] == (root / "Security.evtx").string());
    CHECK(lists(found.passed_over, root / "pipe.evtx", "not read: a FIFO"));
    CHECK(lists(found.passed_over, root / "dangling.evtx", "not read: broken symbolic link"));
    CHECK(lists(found.passed_over, root / "zero.evtx", "not read: a character device"));
    CHECK(lists(found.passed_over, root / "sock.evtx", "not read: a socket"));
    CHECK(found.passed_over.size() == 4);
    CHECK(found.skipped == 1);  // pipe.txt: another file, counted
    CHECK(found.problems.empty());
}

TEST_CASE("check_inputs accepts regular files and folders only", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    std::ofstream(root / "Security.evtx") << "x";
    REQUIRE(::mkfifo((root / "pipe.evtx").c_str(), 0600) == 0);
    fs::create_symlink("/dev/zero", root / "zero.evtx");
    const auto refused = check_inputs({(root / "Security.evtx").string(), root.string(), (root / "pipe.evtx").string(),
                                       "/dev/zero", (root / "zero.evtx").string(), (root / "missing").string()});
    REQUIRE(refused.size() == 4);
    CHECK(refused[0].file == (root / "pipe.evtx").string());
    CHECK(refused[0].reason == "a FIFO (named pipe): only regular files and folders are read");
    CHECK(refused[1].file == "/dev/zero");
    CHECK(refused[1].reason == "a character device: only regular files and folders are read");
    CHECK(refused[2].file == (root / "zero.evtx").string());
    CHECK(refused[3].reason == "no such file or folder");
}

TEST_CASE("file discovery leaves evtxcar's own files in its output folder alone", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    const auto out = root / "out";
    fs::create_directories(out / ".evtxcar" / "sort-1");
    std::ofstream(root / "Security.evtx") << "x";
    std::ofstream(root / "timeline.csv") << "x";    // not in the output folder: another file
    std::ofstream(out / "timeline.csv") << "x";     // evtxcar's
    std::ofstream(out / "kept.evtx") << "x";        // not evtxcar's: read
    std::ofstream(out / ".evtxcar" / "sort-1" / "run-0.evtx") << "x";

    discovery_settings settings;
    settings.output_folder = identity_of(out.string());
    settings.is_own_file = [](std::string_view name) { return name == "timeline.csv" || name == ".evtxcar"; };
    const discovered_files found = discover_evtx_files({root.string()}, settings);
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[0] == (root / "Security.evtx").string());
    CHECK(found.files[1] == (out / "kept.evtx").string());
    CHECK(found.skipped == 1);
    CHECK(found.skipped_examples == std::vector<std::string>{(root / "timeline.csv").string()});
}

TEST_CASE("file discovery leaves out the outputs an earlier run's folder names", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    const auto earlier = root / "earlier-run";
    fs::create_directories(earlier / ".evtxcar");
    std::ofstream(earlier / "timeline.csv") << "x";  // named by its manifest
    std::ofstream(earlier / "notes.txt") << "x";     // not
    std::ofstream(root / "timeline.csv") << "x";     // not in a folder evtxcar wrote into
    discovery_settings settings;
    std::vector<std::string> asked;
    settings.outputs_listed_in = [&asked](const std::string& listed) {
        asked.push_back(listed);
        return std::vector<std::string>{"timeline.csv"};
    };
    const discovered_files found = discover_evtx_files({root.string()}, settings);
    CHECK(asked == std::vector<std::string>{earlier.string()});
    CHECK(found.skipped == 2);
    // A folder's own files before its subfolders'.
    CHECK(found.skipped_examples ==
          std::vector<std::string>{(root / "timeline.csv").string(), (earlier / "notes.txt").string()});
}

TEST_CASE("file discovery lists a folder it cannot read and goes on", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    fs::create_directories(root / "a");
    fs::create_directories(root / "b-closed");
    fs::create_directories(root / "c");
    std::ofstream(root / "a" / "1.evtx") << "x";
    std::ofstream(root / "b-closed" / "2.evtx") << "x";
    std::ofstream(root / "c" / "3.evtx") << "x";
    const discovered_files whole = discover_evtx_files({root.string()});
    REQUIRE(whole.files.size() == 3);

    fs::permissions(root / "b-closed", fs::perms::none);
    const discovered_files found = discover_evtx_files({root.string()});
    fs::permissions(root / "b-closed", fs::perms::owner_all);
    if (::geteuid() == 0) {
        WARN("running as root, which reads any folder: tests/integration/walk_test.cpp checks this as nobody");
        return;
    }
    REQUIRE(found.files.size() == 2);
    CHECK(found.files[1] == (root / "c" / "3.evtx").string());
    CHECK(lists(found.problems, root / "b-closed", "cannot read folder: Permission denied"));
}

TEST_CASE("file discovery stops when asked", "[pipeline][discovery]") {
    temporary_folder folder;
    fs::create_directories(folder.path() / "a");
    std::ofstream(folder.path() / "a" / "1.evtx") << "x";
    std::atomic<int> signal_received{2};
    discovery_settings settings;
    settings.stop = stop_request(signal_received);
    const discovered_files found = discover_evtx_files({folder.path().string()}, settings);
    CHECK(found.stopped);
    CHECK(found.files.empty());
}
