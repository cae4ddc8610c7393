#pragma once
// The record source interface: an engine opens an EVTX file and delivers its
// records, segment by segment, to a visitor. Two engines implement it:
// parsers/libevtx (libevtx) and parsers/binxml (our own reader). Both must
// deliver identical event_records for the same file.
//
// Threading: an engine is shared by every worker thread (open() is const and
// thread-safe); a reader belongs to one thread at a time. Segments of one
// file are independent, so several threads may each open their own reader on
// the same file and read different segments.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "event_record.hpp"
#include "result.hpp"

namespace evtxcar {

// The payloads (EventData/UserData) of one provider that a reader wants:
// those of `event_ids`, or of every event id when it is empty.
struct payload_request {
    std::string provider;
    std::vector<std::uint32_t> event_ids;
};

struct read_options {
    bool include_recovered = false;  // also deliver records carved from slack space
    bool strict = false;             // skip chunks whose checksum is wrong (instead of reading and flagging them)
    // Payloads wanted, by provider. Empty: every payload. Records whose
    // payload is not wanted may arrive with kind == none and no fields;
    // engines that cannot save work by skipping them fill them anyway.
    std::vector<payload_request> payloads;

    bool wants_payload(std::string_view provider, std::uint32_t event_id) const {
        if (payloads.empty()) return true;
        for (const payload_request& wanted : payloads) {
            if (wanted.provider != provider) continue;
            if (wanted.event_ids.empty()) return true;
            for (std::uint32_t id : wanted.event_ids) {
                if (id == event_id) return true;
            }
        }
        return false;
    }
};

// Facts from the file header and the engine's first look at the file.
struct evtx_file_info {
    std::uint16_t major_version = 0;
    std::uint16_t minor_version = 0;
    std::uint64_t chunk_count = 0;      // chunks the engine will read
    bool dirty = false;                 // header flag: not closed cleanly
    bool full = false;                  // header flag: log full
};

// Receives what a segment yields. A record error means one record (or, with
// records_lost > 1, a run of records) could not be read; reading goes on.
// A warning is a defect that lost nothing (e.g. a chunk checksum mismatch on
// a chunk that was still read).
class record_visitor {
public:
    virtual ~record_visitor() = default;
    virtual void on_record(const event_record& record) = 0;
    virtual void on_record_error(const read_error& error, std::uint64_t records_lost) = 0;
    virtual void on_warning(const read_error& warning) = 0;
};

class evtx_file_reader {
public:
    virtual ~evtx_file_reader() = default;
    virtual const evtx_file_info& info() const = 0;
    // Independent parts of the file (ranges of records, or chunks); reading
    // every segment once reads the whole file.
    virtual std::uint32_t segment_count() const = 0;
    // Rough number of records in a segment, for scheduling and progress.
    virtual std::uint64_t segment_weight(std::uint32_t segment) const = 0;
    virtual void read_segment(std::uint32_t segment, record_visitor& visitor) = 0;
};

class evtx_engine {
public:
    virtual ~evtx_engine() = default;
    virtual std::string_view name() const = 0;
    // Fails (with the reason) when the file cannot be read at all: missing,
    // empty, not EVTX, header unreadable.
    virtual result<std::unique_ptr<evtx_file_reader>> open(const std::string& path,
                                                           const read_options& options) const = 0;
};

}  // namespace evtxcar
