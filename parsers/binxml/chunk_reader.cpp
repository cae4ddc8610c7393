#include "chunk_reader.hpp"

#include <cstdio>

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

// Records lost between the last record read and the next one found, judged
// by their record ids; 1 when the ids say nothing sensible.
std::uint64_t records_between(std::uint64_t last_read_id, bool have_last, std::uint64_t next_id) {
    if (!have_last || next_id <= last_read_id + 1) return 1;
    const std::uint64_t gap = next_id - last_read_id - 1;
    return gap <= 4096 ? gap : 1;
}

}  // namespace

read_error chunk_reader::error_at(std::size_t chunk_offset, std::string reason) const {
    return read_error{.file = where_.path != nullptr ? *where_.path : std::string(),
                      .offset = where_.file_offset + chunk_offset,
                      .chunk = where_.index,
                      .reason = std::move(reason)};
}

bool chunk_reader::read_record(std::size_t offset, bool recovered, record_visitor& visitor) {
    assembler_.begin(record_);
    decode_error problem;
    const std::size_t data_end = offset + chunk_.u32(offset + record_size_offset) - record_trailer_size;
    const bool ok = evaluator_.evaluate_record(offset + record_header_size, data_end, recovered, assembler_, problem) &&
                    assembler_.finish(problem);
    if (ok) {
        record_.file_offset = where_.file_offset + offset;
        record_.recovered = recovered;
        visitor.on_record(record_);
        if (!recovered) ++accounted_;
        return true;
    }
    std::string reason = "binary XML: " + std::string(problem.reason);
    if (problem.offset != 0) reason += " (at offset " + hex(where_.file_offset + problem.offset) + ")";
    read_error error = error_at(offset, std::move(reason));
    error.record_id = chunk_.u64(offset + record_id_offset);
    if (recovered) {
        // A carved record that does not decode is slack, not a lost record.
        error.reason = "carved record not recovered: " + error.reason;
        visitor.on_warning(error);
    } else {
        visitor.on_record_error(error, 1);
        ++accounted_;
    }
    return false;
}

void chunk_reader::carve(std::size_t from, record_visitor& visitor) {
    record_header header;
    for (std::size_t offset = find_next_record(chunk_, from); offset < chunk_.size();) {
        read_record_header(chunk_, offset, header);  // find_next_record found it consistent
        const bool read = read_record(offset, true, visitor);
        offset = find_next_record(chunk_, read ? offset + header.size : offset + 4);
    }
}

void chunk_reader::read(byte_span chunk, const chunk_location& where, record_visitor& visitor) {
    chunk_ = chunk;
    where_ = where;
    accounted_ = 0;
    names_.reset(chunk);
    templates_.reset();
    evaluator_.reset(chunk);

    const chunk_state state = classify_chunk(chunk);
    if (state == chunk_state::empty) return;
    if (!where.live && !options_.include_recovered) return;
    if (state == chunk_state::no_signature || chunk.size() < chunk_header_size) {
        if (where.live) {
            std::string reason = state == chunk_state::no_signature ? "chunk has no \"ElfChnk\" signature"
                                                                    : "chunk ends inside its header";
            reason += options_.include_recovered ? ": carved for recovered records" : ": its records are not read";
            visitor.on_warning(error_at(0, std::move(reason)));
        }
        if (options_.include_recovered) carve(0, visitor);
        return;
    }

    const chunk_header header = read_chunk_header(chunk);
    const bool header_ok = header.header_checksum_ok();
    if (where.live) {
        const bool records_ok = records_checksum_ok(chunk, header);  // a CRC of the whole chunk: live chunks only
        if (!header_ok) {
            visitor.on_warning(error_at(0, "chunk header checksum mismatch (stored " +
                                               hex(header.stored_header_checksum) + ", computed " +
                                               hex(header.computed_header_checksum) + ")"));
        }
        if (!records_ok) visitor.on_warning(error_at(0, "chunk record data checksum mismatch"));
        if (options_.strict && (!header_ok || !records_ok)) {
            visitor.on_record_error(error_at(0, "chunk skipped (strict): checksum mismatch"),
                                    header.claimed_record_count());
            return;
        }
    }

    // Live records run from the end of the header to the last record offset.
    // A chunk whose free space starts right after its header holds none.
    std::size_t last = header.last_record_offset;
    if (header.free_space_offset == chunk_header_size && last < chunk_header_size) {
        if (options_.include_recovered) carve(chunk_header_size, visitor);
        return;
    }
    if (last < chunk_header_size || last >= chunk.size()) {
        const std::size_t free = header.free_space_offset;
        last = free > chunk_header_size && free <= chunk.size() ? free - 1 : chunk.size() - 1;
        if (where.live) {
            visitor.on_warning(error_at(0, "chunk's last record offset " + hex(header.last_record_offset) +
                                               " lies outside its records: read up to " + hex(last + 1)));
        }
    }
    std::size_t offset = chunk_header_size;
    std::uint64_t last_read_id = 0;
    bool have_last = false;
    while (offset <= last) {
        record_header record;
        const record_header_status status = read_record_header(chunk, offset, record);
        if (status == record_header_status::ok) {
            if (read_record(offset, !where.live, visitor)) {
                last_read_id = record.record_id;
                have_last = true;
            }
            offset += record.size;
            continue;
        }
        const std::size_t next = find_next_record(chunk, offset + 4);
        if (where.live) {
            std::uint64_t lost = 1;
            record_header following;
            if (next <= last && read_record_header(chunk, next, following) == record_header_status::ok) {
                lost = records_between(last_read_id, have_last, following.record_id);
            }
            std::string reason(describe(status));
            reason += next <= last ? ": reading resumes at offset " + hex(where_.file_offset + next)
                                   : ": rest of the chunk skipped";
            visitor.on_record_error(error_at(offset, std::move(reason)), lost);
            accounted_ += lost;
        }
        offset = next;
    }
    // Records the header counts that neither arrived nor were reported: a
    // chunk cut short by the end of the file, or damage that hid the last
    // records. Only a header whose checksum holds is believed.
    if (where.live && header_ok) {
        const std::uint64_t claimed = header.claimed_record_count();
        if (claimed > accounted_) {
            const std::uint64_t missing = claimed - accounted_;
            std::string reason = std::to_string(missing) + " of the " + std::to_string(claimed) +
                                 " records the chunk header counts " +
                                 (chunk.size() < chunk_size ? "lie past the end of the file"
                                                            : "could not be found in the chunk");
            visitor.on_record_error(error_at(std::min(offset, chunk.size()), std::move(reason)), missing);
        }
    }
    if (options_.include_recovered) carve(offset, visitor);
}

}  // namespace evtxcar::binxml
