// Fuzz target: whole EVTX files through the fast engine (open, every
// segment), with recovered records. Seeds: the EVTX files in testdata/.
// docs/fuzzing.md says how to run it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "binxml_engine.hpp"
#include "fuzz_discarding_visitor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    evtxcar::read_options options;
    options.include_recovered = true;
    auto reader = evtxcar::open_evtx_bytes("fuzz.evtx", std::vector<std::uint8_t>(data, data + size), options);
    if (!reader) return 0;
    evtxcar::binxml::fuzz_discarding_visitor visitor;
    const std::uint32_t segments = (*reader)->segment_count();
    for (std::uint32_t segment = 0; segment < segments; ++segment) (*reader)->read_segment(segment, visitor);
    return 0;
}
