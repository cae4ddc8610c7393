#include "libevtx_engine.hpp"

#include <libevtx.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "../event_xml.hpp"
#include "chunk_coverage.hpp"
#include "libevtx_handle.hpp"

namespace evtxcar {

namespace {

// What the file itself says before libevtx looks at it: the things libevtx
// reports poorly (missing, empty, not EVTX) and truncation, which libevtx
// does not report at all (it reads the chunks that are whole and stops).
struct file_precheck {
    std::optional<std::string> unreadable;  // the file cannot be read at all
    std::optional<read_error> truncated;    // readable, but shorter than its header says
};

file_precheck precheck(const std::string& path) {
    file_precheck result;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.unreadable = std::string("cannot open the file for reading: ") + std::strerror(errno);
        return result;
    }
    std::array<unsigned char, 4096> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) {
        result.unreadable = "empty file";
    } else if (got < 8 || std::memcmp(header.data(), "ElfFile\0", 8) != 0) {
        result.unreadable = "not an EVTX file (no \"ElfFile\" signature)";
    } else if (got < header.size()) {
        result.unreadable = "truncated in the file header (" + std::to_string(got) + " of 4096 bytes)";
    } else {
        in.seekg(0, std::ios::end);
        const auto size = static_cast<std::uint64_t>(in.tellg());
        const std::uint64_t chunks = header[42] | (static_cast<std::uint64_t>(header[43]) << 8);
        const std::uint64_t expected = 4096 + chunks * 65536;
        const std::uint64_t whole_chunks = (size - 4096) / 65536;
        const std::uint64_t tail = (size - 4096) % 65536;
        // A dirty file's header may count fewer chunks than it has, so a cut
        // shows as a file that is not whole chunks, or as one shorter than
        // its header declares.
        if (tail != 0 || size < expected) {
            std::string reason = "file truncated at byte " + std::to_string(size);
            if (tail != 0) {
                reason += ", inside chunk " + std::to_string(whole_chunks) + " (" + std::to_string(tail) +
                          " of 65536 bytes)";
            }
            if (size < expected) {
                reason += "; the header declares " + std::to_string(chunks) + " chunks (" +
                          std::to_string(expected) + " bytes)";
            }
            reason += "; records from chunk " + std::to_string(whole_chunks) + " on are lost";
            result.truncated = read_error{.file = path, .offset = size, .chunk = whole_chunks, .reason = reason};
        }
    }
    return result;
}

class libevtx_reader final : public evtx_file_reader {
public:
    libevtx_reader(const libevtx_engine& engine, libevtx::file_handle file, const read_options& options,
                   std::optional<read_error> truncated)
        : engine_(engine), file_(std::move(file)), options_(options), truncated_(std::move(truncated)) {
        file_.version(info_.major_version, info_.minor_version);
        const std::uint32_t flags = file_.flags();
        info_.dirty = (flags & LIBEVTX_FILE_FLAG_IS_DIRTY) != 0;
        info_.full = (flags & LIBEVTX_FILE_FLAG_IS_FULL) != 0;
        record_count_ = std::max(0, file_.record_count());
        recovered_count_ = options.include_recovered ? std::max(0, file_.recovered_record_count()) : 0;
        // At least one segment, so that a file-level problem has a segment to be reported from.
        segments_ = std::max<std::uint32_t>(1, segments_for(record_count_) + segments_for(recovered_count_));
        // The coverage check needs the segment count before the first segment is read.
        coverage_ = engine.shared_coverage(file_.path(), segments_);
    }

    const evtx_file_info& info() const override { return info_; }
    std::uint32_t segment_count() const override { return segments_; }

    std::uint64_t segment_weight(std::uint32_t segment) const override {
        const auto [first, end, recovered] = bounds(segment);
        (void)recovered;
        return static_cast<std::uint64_t>(end - first);
    }

    void read_segment(std::uint32_t segment, record_visitor& visitor) override {
        if (segment == 0 && truncated_) visitor.on_record_error(*truncated_, 0);
        const auto [first, end, recovered] = bounds(segment);
        delivered_per_chunk_.assign(coverage_ ? coverage_->chunk_count() : 0, 0);
        unattributed_failures_ = 0;
        for (int index = first; index < end; ++index) read_one(index, recovered, visitor);
        if (coverage_ &&
            coverage_->segment_done(delivered_per_chunk_, unattributed_failures_, options_.strict, visitor)) {
            engine_.forget_coverage(file_.path());
        }
    }

private:
    struct segment_bounds {
        int first;
        int end;
        bool recovered;
    };

    static std::uint32_t segments_for(int records) {
        return static_cast<std::uint32_t>((records + libevtx_engine::records_per_segment - 1) /
                                          libevtx_engine::records_per_segment);
    }

    segment_bounds bounds(std::uint32_t segment) const {
        const std::uint32_t live_segments = segments_for(record_count_);
        const bool recovered = segment >= live_segments;
        const int count = recovered ? recovered_count_ : record_count_;
        const int first = static_cast<int>(recovered ? segment - live_segments : segment) *
                          libevtx_engine::records_per_segment;
        return {first, std::min(count, first + libevtx_engine::records_per_segment), recovered};
    }

    // A record of a chunk that was read or already reported as failed.
    void count_for_chunk(std::uint64_t header_identifier, bool recovered) {
        if (!coverage_ || recovered) return;
        count_in_chunk(coverage_->chunk_of(header_identifier));
    }
    void count_in_chunk(std::uint64_t chunk) {
        if (chunk < delivered_per_chunk_.size()) ++delivered_per_chunk_[chunk];
    }

    void read_one(int index, bool recovered, record_visitor& visitor) {
        auto handle = file_.record(index, recovered);
        if (!handle) {
            visitor.on_record_error(handle.error(), 1);
            if (!recovered) ++unattributed_failures_;  // reported, but its chunk is unknown
            return;
        }
        libevtx_record_t* raw = handle->get();
        libevtx_error_t* error = nullptr;

        off64_t offset = 0;
        const bool has_offset = libevtx_record_get_offset(raw, &offset, nullptr) == 1;
        auto fail = [&](std::string reason) {
            read_error failure{.file = file_.path(), .record_index = static_cast<std::uint64_t>(index), .reason = std::move(reason)};
            if (has_offset) failure.offset = static_cast<std::uint64_t>(offset);
            std::uint64_t identifier = 0;
            if (libevtx_record_get_identifier(raw, &identifier, nullptr) == 1) {
                failure.record_id = identifier;
                count_for_chunk(identifier, recovered);  // reported here: the coverage check must not count it again
            } else if (!recovered) {
                ++unattributed_failures_;
            }
            visitor.on_record_error(failure, 1);
        };

        std::size_t size = 0;
        if (libevtx_record_get_utf8_xml_string_size(raw, &size, &error) != 1 || size == 0) {
            fail("libevtx cannot render the record: " + libevtx::take_error_message(error));
            return;
        }
        xml_.resize(size);
        if (libevtx_record_get_utf8_xml_string(raw, reinterpret_cast<std::uint8_t*>(xml_.data()), size, &error) != 1) {
            fail("libevtx cannot render the record: " + libevtx::take_error_message(error));
            return;
        }
        xml_.resize(size - 1);  // drop the terminating NUL

        record_ = event_record{};
        auto parsed = read_event_xml(xml_, record_);
        if (!parsed) {
            fail(parsed.error().reason);
            return;
        }
        record_.file_offset = has_offset ? static_cast<std::uint64_t>(offset) : 0;
        record_.recovered = recovered;
        std::uint64_t header_identifier = 0;  // the record header's id, which chunk headers count in
        if (coverage_ && !recovered && libevtx_record_get_identifier(raw, &header_identifier, nullptr) == 1) {
            const std::uint64_t chunk = coverage_->chunk_of(header_identifier);
            if (options_.strict && coverage_->records_checksum_wrong(chunk)) {
                return;  // the coverage check reports the chunk as skipped
            }
            count_in_chunk(chunk);
        }
        if (!options_.wants_payload(record_.provider_name, record_.event_id)) {
            record_.kind = payload_kind::none;
            record_.payload_name.clear();
            record_.fields.clear();
        }
        visitor.on_record(record_);
    }

    const libevtx_engine& engine_;
    libevtx::file_handle file_;
    read_options options_;
    std::optional<read_error> truncated_;
    std::shared_ptr<libevtx::chunk_coverage> coverage_;
    std::vector<std::uint64_t> delivered_per_chunk_;
    std::uint64_t unattributed_failures_ = 0;
    evtx_file_info info_;
    int record_count_ = 0;
    int recovered_count_ = 0;
    std::uint32_t segments_ = 0;
    std::string xml_;       // reused for every record
    event_record record_;   // reused for every record
};

}  // namespace

std::shared_ptr<libevtx::chunk_coverage> libevtx_engine::shared_coverage(const std::string& path,
                                                                        std::uint32_t segments) const {
    {
        std::lock_guard lock(coverage_mutex_);
        if (auto found = coverage_by_path_.find(path); found != coverage_by_path_.end()) return found->second;
    }
    // Built without the lock (it reads and checksums the whole file), so
    // other files open meanwhile. Should two readers of one file race here,
    // the first one stored is shared and the other is dropped.
    auto built = std::make_shared<libevtx::chunk_coverage>(path, segments);
    std::lock_guard lock(coverage_mutex_);
    return coverage_by_path_.try_emplace(path, std::move(built)).first->second;
}

void libevtx_engine::forget_coverage(const std::string& path) const {
    std::lock_guard lock(coverage_mutex_);
    coverage_by_path_.erase(path);
}

result<std::unique_ptr<evtx_file_reader>> libevtx_engine::open(const std::string& path,
                                                               const read_options& options) const {
    file_precheck checked = precheck(path);
    if (checked.unreadable) return read_error{.file = path, .offset = 0, .reason = *checked.unreadable};
    auto file = libevtx::file_handle::open(path);
    if (!file) return file.error();
    return std::unique_ptr<evtx_file_reader>(
        std::make_unique<libevtx_reader>(*this, std::move(file.value()), options, std::move(checked.truncated)));
}

}  // namespace evtxcar
