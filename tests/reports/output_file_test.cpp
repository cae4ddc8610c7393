#include "output_file.hpp"

#include <fstream>
#include <sstream>

#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {
std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

TEST_CASE("output files appear only when published", "[report][output_file]") {
    temporary_folder folder;
    const auto target = folder.path() / "timeline.csv";
    {
        auto file = output_file::create(target);
        REQUIRE(file.ok());
        file->write("a,b\r\n");
        CHECK_FALSE(std::filesystem::exists(target));
        REQUIRE(file->complete().ok());
        CHECK_FALSE(std::filesystem::exists(target));
        REQUIRE(file->publish().ok());
    }
    CHECK(read_all(target) == "a,b\r\n");
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 1);
}

TEST_CASE("output files abandoned before publishing leave nothing behind", "[report][output_file]") {
    temporary_folder folder;
    {
        std::ofstream(folder.path() / "summary.json") << "old run";
        auto file = output_file::create(folder.path() / "summary.json");
        REQUIRE(file.ok());
        file->write(std::string(3 << 20, 'x'));  // more than one buffer
        REQUIRE(file->complete().ok());
    }
    CHECK(read_all(folder.path() / "summary.json") == "old run");
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 1);
}

TEST_CASE("output files report a folder they cannot write to", "[report][output_file]") {
    auto file = output_file::create("/nonexistent-evtxcar-folder/timeline.csv");
    REQUIRE_FALSE(file.ok());
    CHECK(file.error().reason.find("cannot create output file") != std::string::npos);
}
