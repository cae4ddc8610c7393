#pragma once
// The shared corpus (../shared/corpus) for integration tests: where it is,
// skipping (exit 77) when it is absent, and libevtx's evtxexport as the
// independent reader to hold evtxcar to.

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

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

// evtxexport -f xml of `file` into `xml`; true when evtxexport read it without error.
inline bool export_xml(const std::string& file, const std::filesystem::path& xml) {
    const auto result = run_command({"sh", "-c", "evtxexport -f xml \"$1\" 2>/dev/null > \"$2\"; echo $?", "sh", file,
                                     xml.string()});
    return std::atoi(result.output.c_str()) == 0;
}

}  // namespace evtxcar::test
