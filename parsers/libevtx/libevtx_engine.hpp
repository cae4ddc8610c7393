#pragma once
// The record engine built on libevtx: libevtx renders each record's XML and
// event_xml.cpp reads it with pugixml.

#include "../record_source.hpp"

namespace evtxcar {

class libevtx_engine final : public evtx_engine {
public:
    // Records per segment: the unit in which threads share one large file.
    static constexpr int records_per_segment = 4096;

    std::string_view name() const override { return "libevtx"; }
    result<std::unique_ptr<evtx_file_reader>> open(const std::string& path,
                                                   const read_options& options) const override;
};

}  // namespace evtxcar
