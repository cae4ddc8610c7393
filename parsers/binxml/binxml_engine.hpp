#pragma once
// binxml_engine: evtxcar's own EVTX reader (`--engine fast`). It maps the
// file, reads the file header, and makes each 64 KiB chunk a segment;
// chunk_reader decodes a chunk's records straight from binary XML into
// event_records, with a template cache per chunk and no XML text.

#include "../record_source.hpp"

namespace evtxcar {

class binxml_engine final : public evtx_engine {
public:
    std::string_view name() const override { return "fast"; }
    result<std::unique_ptr<evtx_file_reader>> open(const std::string& path, const read_options& options) const override;
};

}  // namespace evtxcar
