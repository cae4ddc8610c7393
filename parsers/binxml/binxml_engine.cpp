#include "binxml_engine.hpp"

#include <algorithm>
#include <memory>

#include "binxml_format.hpp"
#include "chunk_header.hpp"
#include "chunk_reader.hpp"
#include "file_header.hpp"
#include "file_plan.hpp"
#include "file_survey.hpp"
#include "file_source.hpp"

namespace evtxcar {

namespace {

using binxml::byte_span;

// Records a chunk in use typically holds: the segment weight, for scheduling.
constexpr std::uint64_t typical_records_per_chunk = 100;

class binxml_reader final : public evtx_file_reader {
public:
    binxml_reader(std::string path, binxml::file_source file, const binxml::file_header& header,
                  const read_options& options)
        : path_(std::move(path)), file_(std::move(file)), options_(options), chunks_(options_) {
        info_.major_version = header.major_version;
        info_.minor_version = header.minor_version;
        info_.dirty = header.dirty();
        info_.full = header.full();
        plan_chunks(header);
    }

    const evtx_file_info& info() const override { return info_; }
    std::uint32_t segment_count() const override {
        // File-level warnings travel with segment 0, even when no chunk holds anything.
        const std::size_t count = plan_.segments.empty() && !file_warnings_.empty() ? 1 : plan_.segments.size();
        return static_cast<std::uint32_t>(count);
    }
    std::uint64_t segment_weight(std::uint32_t segment) const override {
        if (segment >= plan_.segments.size()) return 1;
        const binxml::planned_segment& planned = plan_.segments[segment];
        return planned.live && planned.trusted ? typical_records_per_chunk : 1;
    }

    void read_segment(std::uint32_t segment, record_visitor& visitor) override {
        if (segment == 0) {
            for (const read_error& warning : file_warnings_) visitor.on_warning(warning);
        }
        if (segment >= plan_.segments.size()) return;
        const binxml::planned_segment& planned = plan_.segments[segment];
        chunks_.begin(planned, plan_, &path_);
        if (planned.live || options_.include_recovered) {
            for (std::uint64_t index = planned.first_chunk; index < planned.end_chunk; ++index) {
                const std::uint64_t offset = chunk_offset(index);
                binxml::byte_span bytes;
                if (offset < file_.size()) {
                    auto read = file_.read(offset, binxml::chunk_size, buffer_.get());
                    if (!read) {
                        read_error error = read.error();
                        error.offset = offset;
                        error.chunk = index;
                        visitor.on_record_error(error, 0);
                        continue;
                    }
                    bytes = *read;
                }
                chunks_.read(bytes, index, offset, visitor);
            }
        }
        chunks_.finish(visitor);
    }

private:
    static std::uint64_t chunk_offset(std::uint64_t index) { return binxml::chunk_file_offset(index); }

    void warn(std::string reason) {
        file_warnings_.push_back(read_error{.file = path_, .offset = 0, .reason = std::move(reason)});
    }

    void plan_chunks(const binxml::file_header& header) {
        plan_ = binxml::survey_file(file_, header);
        for (std::string& note : plan_.notes) warn(std::move(note));
        info_.chunk_count = plan_.positions;
    }

    std::string path_;
    binxml::file_source file_;
    // The chunk being read (not zero-filled: every open would pay for 64 KiB of zeros).
    std::unique_ptr<std::uint8_t[]> buffer_ = std::make_unique_for_overwrite<std::uint8_t[]>(binxml::chunk_size);
    read_options options_;
    binxml::chunk_reader chunks_;
    evtx_file_info info_;
    binxml::file_plan plan_;
    std::vector<read_error> file_warnings_;
};

result<std::unique_ptr<evtx_file_reader>> open_reader(const std::string& path, binxml::file_source file,
                                                      const read_options& options) {
    std::uint8_t buffer[binxml::file_header_size];
    auto start = file.read(0, binxml::file_header_size, buffer);
    if (!start) return start.error();
    if (start->size() > 0 && start->size() < binxml::file_header_size) {
        // Every chunk lies behind the header: a file cut inside it holds no record.
        auto header = binxml::read_file_header(*start, path);
        if (!header) return header.error();
        return read_error{.file = path,
                          .offset = start->size(),
                          .reason = "file ends inside its header (" + std::to_string(start->size()) +
                                    " of 4096 bytes): no chunk is left"};
    }
    auto header = binxml::read_file_header(*start, path);
    if (!header) return header.error();
    if (auto missing = binxml::chunks_missing_after_header(*header, file.size())) {
        return read_error{.file = path, .offset = file.size(), .reason = *missing};
    }
    return std::unique_ptr<evtx_file_reader>(
        std::make_unique<binxml_reader>(path, std::move(file), header.value(), options));
}

}  // namespace

result<std::unique_ptr<evtx_file_reader>> binxml_engine::open(const std::string& path,
                                                              const read_options& options) const {
    auto file = binxml::file_source::open(path);
    if (!file) return file.error();
    return open_reader(path, std::move(file.value()), options);
}

result<std::unique_ptr<evtx_file_reader>> open_evtx_bytes(const std::string& name, std::vector<std::uint8_t> bytes,
                                                          const read_options& options) {
    return open_reader(name, binxml::file_source::hold(std::move(bytes)), options);
}

}  // namespace evtxcar
