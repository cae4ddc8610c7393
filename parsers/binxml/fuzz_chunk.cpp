// Fuzz target: one chunk through chunk_reader. The first input byte picks
// the read options and whether the chunk counts as live; the rest is the
// chunk (up to 64 KiB). Seeds: the chunks of the EVTX files in testdata/
// (tests/fuzz/seed_chunks.sh). docs/fuzzing.md says how to run it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "binxml_format.hpp"
#include "byte_span.hpp"
#include "chunk_reader.hpp"
#include "fuzz_discarding_visitor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    evtxcar::read_options options;
    options.include_recovered = (mode & 0x01) != 0;
    options.strict = (mode & 0x02) != 0;
    if ((mode & 0x04) != 0) options.payloads = {{"Microsoft-Windows-Sysmon", {}}, {"Microsoft-Windows-Security-Auditing", {4688, 5156}}};
    const std::string path = "fuzz.evtx";
    const evtxcar::binxml::chunk_location where{
        .path = &path, .index = 0, .file_offset = 4096, .live = (mode & 0x08) == 0};
    evtxcar::binxml::chunk_reader reader(options);
    evtxcar::binxml::fuzz_discarding_visitor visitor;
    const std::size_t chunk_size = std::min(size - 1, evtxcar::binxml::chunk_size);
    reader.read(evtxcar::binxml::byte_span(data + 1, chunk_size), where, visitor);
    return 0;
}
