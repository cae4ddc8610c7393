// evtxcar_testdata_generator OUTPUT_DIR: writes every file of testdata/
// below OUTPUT_DIR (usually the source tree's testdata/).
#include <cstdio>
#include <exception>

#include "testdata_tree.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    try {
        const evtxcar::testdata::file_tree tree = evtxcar::testdata::generate_testdata_tree();
        evtxcar::testdata::write_tree(tree, argv[1]);
        std::printf("wrote %zu files below %s\n", tree.size(), argv[1]);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", argv[0], error.what());
        return 1;
    }
    return 0;
}
