#pragma once
// record_wire: what the libevtx process and evtxcar say to each other, as
// length-prefixed frames (u32 size, then the message; numbers little-endian,
// text as u32 size and bytes). Both ends are the same program, so the format
// needs no version.
//
//   evtxcar -> libevtx process: read records [first, end) (live or
//                               recovered), or nothing more (the socket closes)
//   libevtx process -> evtxcar: the file's facts once, then per request its
//                               records and failures in order, then "done"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../event_record.hpp"
#include "../result.hpp"

namespace evtxcar::libevtx {

enum class wire_kind : std::uint8_t {
    file_facts = 1,  // libevtx opened the file (or could not: an error follows)
    record = 2,
    failure = 3,
    done = 4,
    request = 5,
};

// What libevtx says about the file when it opens it.
struct wire_file_facts {
    bool opened = false;
    std::string open_error;  // when not opened
    std::uint16_t major_version = 0;
    std::uint16_t minor_version = 0;
    std::uint32_t flags = 0;
    std::int32_t records = 0;
    std::int32_t recovered_records = 0;
};

struct wire_request {
    std::int32_t first = 0;
    std::int32_t end = 0;
    bool recovered = false;
};

// A record or a failure with the record header's id, which chunk headers
// count in (the event's EventRecordID may differ).
struct wire_item {
    bool has_header_id = false;
    std::uint64_t header_id = 0;
    event_record record;  // kind == record
    read_error failure;   // kind == failure (no file: the reader fills it in)
};

class wire_writer {
public:
    void file_facts(const wire_file_facts& facts);
    void request(const wire_request& request);
    void record(const event_record& record, bool has_header_id, std::uint64_t header_id);
    void failure(const read_error& failure, bool has_header_id, std::uint64_t header_id);
    void done();

    const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    void clear() { bytes_.clear(); }

private:
    void begin(wire_kind kind);
    void begin_item(wire_kind kind, bool has_header_id, std::uint64_t header_id);
    void end_frame();
    void u8(std::uint8_t value);
    void u16(std::uint16_t value);
    void u32(std::uint32_t value);
    void u64(std::uint64_t value);
    void text(std::string_view value);

    std::vector<std::uint8_t> bytes_;
    std::size_t frame_start_ = 0;
};

// Reads one frame's message (the bytes after its size).
class wire_reader {
public:
    explicit wire_reader(const std::vector<std::uint8_t>& message) : data_(message.data()), end_(data_ + message.size()) {}

    wire_kind kind();
    bool file_facts(wire_file_facts& facts);
    bool request(wire_request& request);
    bool item(wire_kind kind, wire_item& item);  // kind: record or failure

private:
    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    std::string text();
    template <typename T>
    T number();

    const std::uint8_t* data_;
    const std::uint8_t* end_;
    bool ok_ = true;
};

}  // namespace evtxcar::libevtx
