#include "binxml_engine.hpp"

#include <algorithm>

#include "binxml_format.hpp"
#include "chunk_header.hpp"
#include "chunk_reader.hpp"
#include "file_header.hpp"
#include "mapped_file.hpp"

namespace evtxcar {

namespace {

using binxml::byte_span;

// A segment is one chunk; the reader keeps the ones that hold anything.
struct chunk_segment {
    std::uint64_t index = 0;
    std::uint64_t weight = 0;
    bool live = true;
};

class binxml_reader final : public evtx_file_reader {
public:
    binxml_reader(std::string path, binxml::mapped_file file, const binxml::file_header& header,
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
        const std::size_t count = segments_.empty() && !file_warnings_.empty() ? 1 : segments_.size();
        return static_cast<std::uint32_t>(count);
    }
    std::uint64_t segment_weight(std::uint32_t segment) const override {
        return segment < segments_.size() ? std::max<std::uint64_t>(segments_[segment].weight, 1) : 1;
    }

    void read_segment(std::uint32_t segment, record_visitor& visitor) override {
        if (segment == 0) {
            for (const read_error& warning : file_warnings_) visitor.on_warning(warning);
        }
        if (segment >= segments_.size()) return;
        const chunk_segment& chunk = segments_[segment];
        binxml::chunk_location where{.path = &path_,
                                     .index = chunk.index,
                                     .file_offset = binxml::file_header_size + chunk.index * binxml::chunk_size,
                                     .live = chunk.live};
        chunks_.read(chunk_bytes(chunk.index), where, visitor);
    }

private:
    byte_span chunk_bytes(std::uint64_t index) const {
        const byte_span file = file_.bytes();
        const std::size_t start = binxml::file_header_size + index * binxml::chunk_size;
        return file.sub(start, std::min(binxml::chunk_size, file.size() - start));
    }

    void warn(std::string reason) {
        file_warnings_.push_back(read_error{.file = path_, .offset = 0, .reason = std::move(reason)});
    }

    void find_chunks(const binxml::file_header& header) {
        if (!header.checksum_ok()) warn("file header checksum mismatch");
        if (header.chunk_data_offset != binxml::file_header_size) {
            warn("file header gives chunks an unusual start (" + std::to_string(header.chunk_data_offset) +
                 "); chunks are read from offset 4096");
        }
        const std::size_t size = file_.bytes().size();
        const std::size_t data = size > binxml::file_header_size ? size - binxml::file_header_size : 0;
        std::size_t slots = data / binxml::chunk_size;
        const std::size_t partial = data % binxml::chunk_size;
        if (partial >= binxml::chunk_header_size) {
            warn("file ends " + std::to_string(partial) + " bytes into chunk " + std::to_string(slots) +
                 ": read as far as it goes");
            ++slots;
        }
        if (header.chunk_count > slots) {
            warn("file header counts " + std::to_string(header.chunk_count) + " chunks, the file holds " +
                 std::to_string(slots));
        }
        std::uint64_t beyond = 0;
        for (std::size_t index = 0; index < slots; ++index) {
            const byte_span bytes = chunk_bytes(index);
            const binxml::chunk_state state = binxml::classify_chunk(bytes);
            if (state == binxml::chunk_state::empty) continue;
            // Chunks past the header's count hold live records only in a
            // dirty file (the header lags); in a clean file they are leftovers.
            const bool live = index < header.chunk_count || header.dirty();
            if (!live && state == binxml::chunk_state::valid) ++beyond;
            std::uint64_t weight = 1;
            if (state == binxml::chunk_state::valid && bytes.size() >= binxml::chunk_header_size) {
                weight = binxml::read_chunk_header(bytes).claimed_record_count();
                ++info_.chunk_count;
            }
            segments_.push_back({index, weight, live});
        }
        if (beyond > 0) {
            warn(std::to_string(beyond) + " chunks lie past the " + std::to_string(header.chunk_count) +
                 " the header counts in this clean file: their records count as recovered");
        }
    }

    std::string path_;
    binxml::mapped_file file_;
    read_options options_;
    binxml::chunk_reader chunks_;
    evtx_file_info info_;
    std::vector<chunk_segment> segments_;
    std::vector<read_error> file_warnings_;
};

}  // namespace

result<std::unique_ptr<evtx_file_reader>> binxml_engine::open(const std::string& path,
                                                              const read_options& options) const {
    auto file = binxml::mapped_file::open(path);
    if (!file) return file.error();
    auto header = binxml::read_file_header(file->bytes(), path);
    if (!header) return header.error();
    return std::unique_ptr<evtx_file_reader>(
        std::make_unique<binxml_reader>(path, std::move(file.value()), header.value(), options));
}

}  // namespace evtxcar
