#pragma once
// file_survey: reads the header of every chunk of an EVTX file (512 bytes
// each; the chunks themselves are read later) and plans what each part of
// the file must hold (file_plan). Both record engines account for a file's
// records by this plan. The file-level findings (header checksum, chunks
// the file ends in or before) are among the plan's notes.

#include "file_header.hpp"
#include "file_plan.hpp"
#include "file_source.hpp"

namespace evtxcar::binxml {

file_plan survey_file(const file_source& file, const file_header& header);

// File offset of chunk position `index`.
constexpr std::uint64_t chunk_file_offset(std::uint64_t index) { return 4096 + index * 65536; }

}  // namespace evtxcar::binxml
