// The differential test: every record of ../shared/corpus (and of testdata/
// when present), read by the libevtx engine and by the fast engine, must be
// equal field for field, except for the documented kinds of difference
// (docs/engine-differences.md), which are counted and printed; and the fast
// engine must deliver every record libevtx delivers, except the one
// documented kind where libevtx's record is debris.
//
// Runs as its own CTest (binxml_differential); skips with a message when
// neither folder exists.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "difference_kinds.hpp"
#include "engine_comparison.hpp"

using namespace evtxcar;

namespace {

// testdata/mutations/ holds regression files of damage on purpose, read
// by both engines in tests/mutation/regression_test.cpp; how the engines
// differ on them is in docs/engine-differences.md ("Accounting").
std::vector<std::string> evtx_files_below(const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder)) return {};
    std::vector<std::string> files = testing::evtx_files(folder.string());
    std::erase_if(files, [](const std::string& path) { return path.find("/mutations/") != std::string::npos; });
    return files;
}

void print_table(const testing::file_comparison& total, std::size_t files) {
    std::cout << "differential: " << files << " files; libevtx " << total.libevtx_records << " records, fast "
              << total.fast_records << " records; " << total.compared << " compared, " << total.equal << " equal\n";
    auto rows = [](const char* title, const std::map<std::string, std::uint64_t>& counts) {
        for (const auto& [category, count] : counts)
            std::cout << "  " << title << " " << count << "  " << category << "\n";
    };
    rows("differ:      ", total.differing);
    rows("only fast:   ", total.only_fast);
    rows("only libevtx:", total.only_libevtx);
}

void check_folder(const std::filesystem::path& folder) {
    const std::vector<std::string> files = evtx_files_below(folder);
    if (files.empty()) {
        WARN("no .evtx files below " << folder.string() << ": differential skipped there");
        return;
    }
    read_options options;
    options.include_recovered = true;  // live and recovered records alike
    testing::file_comparison total;
    std::vector<std::string> examples;
    for (const std::string& path : files) {
        const testing::file_comparison file = testing::compare_engines(path, options);
        testing::accumulate(total, file);
        examples.insert(examples.end(), file.examples.begin(), file.examples.end());
    }
    print_table(total, files.size());
    for (const std::string& example : examples) UNSCOPED_INFO(example);

    CHECK(total.files_only_libevtx_opens == 0);
    CHECK(testing::acceptable(total));
    CHECK(total.fast_bad_offsets == 0);
    CHECK(total.compared > 0);
    for (const auto& [category, count] : total.differing) {
        CAPTURE(category, count);
        CHECK(testing::is_explained(category));
    }
    for (const auto& [category, count] : total.only_fast) {
        CAPTURE(category, count);
        CHECK(testing::is_explained(category));
    }
    for (const auto& [category, count] : total.only_libevtx) {
        CAPTURE(category, count);
        CHECK(category == testing::kind_overwritten_template);
    }
}

}  // namespace

TEST_CASE("fast and libevtx engines agree on every corpus record", "[binxml][differential][.corpus]") {
    const std::filesystem::path corpus = std::filesystem::path(EVTXCAR_SHARED_DIR) / "corpus";
    if (!std::filesystem::is_directory(corpus)) {
        WARN("../shared/corpus is absent: corpus differential skipped");
        return;
    }
    check_folder(corpus);
}

TEST_CASE("fast and libevtx engines agree on every testdata record", "[binxml][differential][.corpus]") {
    const std::filesystem::path testdata = std::filesystem::path(EVTXCAR_SOURCE_DIR) / "testdata";
    if (evtx_files_below(testdata).empty()) {
        WARN("testdata/ holds no .evtx files yet: testdata differential skipped");
        return;
    }
    check_folder(testdata);
}
