#pragma once
// template_cache: the templates of one chunk, compiled on first use and
// kept by definition offset until the next chunk. A template that does not
// compile is cached too, with its error, so it is not read again.
//
// Compiled templates keep their addresses while the cache grows (records
// are evaluated while nested values compile further templates), and their
// storage is reused from chunk to chunk.

#include <cstdint>
#include <memory>
#include <vector>

#include "compiled_xml.hpp"
#include "offset_map.hpp"
#include "token_compiler.hpp"

namespace evtxcar::binxml {

class template_cache {
public:
    // Operations all templates of one chunk may hold. Real chunks stay far
    // below it; hostile ones (overlapping definitions) are cut off there.
    static constexpr std::size_t op_budget = std::size_t{1} << 20;

    void reset();
    // The template defined at chunk offset `definition`.
    const compiled_xml& get(std::uint32_t definition, token_compiler& compiler);

private:
    std::vector<std::unique_ptr<compiled_xml>> templates_;  // [0, used_) hold this chunk's templates
    std::size_t used_ = 0;
    std::size_t ops_ = 0;  // operations held by this chunk's templates
    offset_map by_definition_;
};

}  // namespace evtxcar::binxml
