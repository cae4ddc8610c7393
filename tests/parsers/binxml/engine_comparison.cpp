#include "engine_comparison.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <utility>

#include "binxml/binxml_engine.hpp"
#include "binxml/binxml_format.hpp"
#include "binxml/byte_span.hpp"
#include "binxml/file_source.hpp"
#include "difference_kinds.hpp"
#include "libevtx/libevtx_engine.hpp"

namespace evtxcar::testing {

namespace {

constexpr std::size_t unpaired = ~std::size_t{0};

bool same_event(event_record a, event_record b) {
    a.file_offset = b.file_offset = 0;
    return a == b;
}

// Pairs records of two engines: first by (EventRecordID, recovered,
// occurrence), then the rest by (EventRecordID, occurrence).
// Returns, for each record of `a`, the index of its partner in `b`.
std::vector<std::size_t> pair_records(const std::vector<event_record>& a, const std::vector<event_record>& b) {
    std::vector<std::size_t> partner(a.size(), unpaired);
    std::vector<bool> taken(b.size(), false);
    for (int phase = 0; phase < 2; ++phase) {
        const bool by_recovered = phase == 0;
        using key = std::tuple<std::uint64_t, bool, std::uint32_t>;
        std::map<key, std::size_t> b_index;
        std::map<std::pair<std::uint64_t, bool>, std::uint32_t> seen;
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (taken[i]) continue;
            const bool recovered = by_recovered && b[i].recovered;
            b_index[{b[i].record_id, recovered, seen[{b[i].record_id, recovered}]++}] = i;
        }
        seen.clear();
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (partner[i] != unpaired) continue;
            const bool recovered = by_recovered && a[i].recovered;
            auto found = b_index.find({a[i].record_id, recovered, seen[{a[i].record_id, recovered}]++});
            if (found == b_index.end()) continue;
            partner[i] = found->second;
            taken[found->second] = true;
        }
    }
    return partner;
}

// libevtx's reason for each fast record it did not deliver, where its
// errors can be placed: by the record id when the error has one, otherwise
// by position (the k-th error after libevtx's last delivered record is the
// k-th record after that record's partner).
std::map<std::size_t, std::string> attribute_libevtx_errors(const engine_output& slow,
                                                            const std::vector<std::size_t>& slow_to_fast,
                                                            const std::vector<bool>& fast_paired,
                                                            const engine_output& fast) {
    std::map<std::size_t, std::string> reasons;
    std::size_t anchor = unpaired;  // fast index of the partner of libevtx's last delivered record
    std::size_t errors_since = 0;
    for (long arrival : slow.arrivals) {
        if (arrival >= 0) {
            anchor = slow_to_fast[static_cast<std::size_t>(arrival)];
            errors_since = 0;
            continue;
        }
        const read_error& error = slow.errors[static_cast<std::size_t>(-1 - arrival)];
        ++errors_since;
        std::size_t candidate = unpaired;
        if (error.record_id != read_error::unknown) {
            for (std::size_t i = 0; i < fast.records.size(); ++i) {
                if (!fast_paired[i] && fast.records[i].record_id == error.record_id && !reasons.count(i)) {
                    candidate = i;
                    break;
                }
            }
        } else if (anchor != unpaired || errors_since > 0) {
            const std::size_t base = anchor == unpaired ? 0 : anchor + 1;
            candidate = base + errors_since - 1;
        }
        if (candidate < fast.records.size() && !fast_paired[candidate] && !reasons.count(candidate)) {
            reasons[candidate] = error.reason;
        }
    }
    return reasons;
}

}  // namespace

bool is_explained(const std::string& category) { return category.rfind("unexplained", 0) != 0; }

bool acceptable(const file_comparison& comparison) {
    auto explained = [](const std::map<std::string, std::uint64_t>& counts) {
        return std::all_of(counts.begin(), counts.end(), [](const auto& row) { return is_explained(row.first); });
    };
    const bool only_debris = std::all_of(comparison.only_libevtx.begin(), comparison.only_libevtx.end(),
                                         [](const auto& row) { return row.first == kind_overwritten_template; });
    return explained(comparison.differing) && explained(comparison.only_fast) && only_debris &&
           comparison.fast_bad_offsets == 0 && comparison.files_only_libevtx_opens == 0;
}

file_comparison compare_engines(const std::string& path, const read_options& options) {
    file_comparison result;
    result.path = path;
    const engine_output slow = read_all(libevtx_engine(), path, options);
    const engine_output fast = read_all(binxml_engine(), path, options);
    result.files = 1;
    result.files_only_libevtx_opens = !slow.open_error && fast.open_error ? 1 : 0;
    result.libevtx_records = slow.records.size();
    result.fast_records = fast.records.size();

    std::uint64_t cut_chunk_start = ~std::uint64_t{0};  // where a chunk the file's end cuts short begins
    std::vector<bool> ends_at_chunk_end(fast.records.size(), false);  // the record's last byte is its chunk's
    if (auto file = binxml::file_source::open(path)) {
        const std::uint64_t size = file->size();
        if (size > binxml::file_header_size && (size - binxml::file_header_size) % binxml::chunk_size != 0) {
            cut_chunk_start = size - (size - binxml::file_header_size) % binxml::chunk_size;
        }
        for (std::size_t i = 0; i < fast.records.size(); ++i) {
            const std::uint64_t offset = fast.records[i].file_offset;
            std::uint8_t header[8];
            const auto at = file->read(offset, 8, header);
            if (!at || at->size() != 8 || std::memcmp(at->data(), "**\0\0", 4) != 0) {
                ++result.fast_bad_offsets;
                continue;
            }
            const std::uint32_t record_size = binxml::load_u32(at->data() + 4);
            ends_at_chunk_end[i] = offset >= binxml::file_header_size &&
                                   (offset - binxml::file_header_size) % binxml::chunk_size + record_size ==
                                       binxml::chunk_size;
        }
    }

    // Carved records the fast engine refused (warnings), for libevtx's
    // recovered records it does not deliver.
    std::uint64_t refused_carved = 0;
    for (const read_error& warning : fast.warnings) {
        if (warning.reason.rfind("carved record not recovered", 0) == 0) ++refused_carved;
    }
    std::uint64_t only_libevtx_recovered = 0;

    const std::vector<std::size_t> slow_to_fast = pair_records(slow.records, fast.records);
    std::vector<bool> fast_paired(fast.records.size(), false);
    for (std::size_t i = 0; i < slow.records.size(); ++i) {
        const std::size_t partner = slow_to_fast[i];
        if (partner == unpaired) {
            if (slow.records[i].recovered && ++only_libevtx_recovered <= refused_carved) {
                ++result.only_libevtx[kind_overwritten_template];
                continue;
            }
            ++result.only_libevtx["unexplained: only libevtx delivers the record"];
            if (result.examples.size() < 5) {
                const event_record& r = slow.records[i];
                result.examples.push_back(
                    path + ": record " + std::to_string(r.record_id) + (r.recovered ? " (recovered)" : "") +
                    " only from libevtx: " + r.provider_name + " event " + std::to_string(r.event_id) + ", " +
                    std::to_string(r.fields.size()) + " fields");
            }
            continue;
        }
        fast_paired[partner] = true;
        ++result.compared;
        if (same_event(slow.records[i], fast.records[partner])) {
            ++result.equal;
            continue;
        }
        std::string detail;
        const std::string category = classify_difference(slow.records[i], fast.records[partner], detail);
        ++result.differing[category];
        if (!is_explained(category) && result.examples.size() < 5) {
            result.examples.push_back(path + ": record " + std::to_string(slow.records[i].record_id) + ": " +
                                      detail.substr(0, 300));
        }
    }
    const auto reasons = attribute_libevtx_errors(slow, slow_to_fast, fast_paired, fast);
    for (std::size_t i = 0; i < fast.records.size(); ++i) {
        if (fast_paired[i]) continue;
        auto reason = reasons.find(i);
        const event_record& r = fast.records[i];
        // libevtx skips a chunk the file's end cuts short (its coverage check counts the chunk's records lost).
        if (r.file_offset >= cut_chunk_start) {
            ++result.only_fast[kind_truncated_chunk];
            continue;
        }
        // libevtx (20181227) stops before a record whose end is its chunk's end, and says nothing.
        if (ends_at_chunk_end[i] && !r.recovered && reason == reasons.end()) {
            ++result.only_fast[kind_record_at_chunk_end];
            continue;
        }
        result.only_fast_examples.push_back(
            path + ": record " + std::to_string(r.record_id) + (r.recovered ? " (recovered)" : "") + " at " +
            std::to_string(r.file_offset) + ": " + r.provider_name + " event " + std::to_string(r.event_id) + ", " +
            std::to_string(r.fields.size()) + " fields" +
            (r.fields.empty() ? "" : ", first " + r.fields[0].name + "=" + r.fields[0].value.substr(0, 60)) + " -- " +
            (reason == reasons.end() ? std::string("?") : reason->second));
        ++result.only_fast[classify_libevtx_failure(slow, reason == reasons.end() ? nullptr : &reason->second)];
    }
    return result;
}

void accumulate(file_comparison& total, const file_comparison& file) {
    total.files += file.files;
    total.files_only_libevtx_opens += file.files_only_libevtx_opens;
    total.libevtx_records += file.libevtx_records;
    total.fast_records += file.fast_records;
    total.compared += file.compared;
    total.equal += file.equal;
    total.fast_bad_offsets += file.fast_bad_offsets;
    for (const auto& [k, v] : file.differing) total.differing[k] += v;
    for (const auto& [k, v] : file.only_fast) total.only_fast[k] += v;
    for (const auto& [k, v] : file.only_libevtx) total.only_libevtx[k] += v;
}

}  // namespace evtxcar::testing
