#pragma once
// summary_paths: paths are bytes, evtxcar's outputs are UTF-8. A path that
// is not valid UTF-8 (a file name with the bytes 0xFF 0xFE, copied from a
// foreign system) is shown with U+FFFD in place of each invalid byte
// everywhere it appears (the CSVs, the report, summary.json, messages), and
// its exact bytes are kept beside it (file_outcome::path_bytes,
// problem::file_bytes; summary.json writes them in base64), so that the file
// can still be found. Reading uses the exact bytes; only the text shown
// changes.

#include <string>
#include <string_view>

#include "pipeline/scan_summary.hpp"

namespace evtxcar {

// `path` with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string displayable_path(std::string_view path);

// Makes every path and message in `summary` valid UTF-8, keeping the exact
// bytes of file and problem paths that were not.
void make_summary_paths_valid_utf8(scan_summary& summary);

}  // namespace evtxcar
