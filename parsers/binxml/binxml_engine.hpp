#pragma once
// binxml_engine: evtxcar's own EVTX reader (`--engine fast`). It reads the
// file header, makes each 64 KiB chunk a segment, and reads a chunk at a
// time into a buffer of its own;
// chunk_reader decodes a chunk's records straight from binary XML into
// event_records, with a template cache per chunk and no XML text.

#include <cstdint>
#include <vector>

#include "../record_source.hpp"

namespace evtxcar {

class binxml_engine final : public evtx_engine {
public:
    std::string_view name() const override { return "fast"; }
    result<std::unique_ptr<evtx_file_reader>> open(const std::string& path, const read_options& options) const override;
};

// The fast engine's reader over EVTX bytes held in memory (tests, fuzzing);
// `name` stands for the path in messages.
result<std::unique_ptr<evtx_file_reader>> open_evtx_bytes(const std::string& name, std::vector<std::uint8_t> bytes,
                                                          const read_options& options);

}  // namespace evtxcar
