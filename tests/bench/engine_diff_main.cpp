// engine_diff: reads EVTX files (or folders of them) with both engines and
// prints how their records compare, by category. A development tool; the
// differential test holds the same comparison to account.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "binxml/binxml_engine.hpp"
#include "engine_comparison.hpp"
#include "libevtx/libevtx_engine.hpp"
#include "libevtx/libevtx_service.hpp"

using namespace evtxcar;

namespace {

void print_counts(const char* title, const std::map<std::string, std::uint64_t>& counts) {
    for (const auto& [category, count] : counts)
        std::printf("  %s %8llu  %s\n", title, static_cast<unsigned long long>(count), category.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    // This program is also its libevtx engine's child process (child_process.hpp).
    const evtxcar::libevtx::child_role roles[] = {evtxcar::libevtx::serve_file_role};
    if (auto status = evtxcar::libevtx::run_child_role(argc, argv, roles)) return *status;
    read_options options;
    options.include_recovered = true;
    bool per_file = false;
    bool messages = false;        // print what each engine reported (errors, warnings)
    bool show_only_fast = false;  // print a line per record only the fast engine delivers
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--live") {
            options.include_recovered = false;
        } else if (arg == "--only-fast") {
            show_only_fast = true;
        } else if (arg == "--messages") {
            messages = true;
        } else if (arg == "--per-file") {
            per_file = true;
        } else {
            const std::vector<std::string> found = testing::evtx_files(arg);
            files.insert(files.end(), found.begin(), found.end());
        }
    }
    std::sort(files.begin(), files.end());
    testing::file_comparison total;
    std::vector<std::string> examples;
    for (const std::string& path : files) {
        const testing::file_comparison file = testing::compare_engines(path, options);
        if (show_only_fast) {
            for (const auto& line : file.only_fast_examples) std::printf("ONLY FAST %s\n", line.c_str());
        }
        if (messages) {
            const testing::engine_output slow = testing::read_all(libevtx_engine(), path, options);
            const testing::engine_output fast = testing::read_all(binxml_engine(), path, options);
            for (const auto& e : slow.errors) std::printf("libevtx error: %s\n", e.describe().c_str());
            for (const auto& e : slow.warnings) std::printf("libevtx warning: %s\n", e.describe().c_str());
            for (const auto& e : fast.errors) std::printf("fast error: %s\n", e.describe().c_str());
            for (const auto& e : fast.warnings) std::printf("fast warning: %s\n", e.describe().c_str());
        }
        testing::accumulate(total, file);
        examples.insert(examples.end(), file.examples.begin(), file.examples.end());
        const bool notable = file.compared != file.equal || !file.only_fast.empty() || !file.only_libevtx.empty();
        if (per_file && notable) {
            std::printf("%s: libevtx %llu, fast %llu, pairs %llu, equal %llu\n", path.c_str(),
                        static_cast<unsigned long long>(file.libevtx_records),
                        static_cast<unsigned long long>(file.fast_records),
                        static_cast<unsigned long long>(file.compared), static_cast<unsigned long long>(file.equal));
            print_counts("differ   ", file.differing);
            print_counts("only fast", file.only_fast);
            print_counts("only lib ", file.only_libevtx);
        }
    }
    std::printf("files %zu: libevtx %llu records, fast %llu records, pairs %llu, equal %llu, bad fast offsets %llu\n",
                files.size(), static_cast<unsigned long long>(total.libevtx_records),
                static_cast<unsigned long long>(total.fast_records), static_cast<unsigned long long>(total.compared),
                static_cast<unsigned long long>(total.equal), static_cast<unsigned long long>(total.fast_bad_offsets));
    print_counts("differ   ", total.differing);
    print_counts("only fast", total.only_fast);
    print_counts("only lib ", total.only_libevtx);
    for (std::size_t i = 0; i < examples.size() && i < 40; ++i) std::printf("  e.g. %s\n", examples[i].c_str());
    return 0;
}
