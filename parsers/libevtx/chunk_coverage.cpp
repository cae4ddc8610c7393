#include "chunk_coverage.hpp"

#include <algorithm>

#include "../binxml/binxml_format.hpp"
#include "../binxml/chunk_header.hpp"
#include "../binxml/file_source.hpp"

namespace evtxcar::libevtx {

namespace {
constexpr std::uint64_t first_chunk_offset = binxml::file_header_size;
}

chunk_coverage::chunk_coverage(const std::string& path, std::uint32_t segment_count)
    : path_(path), segments_left_(segment_count) {
    auto file = binxml::file_source::open(path);
    if (!file) return;
    std::vector<std::uint8_t> buffer(binxml::chunk_size);
    for (std::uint64_t offset = first_chunk_offset; offset + binxml::chunk_size <= file->size();
         offset += binxml::chunk_size) {
        auto read = file->read(offset, binxml::chunk_size, buffer.data());
        if (!read || read->size() < binxml::chunk_size) break;  // the rest is not checked, as if cut short
        const binxml::byte_span bytes = *read;
        chunk_facts facts;
        switch (binxml::classify_chunk(bytes)) {
            case binxml::chunk_state::empty:
                facts.empty = true;
                break;
            case binxml::chunk_state::no_signature:
                break;
            case binxml::chunk_state::valid: {
                const binxml::chunk_header header = binxml::read_chunk_header(bytes);
                facts.has_signature = true;
                facts.header_checksum_ok = header.header_checksum_ok();
                facts.records_checksum_ok = binxml::records_checksum_ok(bytes, header);
                facts.claimed_records = header.claimed_record_count();
                if (header.last_record_id >= header.first_record_id) {
                    ranges_.push_back({header.first_record_id, header.last_record_id, chunks_.size()});
                }
                break;
            }
        }
        chunks_.push_back(facts);
    }
    delivered_.assign(chunks_.size(), 0);
    std::sort(ranges_.begin(), ranges_.end(), [](const id_range& a, const id_range& b) { return a.first_id < b.first_id; });
}

std::uint64_t chunk_coverage::chunk_of(std::uint64_t record_id) const {
    auto after = std::upper_bound(ranges_.begin(), ranges_.end(), record_id,
                                  [](std::uint64_t id, const id_range& range) { return id < range.first_id; });
    if (after == ranges_.begin()) return chunks_.size();
    const id_range& range = *(after - 1);
    return record_id <= range.last_id ? range.chunk : chunks_.size();
}

bool chunk_coverage::records_checksum_wrong(std::uint64_t chunk) const {
    return chunk < chunks_.size() && !chunks_[chunk].records_checksum_ok;  // set for chunks with a signature only
}

bool chunk_coverage::segment_done(const std::vector<std::uint64_t>& delivered_per_chunk,
                                  std::uint64_t unattributed_failures, bool strict, record_visitor& visitor) {
    std::lock_guard lock(mutex_);
    unattributed_failures_ += unattributed_failures;
    for (std::size_t i = 0; i < delivered_per_chunk.size() && i < delivered_.size(); ++i) {
        delivered_[i] += delivered_per_chunk[i];
    }
    if (segments_left_ > 0 && --segments_left_ == 0) {
        report(strict, visitor);
        return true;
    }
    return false;
}

void chunk_coverage::report(bool strict, record_visitor& visitor) const {
    // Failures already reported without a known chunk belong to chunks that
    // fall short; they are taken off the shortfalls in chunk order (the order
    // libevtx numbers records in), so nothing is counted twice.
    std::uint64_t unattributed = unattributed_failures_;
    // Records of chunk i neither delivered nor already reported.
    auto unreported_shortfall = [&](std::size_t i) {
        std::uint64_t lost = chunks_[i].claimed_records - std::min(delivered_[i], chunks_[i].claimed_records);
        const std::uint64_t already_reported = std::min(lost, unattributed);
        unattributed -= already_reported;
        return lost - already_reported;
    };
    for (std::size_t i = 0; i < chunks_.size(); ++i) {
        const chunk_facts& chunk = chunks_[i];
        read_error where{.file = path_, .offset = first_chunk_offset + i * binxml::chunk_size, .chunk = i};
        if (!chunk.has_signature) {
            if (chunk.empty) continue;  // never written: nothing lost
            where.reason = "chunk has no chunk signature: overwritten or damaged, its records are lost";
            visitor.on_record_error(where, 0);
            continue;
        }
        if (!chunk.header_checksum_ok) {
            where.reason = "chunk header checksum mismatch";
            visitor.on_warning(where);
        }
        if (!chunk.records_checksum_ok) {
            if (strict) {
                // Its records were not delivered (the reader skips them);
                // those libevtx failed on were reported already.
                where.reason = "chunk records checksum mismatch: chunk skipped (--strict)";
                visitor.on_record_error(where, unreported_shortfall(i));
                continue;
            }
            where.reason = "chunk records checksum mismatch: records read, their content may have been altered";
            visitor.on_warning(where);
        }
        if (delivered_[i] < chunk.claimed_records) {
            const std::uint64_t lost = unreported_shortfall(i);
            if (lost == 0) continue;
            where.reason = "the chunk header declares " + std::to_string(chunk.claimed_records) +
                           " records; libevtx skipped " + std::to_string(lost) + " of them without an error";
            visitor.on_record_error(where, lost);
        }
    }
}

}  // namespace evtxcar::libevtx
