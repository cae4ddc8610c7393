#include "binxml_engine.hpp"

#include <algorithm>
#include <memory>

#include "binxml_format.hpp"
#include "chunk_header.hpp"
#include "chunk_reader.hpp"
#include "file_header.hpp"
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
        find_chunks(header);
    }

    const evtx_file_info& info() const override { return info_; }
    std::uint32_t segment_count() const override {
        // File-level warnings travel with segment 0, even when no chunk holds anything.
        const std::uint64_t count = info_.chunk_count == 0 && !file_warnings_.empty() ? 1 : info_.chunk_count;
        return static_cast<std::uint32_t>(count);
    }
    std::uint64_t segment_weight(std::uint32_t segment) const override {
        return segment < info_.chunk_count && live(segment) ? typical_records_per_chunk : 1;
    }

    void read_segment(std::uint32_t segment, record_visitor& visitor) override {
        if (segment == 0) {
            for (const read_error& warning : file_warnings_) visitor.on_warning(warning);
        }
        if (segment >= info_.chunk_count) return;
        binxml::chunk_location where{
            .path = &path_, .index = segment, .file_offset = chunk_offset(segment), .live = live(segment)};
        auto bytes = file_.read(where.file_offset, binxml::chunk_size, buffer_.get());
        if (!bytes) {
            read_error error = bytes.error();
            error.offset = where.file_offset;
            error.chunk = where.index;
            visitor.on_record_error(error, 0);
            return;
        }
        chunks_.read(*bytes, where, visitor);
    }

private:
    static std::size_t chunk_offset(std::uint64_t index) {
        return binxml::file_header_size + index * binxml::chunk_size;
    }

    bool live(std::uint64_t chunk) const { return chunk < live_chunks_; }

    void warn(std::string reason) {
        file_warnings_.push_back(read_error{.file = path_, .offset = 0, .reason = std::move(reason)});
    }

    void find_chunks(const binxml::file_header& header) {
        if (!header.checksum_ok()) warn("file header checksum mismatch");
        if (header.chunk_data_offset != binxml::file_header_size) {
            warn("file header gives chunks an unusual start (" + std::to_string(header.chunk_data_offset) +
                 "); chunks are read from offset 4096");
        }
        const std::uint64_t size = file_.size();
        const std::uint64_t data = size > binxml::file_header_size ? size - binxml::file_header_size : 0;
        std::uint64_t slots = data / binxml::chunk_size;
        const std::uint64_t partial = data % binxml::chunk_size;
        if (partial >= binxml::chunk_header_size) {
            warn("file ends " + std::to_string(partial) + " bytes into chunk " + std::to_string(slots) +
                 ": read as far as it goes");
            ++slots;
        }
        if (header.chunk_count > slots) {
            warn("file header counts " + std::to_string(header.chunk_count) + " chunks, the file holds " +
                 std::to_string(slots));
        }
        // Every chunk position is a segment; what a chunk holds is looked at
        // when it is read (looking now would bring the whole file into
        // memory at once). Chunks past the header's count hold live records
        // only in a dirty file (the header lags); in a clean file they are
        // leftovers, and only those few are looked at now, for the warning.
        info_.chunk_count = slots;
        live_chunks_ = header.dirty() ? slots : std::min<std::uint64_t>(header.chunk_count, slots);
        std::uint64_t beyond = 0;
        for (std::uint64_t index = live_chunks_; index < slots; ++index) {
            auto start = file_.read(chunk_offset(index), binxml::chunk_header_size, buffer_.get());
            if (start && binxml::classify_chunk(*start) == binxml::chunk_state::valid) ++beyond;
        }
        if (beyond > 0) {
            warn(std::to_string(beyond) + " chunks lie past the " + std::to_string(header.chunk_count) +
                 " the header counts in this clean file: their records count as recovered");
        }
    }

    std::string path_;
    binxml::file_source file_;
    // The chunk being read (not zero-filled: every open would pay for 64 KiB of zeros).
    std::unique_ptr<std::uint8_t[]> buffer_ = std::make_unique_for_overwrite<std::uint8_t[]>(binxml::chunk_size);
    read_options options_;
    binxml::chunk_reader chunks_;
    evtx_file_info info_;
    std::uint64_t live_chunks_ = 0;  // chunks before this one hold live records; later ones, recovered only
    std::vector<read_error> file_warnings_;
};

result<std::unique_ptr<evtx_file_reader>> open_reader(const std::string& path, binxml::file_source file,
                                                      const read_options& options) {
    std::uint8_t buffer[binxml::file_header_size];
    auto start = file.read(0, binxml::file_header_size, buffer);
    if (!start) return start.error();
    auto header = binxml::read_file_header(*start, path);
    if (!header) return header.error();
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
