// The main() of the fuzz targets in an ordinary build: each argument is a
// file, or a folder of files, handed once to LLVMFuzzerTestOneInput. CTest
// replays testdata/fuzz-regressions/<target>/ this way, so every input that
// once crashed a target is run on every build. With EVTXCAR_FUZZ=ON,
// libFuzzer's own main takes its place.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int replay(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int failures = 0;
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(arg)) {
                // Hidden files (.gitkeep) keep an empty folder in git; they are no input.
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());
            for (const auto& file : files) {
                failures += replay(file);
                ++replayed;
            }
        } else if (std::filesystem::exists(arg)) {
            failures += replay(arg);
            ++replayed;
        } else {
            std::fprintf(stderr, "%s does not exist\n", argv[i]);
            ++failures;
        }
    }
    std::printf("replayed %zu inputs\n", replayed);
    return failures == 0 ? 0 : 1;
}
