#include "output_file.hpp"

#include <sys/resource.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>
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

namespace {

// The bytes of a file written in pieces of uneven sizes, some by put(),
// some straddling blocks: the file must hold exactly what was handed in.
std::string write_in_pieces(output_file& file, std::size_t total) {
    std::string expected;
    std::uint32_t state = 2463534242u;
    const std::size_t sizes[] = {1, 7, 4093, output_file::block_size - 3, 3, 65536, output_file::block_size * 3 + 5};
    std::size_t turn = 0;
    while (expected.size() < total) {
        const std::size_t size = std::min(sizes[turn++ % std::size(sizes)], total - expected.size());
        std::string piece(size, '\0');
        for (char& c : piece) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            c = static_cast<char>('a' + state % 26);
        }
        if (size == 1) {
            file.put(piece[0]);
        } else {
            file.write(piece);
        }
        file.write(std::string_view());  // nothing, and no pointer either
        expected += piece;
    }
    return expected;
}

bool on_file_system(const std::filesystem::path& folder, long magic) {
    struct statfs status {};
    return ::statfs(folder.c_str(), &status) == 0 && status.f_type == magic;
}

constexpr long ext4_magic = 0xEF53;
constexpr long tmpfs_magic = 0x01021994;

void check_large_file(const std::filesystem::path& folder, std::size_t total, output_file::block_path path) {
    const auto target = folder / "timeline.csv";
    auto file = output_file::create(target, path);
    INFO(folder.string() << ", " << total << " bytes");
    REQUIRE(file.ok());
    const std::string expected = write_in_pieces(*file, total);
    REQUIRE(file->complete().ok());
    REQUIRE(file->publish().ok());
    const std::string written = read_all(target);
    CHECK(written.size() == expected.size());
    CHECK(written == expected);
    if (path == output_file::block_path::page_cache) {
        CHECK_FALSE(file->wrote_directly());
    } else if (on_file_system(folder, ext4_magic) && total > output_file::block_size) {
        CHECK(file->wrote_directly());  // ext4 takes O_DIRECT
    }
    CHECK(std::distance(std::filesystem::directory_iterator(folder), {}) == 1);
}

}  // namespace

TEST_CASE("output files of many blocks hold exactly the bytes written", "[report][output_file]") {
    const std::size_t sizes[] = {output_file::block_size - 1, output_file::block_size, output_file::block_size + 1,
                                 output_file::block_size * 2, output_file::block_size * 11 + 12345};
    SECTION("in the temporary folder, straight to the device where its file system takes it") {
        for (const std::size_t total : sizes) {
            temporary_folder folder;
            check_large_file(folder.path(), total, output_file::block_path::direct_if_possible);
        }
    }
    SECTION("in the temporary folder, through the page cache") {
        for (const std::size_t total : sizes) {
            temporary_folder folder;
            check_large_file(folder.path(), total, output_file::block_path::page_cache);
        }
    }
    SECTION("on tmpfs (which takes O_DIRECT from Linux 6.6 on, and refuses it before)") {
        std::error_code error;
        const std::filesystem::path shm = "/dev/shm";
        if (!on_file_system(shm, tmpfs_magic)) {
            WARN("/dev/shm is not a tmpfs here: skipped");
            return;
        }
        for (const std::size_t total : sizes) {
            const auto folder = shm / ("evtxcar-test-" + std::to_string(::getpid()) + "-" + std::to_string(total));
            std::filesystem::create_directories(folder, error);
            if (error) {
                WARN("cannot create a folder in /dev/shm: skipped");
                return;
            }
            check_large_file(folder, total, output_file::block_path::direct_if_possible);
            std::filesystem::remove_all(folder, error);
        }
    }
}

TEST_CASE("output files abandoned with blocks in flight leave nothing behind", "[report][output_file]") {
    temporary_folder folder;
    {
        auto file = output_file::create(folder.path() / "timeline.csv");
        REQUIRE(file.ok());
        for (int i = 0; i < 40; ++i) file->write(std::string(output_file::block_size / 2 + 17, 'x'));
        CHECK(std::filesystem::exists(file->temporary_path()));
    }
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 0);
}

TEST_CASE("output files report a write that fails in the writer thread", "[report][output_file]") {
    // A file size limit makes the kernel refuse writes past it (EFBIG once
    // SIGXFSZ is ignored): the failure of a block written on the file's own
    // thread must reach complete(), and the temporary must go.
    temporary_folder folder;
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto saved_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = saved;
    limited.rlim_cur = output_file::block_size * 2;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    auto file = output_file::create(folder.path() / "timeline.csv");
    REQUIRE(file.ok());
    file->write(std::string(output_file::block_size * 5 + 10, 'y'));
    const auto completed = file->complete();
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, saved_handler);
    REQUIRE_FALSE(completed.ok());
    CHECK(completed.error().reason == std::string("cannot write output file: ") + std::strerror(EFBIG));
    CHECK_FALSE(file->publish().ok());
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 0);
}

TEST_CASE("output files complete once", "[report][output_file]") {
    temporary_folder folder;
    auto file = output_file::create(folder.path() / "summary.json");
    REQUIRE(file.ok());
    file->write(std::string(output_file::block_size + 1, 'z'));
    REQUIRE(file->complete().ok());
    const auto again = file->complete();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().reason == "output file already closed");
    REQUIRE(file->publish().ok());
    CHECK(read_all(folder.path() / "summary.json") == std::string(output_file::block_size + 1, 'z'));
}
