// Fuzz target: one chunk through chunk_reader. The first input byte picks
// the read options, whether the chunk counts as live and (0x10) whether the
// same reader reads it again and then the input's bytes past the chunk as a
// second chunk (templates shared across chunks); the rest is the chunk (up
// to 64 KiB). Seeds: the chunks of the EVTX files in testdata/
// (tests/fuzz/seed_chunks.sh). docs/fuzzing.md says how to run it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "binxml_format.hpp"
#include "byte_span.hpp"
#include "chunk_reader.hpp"
#include "file_plan.hpp"
#include "fuzz_discarding_visitor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    evtxcar::read_options options;
    options.include_recovered = (mode & 0x01) != 0;
    options.strict = (mode & 0x02) != 0;
    if ((mode & 0x04) != 0) options.payloads = {{"Microsoft-Windows-Sysmon", {}}, {"Microsoft-Windows-Security-Auditing", {4688, 5156}}};
    const std::string path = "fuzz.evtx";
    const std::size_t chunk_size = std::min(size - 1, evtxcar::binxml::chunk_size);
    const evtxcar::binxml::byte_span chunk(data + 1, chunk_size);
    // The chunk as the only one of a file whose header counts it (live) or not.
    const bool live = (mode & 0x08) == 0;
    const evtxcar::binxml::file_witness header{.checksum_ok = true, .chunk_count = live ? 1u : 0u};
    const evtxcar::binxml::file_plan plan = evtxcar::binxml::plan_file(
        header, {evtxcar::binxml::look_at_chunk(chunk.sub(0, std::min(chunk_size, evtxcar::binxml::chunk_header_size)),
                                                chunk_size)});
    evtxcar::binxml::chunk_reader reader(options);
    evtxcar::binxml::fuzz_discarding_visitor visitor;
    auto read_as_chunk_0 = [&](evtxcar::binxml::byte_span bytes) {
        for (const evtxcar::binxml::planned_segment& segment : plan.segments) {
            reader.begin(segment, plan, &path);
            reader.read(bytes, 0, 4096, visitor);
            reader.finish(visitor);
        }
    };
    read_as_chunk_0(chunk);
    if ((mode & 0x10) != 0) {
        // The same reader again, so that the templates of the first reading
        // are offered (template_cache): to the same bytes, then to the bytes
        // that follow the chunk in the input, if any.
        read_as_chunk_0(chunk);
        if (size - 1 > chunk_size) {
            read_as_chunk_0(evtxcar::binxml::byte_span(data + 1 + chunk_size,
                                                       std::min(size - 1 - chunk_size, evtxcar::binxml::chunk_size)));
        }
    }
    return 0;
}
