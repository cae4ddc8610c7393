#include "libevtx_engine.hpp"

#include <libevtx.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "../binxml/file_header.hpp"
#include "chunk_coverage.hpp"
#include "libevtx_service.hpp"
#include "record_wire.hpp"

namespace evtxcar {

namespace {

// What the file itself says before libevtx looks at it: the things libevtx
// reports poorly (missing, empty, not EVTX, cut inside the file header).
// Truncation elsewhere is the coverage check's (chunk_coverage): it counts
// the records the file ends before.
std::optional<std::string> unreadable_reason(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("cannot open the file for reading: ") + std::strerror(errno);
    std::array<unsigned char, 4096> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) return std::string("empty file");
    if (got < 8 || std::memcmp(header.data(), "ElfFile\0", 8) != 0) {
        return std::string("not an EVTX file (no \"ElfFile\" signature)");
    }
    if (got < header.size()) return "truncated in the file header (" + std::to_string(got) + " of 4096 bytes)";
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (auto parsed = binxml::read_file_header(binxml::byte_span(header.data(), header.size()), path)) {
        return binxml::chunks_missing_after_header(*parsed, size);
    }
    return std::nullopt;
}

// Largest frame the libevtx process sends: a record's text is bounded by
// what libevtx renders (a chunk's worth of values), far below this.
constexpr std::uint32_t largest_frame = 256u << 20;

// One libevtx process serving one file, seen from evtxcar.
class libevtx_process {
public:
    // Starts the process and takes the file's facts from it.
    static result<libevtx_process> start(const std::string& path, const libevtx::child_limits& limits) {
        auto child = libevtx::child_process::start(limits, libevtx::serve_file_role.name, {path});
        if (!child) {
            read_error error = child.error();
            error.file = path;
            return error;
        }
        libevtx_process process(std::move(child.value()));
        std::vector<std::uint8_t> message;
        if (!process.receive(message)) {
            return read_error{.file = path,
                              .offset = 0,
                              .reason = "libevtx " + process.child_.stop_reason() + " while opening the file"};
        }
        libevtx::wire_reader in(message);
        if (in.kind() != libevtx::wire_kind::file_facts || !in.file_facts(process.facts_)) {
            return read_error{.file = path, .offset = 0, .reason = "the libevtx process answered nonsense"};
        }
        if (!process.facts_.opened) {
            return read_error{.file = path, .reason = "libevtx cannot open the file: " + process.facts_.open_error};
        }
        return process;
    }

    const libevtx::wire_file_facts& facts() const { return facts_; }
    bool send(const libevtx::wire_request& request) {
        libevtx::wire_writer out;
        out.request(request);
        return child_.send(out.bytes().data(), out.bytes().size());
    }
    bool receive(std::vector<std::uint8_t>& message) {
        std::uint32_t size = 0;
        if (!child_.receive(&size, sizeof size) || size > largest_frame) return false;
        message.resize(size);
        return child_.receive(message.data(), size);
    }
    std::string stop_reason() { return child_.stop_reason(); }

private:
    explicit libevtx_process(libevtx::child_process child) : child_(std::move(child)) {}

    libevtx::child_process child_;
    libevtx::wire_file_facts facts_;
};

class libevtx_reader final : public evtx_file_reader {
public:
    libevtx_reader(const libevtx_engine& engine, std::string path, libevtx_process process, const read_options& options)
        : engine_(engine), path_(std::move(path)), process_(std::move(process)), options_(options) {
        const libevtx::wire_file_facts& facts = process_->facts();
        info_.major_version = facts.major_version;
        info_.minor_version = facts.minor_version;
        info_.dirty = (facts.flags & LIBEVTX_FILE_FLAG_IS_DIRTY) != 0;
        info_.full = (facts.flags & LIBEVTX_FILE_FLAG_IS_FULL) != 0;
        record_count_ = std::max(0, facts.records);
        recovered_count_ = options.include_recovered ? std::max(0, facts.recovered_records) : 0;
        // At least one segment, so that a file-level problem has a segment to be reported from.
        segments_ = std::max<std::uint32_t>(1, segments_for(record_count_) + segments_for(recovered_count_));
        // The coverage check needs the segment count before the first segment is read.
        coverage_ = engine.shared_coverage(path_, segments_);
    }

    const evtx_file_info& info() const override { return info_; }
    std::uint32_t segment_count() const override { return segments_; }

    std::uint64_t segment_weight(std::uint32_t segment) const override {
        const auto [first, end, recovered] = bounds(segment);
        (void)recovered;
        return static_cast<std::uint64_t>(end - first);
    }

    void read_segment(std::uint32_t segment, record_visitor& visitor) override {
        const auto [first, end, recovered] = bounds(segment);
        delivered_.assign(coverage_ ? coverage_->part_count() : 0, {});
        unattributed_failures_ = 0;
        demoted_ = 0;
        if (first < end) read_range(first, end, recovered, visitor);
        if (demoted_ > 0) {
            visitor.on_warning(read_error{
                .file = path_,
                .reason = std::to_string(demoted_) +
                          " records libevtx read as live have ids the file's headers do not give the live log (slack, "
                          "or a copy of a chunk): " +
                          (options_.include_recovered ? "taken as recovered" : "not read (see --recovered)")});
        }
        if (coverage_ && coverage_->segment_done(delivered_, unattributed_failures_, options_.strict, visitor)) {
            engine_.forget_coverage(path_);
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

    // Records [first, end) from the libevtx process; one that crashed or
    // stopped answering costs the rest of the range, and the next range
    // gets a new process.
    void read_range(int first, int end, bool recovered, record_visitor& visitor) {
        std::string failed_to_start;
        if (!process_) {
            auto restarted = libevtx_process::start(path_, engine_.limits());
            if (restarted) {
                process_ = std::move(restarted.value());
            } else {
                failed_to_start = restarted.error().reason;
            }
        }
        int next = first;
        bool finished = false;
        if (process_ && process_->send({.first = first, .end = end, .recovered = recovered})) {
            std::vector<std::uint8_t> message;
            while (process_->receive(message)) {
                libevtx::wire_reader in(message);
                const libevtx::wire_kind kind = in.kind();
                if (kind == libevtx::wire_kind::done) {
                    finished = next == end;
                    break;
                }
                if ((kind != libevtx::wire_kind::record && kind != libevtx::wire_kind::failure) || !in.item(kind, item_)) {
                    break;
                }
                take(kind, recovered, visitor);
                ++next;
            }
        }
        if (finished) return;
        std::string why = failed_to_start.empty() ? "libevtx " + process_->stop_reason() : failed_to_start;
        process_.reset();
        read_error error{.file = path_,
                         .record_index = static_cast<std::uint64_t>(next),
                         .reason = why + " while reading " + (recovered ? "recovered " : "") + "records " +
                                   std::to_string(next) + "-" + std::to_string(end - 1) + " (libevtx's numbering)"};
        if (recovered) {
            visitor.on_warning(error);  // carving, not live records: nothing the log holds is lost
            return;
        }
        const auto lost = static_cast<std::uint64_t>(end - next);
        visitor.on_record_error(error, lost);
        unattributed_failures_ += lost;  // reported, but their chunks are unknown
    }

    void count_in_part(std::size_t part, std::uint64_t header_id) {
        if (part < delivered_.size()) delivered_[part].add(header_id);
    }

    void take(libevtx::wire_kind kind, bool recovered, record_visitor& visitor) {
        if (kind == libevtx::wire_kind::failure) {
            read_error failure = item_.failure;
            failure.file = path_;
            if (recovered) {
                // A carved record that does not decode is slack, not a lost record.
                failure.reason = "carved record not recovered: " + failure.reason;
                visitor.on_warning(failure);
                return;
            }
            if (item_.has_header_id && coverage_) {
                count_in_part(coverage_->part_of(item_.header_id), item_.header_id);  // reported here: not again
            } else {
                ++unattributed_failures_;
            }
            visitor.on_record_error(failure, 1);
            return;
        }
        event_record& record = item_.record;
        record.recovered = recovered;
        if (coverage_ && !recovered && item_.has_header_id &&
            (!coverage_->live_id(item_.header_id) || !coverage_->first_delivery(item_.header_id))) {
            // Slack a damaged header made libevtx read as live, or the same
            // record again from a copy of its chunk: not a live record.
            ++demoted_;
            if (!options_.include_recovered) return;
            record.recovered = true;
            visitor.on_record(record);
            return;
        }
        if (coverage_ && !recovered && item_.has_header_id) {
            const std::size_t part = coverage_->part_of(item_.header_id);
            if (options_.strict && coverage_->records_checksum_wrong(part)) {
                return;  // the coverage check reports the chunk as skipped
            }
            count_in_part(part, item_.header_id);
        }
        if (!options_.wants_payload(record.provider_name, record.event_id)) {
            record.kind = payload_kind::none;
            record.payload_name.clear();
            record.fields.clear();
        }
        visitor.on_record(record);
    }

    const libevtx_engine& engine_;
    std::string path_;
    std::optional<libevtx_process> process_;
    read_options options_;
    std::shared_ptr<libevtx::chunk_coverage> coverage_;
    std::vector<libevtx::delivered_ids> delivered_;
    std::uint64_t unattributed_failures_ = 0;
    std::uint64_t demoted_ = 0;  // live records of this segment taken for slack or copies
    evtx_file_info info_;
    int record_count_ = 0;
    int recovered_count_ = 0;
    std::uint32_t segments_ = 0;
    libevtx::wire_item item_;  // reused for every record
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
    if (auto reason = unreadable_reason(path)) return read_error{.file = path, .offset = 0, .reason = *reason};
    auto process = libevtx_process::start(path, limits_);
    if (!process) return process.error();
    return std::unique_ptr<evtx_file_reader>(
        std::make_unique<libevtx_reader>(*this, path, std::move(process.value()), options));
}

}  // namespace evtxcar
