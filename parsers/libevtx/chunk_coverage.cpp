#include "chunk_coverage.hpp"

#include <algorithm>
#include <memory>

#include "../binxml/binxml_format.hpp"
#include "../binxml/chunk_header.hpp"
#include "../binxml/file_header.hpp"
#include "../binxml/file_source.hpp"
#include "../binxml/file_survey.hpp"

namespace evtxcar::libevtx {

void delivered_ids::add(std::uint64_t id) {
    ++count;
    lowest = std::min(lowest, id);
    highest = std::max(highest, id);
}

void delivered_ids::add(const delivered_ids& other) {
    count += other.count;
    lowest = std::min(lowest, other.lowest);
    highest = std::max(highest, other.highest);
}

chunk_coverage::chunk_coverage(const std::string& path, std::uint32_t segment_count)
    : path_(path), segments_left_(segment_count) {
    auto file = binxml::file_source::open(path);
    if (!file) return;
    std::vector<std::uint8_t> buffer(binxml::chunk_size);
    auto start = file->read(0, binxml::file_header_size, buffer.data());
    if (!start) return;
    auto header = binxml::read_file_header(*start, path);
    if (!header) return;
    plan_ = binxml::survey_file(*file, *header);
    records_checksum_ok_.assign(plan_.segments.size(), true);
    for (std::size_t i = 0; i < plan_.segments.size(); ++i) {
        const binxml::planned_segment& part = plan_.segments[i];
        if (!part.trusted || !part.live) continue;
        auto read = file->read(binxml::chunk_file_offset(part.first_chunk), binxml::chunk_size, buffer.data());
        if (!read) continue;
        records_checksum_ok_[i] = binxml::records_checksum_ok(*read, binxml::read_chunk_header(*read));
    }
    for (std::size_t i = 0; i < plan_.segments.size(); ++i) {
        const binxml::planned_segment& part = plan_.segments[i];
        has_copies_ = has_copies_ || !part.copies.empty();
        if (!part.live) continue;
        if (!part.trusted) {
            damaged_parts_.push_back(i);
        } else if (!part.allowed.empty()) {
            trusted_parts_.push_back({part.allowed.first, part.allowed.last, i});
        }
    }
    std::sort(trusted_parts_.begin(), trusted_parts_.end(),
              [](const trusted_part& a, const trusted_part& b) { return a.first_id < b.first_id; });
    delivered_.assign(plan_.segments.size(), {});
}

std::size_t chunk_coverage::part_of(std::uint64_t record_id) const {
    auto after = std::upper_bound(trusted_parts_.begin(), trusted_parts_.end(), record_id,
                                  [](std::uint64_t id, const trusted_part& part) { return id < part.first_id; });
    if (after != trusted_parts_.begin() && record_id <= (after - 1)->last_id) return (after - 1)->part;
    for (std::size_t i : damaged_parts_) {
        if (plan_.segments[i].allowed.contains(record_id)) return i;
    }
    return plan_.segments.size();
}

bool chunk_coverage::live_id(std::uint64_t record_id) const {
    if (plan_.segments.empty()) return true;  // nothing surveyed: nothing to judge by
    if (part_of(record_id) < plan_.segments.size()) return true;
    return !plan_.held_by_trusted(record_id) && record_id <= plan_.newest_possible_id;
}

bool chunk_coverage::first_delivery(std::uint64_t record_id) {
    if (!has_copies_) return true;
    std::lock_guard lock(delivered_ids_mutex_);
    return delivered_ids_.insert(record_id).second;
}

bool chunk_coverage::records_checksum_wrong(std::size_t part) const {
    return part < records_checksum_ok_.size() && !records_checksum_ok_[part];
}

bool chunk_coverage::segment_done(const std::vector<delivered_ids>& delivered_per_part,
                                  std::uint64_t unattributed_failures, bool strict, record_visitor& visitor) {
    std::lock_guard lock(mutex_);
    unattributed_failures_ += unattributed_failures;
    for (std::size_t i = 0; i < delivered_per_part.size() && i < delivered_.size(); ++i) {
        delivered_[i].add(delivered_per_part[i]);
    }
    if (segments_left_ > 0 && --segments_left_ == 0) {
        report(strict, visitor);
        return true;
    }
    return false;
}

std::uint64_t chunk_coverage::shortfall(std::size_t i) const {
    const binxml::planned_segment& part = plan_.segments[i];
    const delivered_ids& got = delivered_[i];
    if (!part.live) return 0;
    // Unknown bounds are taken from the ids libevtx delivered, as the fast engine takes them from the ids it finds.
    std::uint64_t first = part.expected_first.value_or(got.lowest);
    std::uint64_t last = part.expected_last.value_or(got.highest);
    if (got.count == 0 && (!part.expected_first || !part.expected_last)) return part.at_least_one ? 1 : 0;
    const std::uint64_t owned = plan_.owned_ids(part, first, last);
    return owned > got.count ? owned - got.count : 0;
}

void chunk_coverage::report(bool strict, record_visitor& visitor) const {
    for (const std::string& note : plan_.notes) visitor.on_warning(read_error{.file = path_, .offset = 0, .reason = note});
    // Failures already reported without a known id belong to parts that fall
    // short; they are taken off the shortfalls in file order (the order
    // libevtx numbers records in), so nothing is counted twice.
    std::uint64_t unattributed = unattributed_failures_;
    auto unreported = [&](std::uint64_t lost) {
        const std::uint64_t already_reported = std::min(lost, unattributed);
        unattributed -= already_reported;
        return lost - already_reported;
    };
    for (std::size_t i = 0; i < plan_.segments.size(); ++i) {
        const binxml::planned_segment& part = plan_.segments[i];
        read_error where{.file = path_, .offset = binxml::chunk_file_offset(part.first_chunk), .chunk = part.first_chunk};
        if (!part.live) {
            if (!part.trusted && part.not_zeroed) {
                where.reason = part.damage + ": outside the live log";
                visitor.on_warning(where);
            }
            continue;
        }
        if (part.trusted && records_checksum_wrong(i)) {
            if (strict) {
                // Its records were not delivered (the reader skips them);
                // those libevtx failed on were reported already.
                where.reason = "chunk records checksum mismatch: chunk skipped (--strict)";
                visitor.on_record_error(where, unreported(shortfall(i)));
                continue;
            }
            where.reason = "chunk records checksum mismatch: records read, their content may have been altered";
            visitor.on_warning(where);
        }
        const std::uint64_t lost = unreported(shortfall(i));
        if (lost == 0) {
            if (!part.trusted) {
                where.reason = part.damage + ": no record of the live log is missing there";
                visitor.on_warning(where);
            }
            continue;
        }
        if (part.trusted) {
            where.reason = "the chunk header declares " + std::to_string(part.allowed.size()) +
                           " records; libevtx skipped " + std::to_string(lost) + " of them without an error";
        } else {
            where.reason = part.damage + ": " + std::to_string(lost) + (lost == 1 ? " record" : " records") +
                           " of the live log lost" + (part.at_least_one && delivered_[i].count == 0
                                                          ? " (at least: the file header counts it as written)"
                                                          : "");
        }
        visitor.on_record_error(where, lost);
    }
}

}  // namespace evtxcar::libevtx
