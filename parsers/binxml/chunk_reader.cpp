#include "chunk_reader.hpp"

#include <algorithm>
#include <cstdio>

#include "../filetime.hpp"
#include "binxml_format.hpp"
#include "chunk_header.hpp"
#include "record_header.hpp"

namespace evtxcar::binxml {

namespace {

std::string hex(std::uint64_t value) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(value));
    return buffer;
}

std::string text(std::uint64_t value) { return std::to_string(value); }

std::string ids_text(std::uint64_t first, std::uint64_t last) {
    return first == last ? "id " + text(first) : "ids " + text(first) + "-" + text(last);
}

std::string records_text(std::uint64_t count) { return count == 1 ? "1 record" : text(count) + " records"; }

}  // namespace

read_error chunk_reader::error_in_file(std::uint64_t chunk, std::uint64_t file_offset, std::string reason) const {
    return read_error{.file = path_ != nullptr ? *path_ : std::string(),
                      .offset = file_offset,
                      .chunk = chunk,
                      .reason = std::move(reason)};
}

read_error chunk_reader::error_at(std::size_t chunk_offset, std::string reason) const {
    return error_in_file(index_, file_offset_ + chunk_offset, std::move(reason));
}

void chunk_reader::begin(const planned_segment& segment, const file_plan& plan, const std::string* path) {
    segment_ = &segment;
    path_ = path;
    templates_.keep_for_later_chunks(plan.segments.size() > 1);
    ledger_.begin(segment, plan);
    damage_ = {};
    claimed_ = segment.trusted ? segment.allowed.size() : 0;
    cut_short_ = false;
    skipped_strict_ = false;
    lost_so_far_ = 0;
    stopped_at_ = file_header_size + segment.first_chunk * chunk_size;
}

void chunk_reader::note_damage(std::size_t offset, std::string reason, bool in_trusted_records) {
    if (damage_.seen) return;
    damage_ = {.seen = true,
               .chunk = index_,
               .file_offset = file_offset_ + offset,
               .reason = std::move(reason),
               .in_trusted_records = in_trusted_records};
}

void chunk_reader::read(byte_span chunk, std::uint64_t index, std::uint64_t file_offset, record_visitor& visitor) {
    chunk_ = chunk;
    index_ = index;
    file_offset_ = file_offset;
    names_.reset(chunk);
    templates_.reset(chunk);
    evaluator_.reset(chunk);
    if (chunk.empty()) return;  // the file ends before this chunk: finish() reports what it held
    if (chunk.size() < chunk_size) cut_short_ = true;
    const bool copy = std::find(segment_->copies.begin(), segment_->copies.end(), index) != segment_->copies.end();
    if (segment_->live && !copy) {
        read_live(visitor);
    } else if (options_.include_recovered) {
        read_leftover(visitor);
    }
}

void chunk_reader::account(std::size_t offset, std::uint64_t id, record_visitor& visitor) {
    const std::uint64_t from = ledger_.first_unaccounted();
    const bool first_found = !ledger_.started();
    const std::uint64_t skipped = ledger_.take(id);
    if (first_found && !segment_->expected_first && damage_.seen && !segment_->trusted) {
        // Nothing says where the run's ids began, but its first record is damaged: at least one is lost.
        visitor.on_record_error(error_in_file(damage_.chunk, damage_.file_offset,
                                              segment_->damage + ": " + damage_.reason +
                                                  " before the first record found (id " + text(id) +
                                                  "): at least 1 record lost"),
                                1);
        ++lost_so_far_;
        damage_ = {};
        return;
    }
    if (skipped > 0) {
        const std::string lost = records_text(skipped) + " lost (" + ids_text(from, id - 1) +
                                 "): reading resumes at offset " + hex(file_offset_ + offset);
        // In a damaged run the run's damage says why; in a trusted chunk, the damage met since the last record.
        read_error error = !segment_->trusted
                               ? error_in_file(damage_.seen ? damage_.chunk : index_,
                                               damage_.seen ? damage_.file_offset : file_offset_ + offset,
                                               segment_->damage + ": " + lost)
                           : damage_.seen ? error_in_file(damage_.chunk, damage_.file_offset, damage_.reason + ": " + lost)
                                          : error_at(offset, "record ids are missing before this record: " + lost);
        visitor.on_record_error(error, skipped);
        lost_so_far_ += skipped;
    } else if (damage_.seen && damage_.in_trusted_records) {
        visitor.on_warning(error_in_file(damage_.chunk, damage_.file_offset,
                                         damage_.reason + ": no record is missing (the record ids go on)"));
    }
    damage_ = {};
}

bool chunk_reader::read_record(std::size_t offset, bool live, bool carved, record_visitor& visitor) {
    assembler_.begin(record_);
    decode_error problem;
    const std::size_t data_end = offset + chunk_.u32(offset + record_size_offset) - record_trailer_size;
    const bool ok = evaluator_.evaluate_record(offset + record_header_size, data_end, carved, assembler_, problem) &&
                    assembler_.finish(problem);
    if (ok) {
        record_.file_offset = file_offset_ + offset;
        record_.recovered = !live;
        visitor.on_record(record_);
        return true;
    }
    std::string reason = "binary XML: " + std::string(problem.reason);
    if (problem.offset != 0) reason += " (at offset " + hex(file_offset_ + problem.offset) + ")";
    // The record header still says which record this was and when it was written.
    reason += "; record written " + format_iso8601_utc(chunk_.u64(offset + record_written_time_offset));
    read_error error = error_at(offset, std::move(reason));
    error.record_id = chunk_.u64(offset + record_id_offset);
    if (live) {
        visitor.on_record_error(error, 1);
        ++lost_so_far_;
    } else {
        // Slack is expected to hold debris: a carved record that does not decode is not a lost record.
        error.reason = (carved ? "carved record not recovered: " : "recovered record not read: ") + error.reason;
        visitor.on_warning(error);
    }
    return false;
}

void chunk_reader::carve(std::size_t from, record_visitor& visitor) {
    record_header header;
    for (std::size_t offset = find_next_record(chunk_, from); offset < chunk_.size();) {
        read_record_header(chunk_, offset, header);  // find_next_record found it consistent
        const bool read = read_record(offset, false, true, visitor);
        offset = find_next_record(chunk_, read ? offset + header.size : offset + 4);
    }
}

void chunk_reader::read_leftover(record_visitor& visitor) {
    const chunk_state state = classify_chunk(chunk_);
    if (state == chunk_state::empty) return;
    if (!segment_->trusted || chunk_.size() < chunk_header_size) {
        carve(state == chunk_state::no_signature ? 0 : chunk_header_size, visitor);
        return;
    }
    // A whole chunk whose header holds, but whose ids are not the live log's:
    // its records are intact (their templates and names are its own), so
    // they are read as such, and only its slack is carved.
    const chunk_header header = read_chunk_header(chunk_);
    const std::size_t last = header.last_record_offset;
    std::size_t offset = chunk_header_size;
    while (last >= chunk_header_size && offset <= last && offset < chunk_.size()) {
        record_header record;
        if (read_record_header(chunk_, offset, record) != record_header_status::ok) {
            offset = find_next_record(chunk_, offset + 4);
            continue;
        }
        read_record(offset, false, false, visitor);
        offset += record.size;
    }
    carve(offset, visitor);
}

void chunk_reader::read_live(record_visitor& visitor) {
    const bool trusted = segment_->trusted && chunk_.size() >= chunk_header_size;
    // Record starts at or below this offset are the chunk's records by its
    // header; a damaged chunk is walked to its end.
    std::size_t records_end = chunk_.size();
    if (trusted) {
        const chunk_header header = read_chunk_header(chunk_);
        const bool records_ok = records_checksum_ok(chunk_, header);
        if (!records_ok) visitor.on_warning(error_at(0, "chunk record data checksum mismatch"));
        if (options_.strict && !records_ok) {
            skipped_strict_ = true;
            visitor.on_record_error(error_at(0, "chunk skipped (strict): checksum mismatch"), ledger_.unaccounted());
            return;
        }
        std::size_t last = header.last_record_offset;
        if (header.free_space_offset == chunk_header_size && last < chunk_header_size) {
            if (options_.include_recovered) carve(chunk_header_size, visitor);  // a chunk without records
            return;
        }
        if (last < chunk_header_size || last >= chunk_.size()) {
            const std::size_t free = header.free_space_offset;
            last = free > chunk_header_size && free <= chunk_.size() ? free - 1 : chunk_.size() - 1;
            visitor.on_warning(error_at(0, "chunk's last record offset " + hex(header.last_record_offset) +
                                               " lies outside its records: read up to " + hex(last + 1)));
        }
        records_end = last;
    }

    std::size_t offset = chunk_header_size;
    bool said_beyond = false;
    bool said_stray = false;
    while (chunk_.contains(offset, record_header_size + record_trailer_size)) {
        const bool in_records = offset <= records_end;
        // Past a trusted chunk's records only while ids it claims are missing.
        if (trusted && !in_records && ledger_.unaccounted() == 0) break;
        record_header record;
        const record_header_status status = read_record_header(chunk_, offset, record);
        if (status != record_header_status::ok) {
            if (!trusted || in_records) note_damage(offset, std::string(describe(status)), trusted);
            offset = find_next_record(chunk_, offset + 4);
            continue;
        }
        if (ledger_.eligible(record.record_id)) {
            if (trusted && !in_records && !said_beyond) {
                said_beyond = true;
                visitor.on_warning(error_at(offset, "records of the chunk lie past its header's last record offset " +
                                                        hex(file_offset_ + records_end) + ": read on"));
            }
            account(offset, record.record_id, visitor);
            read_record(offset, true, false, visitor);
        } else if (trusted && in_records && ledger_.stray_eligible(record.record_id)) {
            if (!said_stray) {
                said_stray = true;
                visitor.on_warning(error_at(offset, "record id " + text(record.record_id) +
                                                        " does not follow the chunk's ids " + ids_text(segment_->allowed.first, segment_->allowed.last) +
                                                        ": part of the chunk was written over by records of another "
                                                        "time, read as live records"));
            }
            ledger_.take_stray(record.record_id);
            read_record(offset, true, false, visitor);
        } else {
            if (trusted && in_records) {
                note_damage(offset, "a record whose id " + text(record.record_id) + " does not follow the chunk's ids",
                            true);
            }
            if (options_.include_recovered) read_record(offset, false, true, visitor);
        }
        offset += record.size;
    }
    stopped_at_ = file_offset_ + std::min(offset, chunk_.size());
    if (trusted && options_.include_recovered) carve(offset, visitor);
}

void chunk_reader::finish(record_visitor& visitor) {
    const planned_segment& segment = *segment_;
    const read_error at_run = error_in_file(segment.first_chunk,
                                            file_header_size + segment.first_chunk * chunk_size, segment.damage);
    if (!segment.live) {
        if (!segment.trusted && segment.not_zeroed) {
            read_error warning = at_run;
            warning.reason += options_.include_recovered ? ": outside the live log, carved for recovered records"
                                                         : ": outside the live log, its records are not read";
            visitor.on_warning(warning);
        }
        return;
    }
    if (skipped_strict_) return;
    std::uint64_t lost = ledger_.unaccounted();
    const bool at_least_one = lost == 0 && segment.at_least_one && !ledger_.started();
    if (lost == 0 && !at_least_one) {
        if (!segment.trusted && lost_so_far_ == 0) {
            read_error warning = at_run;
            warning.reason += ledger_.started() ? ": every record it was to hold was found and read"
                                                : ": the record ids around it say no record is missing there";
            visitor.on_warning(warning);
        }
        return;
    }
    const std::string damage_seen =
        damage_.seen ? " (" + damage_.reason + " at offset " + hex(damage_.file_offset) + ")" : std::string();
    if (segment.trusted) {
        std::string reason = text(lost) + " of the " + text(claimed_) + " records the chunk header counts " +
                             (cut_short_ ? "lie past the end of the file" : "could not be found in the chunk" + damage_seen);
        visitor.on_record_error(error_in_file(segment.first_chunk, stopped_at_, std::move(reason)), lost);
        return;
    }
    read_error error = at_run;
    if (at_least_one) {
        lost = 1;
        error.reason += ": the file header counts it as written and no record of it could be read: at least 1 "
                        "record lost";
    } else {
        const std::uint64_t from = ledger_.first_unaccounted();
        error.reason += ": " + records_text(lost) + " lost (" + ids_text(from, *segment.expected_last) + ")";
    }
    visitor.on_record_error(error, lost);
}

}  // namespace evtxcar::binxml
