#pragma once
// ../shared/corpus for the integration tests: where it is, skipping (exit
// 77, CTest's SKIP_RETURN_CODE) when it is absent, and whether evtxexport
// is installed to read it independently.

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "support/run_evtxcar.hpp"

namespace evtxcar::test {

inline std::filesystem::path corpus_folder() { return std::filesystem::path(EVTXCAR_SHARED_DIR) / "corpus"; }

inline void skip_without_corpus() {
    if (!std::filesystem::exists(corpus_folder() / "MANIFEST.tsv")) {
        std::cout << "SKIPPED: no corpus at " << corpus_folder() << "\n";
        std::exit(77);
    }
}

inline bool have_evtxexport() { return run_command({"sh", "-c", "command -v evtxexport"}).exit_status == 0; }

}  // namespace evtxcar::test
