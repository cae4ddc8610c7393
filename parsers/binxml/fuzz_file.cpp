// Fuzz target: whole EVTX files through the fast engine (open, every
// segment), with recovered records. Seeds: the EVTX files in testdata/.
// docs/fuzzing.md says how to run it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "binxml_engine.hpp"

namespace {

class discarding_visitor final : public evtxcar::record_visitor {
public:
    void on_record(const evtxcar::event_record& record) override { sink_ += record.fields.size(); }
    void on_record_error(const evtxcar::read_error& error, std::uint64_t) override { sink_ += error.reason.size(); }
    void on_warning(const evtxcar::read_error& warning) override { sink_ += warning.reason.size(); }

private:
    std::size_t sink_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    evtxcar::read_options options;
    options.include_recovered = true;
    auto reader = evtxcar::open_evtx_bytes("fuzz.evtx", std::vector<std::uint8_t>(data, data + size), options);
    if (!reader) return 0;
    discarding_visitor visitor;
    const std::uint32_t segments = (*reader)->segment_count();
    for (std::uint32_t segment = 0; segment < segments; ++segment) (*reader)->read_segment(segment, visitor);
    return 0;
}
