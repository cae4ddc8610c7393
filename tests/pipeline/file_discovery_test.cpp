#include "pipeline/file_discovery.hpp"

#include <fstream>

#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

TEST_CASE("file discovery finds .evtx in any letter case, recursively, sorted", "[pipeline][discovery]") {
    temporary_folder folder;
    const auto root = folder.path();
    std::filesystem::create_directories(root / "HOST1" / "Logs");
    std::filesystem::create_directories(root / "host2");
    for (const char* name : {"HOST1/Logs/Security.evtx", "HOST1/Logs/System.EVTX", "host2/Sysmon.Evtx",
                             "host2/notes.txt", "host2/Security.evtx.bak", "readme.md"}) {
        std::ofstream(root / name) << "x";
    }
    std::filesystem::create_directory_symlink(root, root / "host2" / "loop");  // not followed

    const discovered_files found = discover_evtx_files({root.string()});
    REQUIRE(found.files.size() == 3);
    CHECK(found.files[0] == (root / "HOST1/Logs/Security.evtx").string());
    CHECK(found.files[1] == (root / "HOST1/Logs/System.EVTX").string());
    CHECK(found.files[2] == (root / "host2/Sysmon.Evtx").string());
    CHECK(found.skipped == 3);
    CHECK(found.problems.empty());
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
    CHECK(found.problems[0].reason == "no such file or directory");
}

TEST_CASE("file discovery reads a file reached twice only once", "[pipeline][discovery]") {
    temporary_folder folder;
    std::ofstream(folder.path() / "System.evtx") << "x";
    const discovered_files found =
        discover_evtx_files({folder.path().string(), (folder.path() / "." / "System.evtx").string()});
    CHECK(found.files.size() == 1);
}
