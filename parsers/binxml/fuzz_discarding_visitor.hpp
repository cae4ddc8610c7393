#pragma once
// The visitor of the fuzz targets: takes everything a reader delivers and
// keeps only a count, so that nothing delivered is optimised away.

#include <cstddef>
#include <cstdint>

#include "../record_source.hpp"

namespace evtxcar::binxml {

class fuzz_discarding_visitor final : public record_visitor {
public:
    void on_record(const event_record& record) override { sink_ += record.fields.size(); }
    void on_record_error(const read_error& error, std::uint64_t) override { sink_ += error.reason.size(); }
    void on_warning(const read_error& warning) override { sink_ += warning.reason.size(); }

private:
    std::size_t sink_ = 0;
};

}  // namespace evtxcar::binxml
