#pragma once
// timeline_row_encoder: turns car_events into the compact rows of
// report.html's timeline, and keeps the tables those rows refer to.
//
// The rows are text, one row per line (no line break after the last), its
// parts separated by TAB:
//   time    ticks since the previous row (the first row: since `base_time`),
//           or "=" and the absolute FILETIME when that difference is negative
//           or not a safe JavaScript integer
//   record  EventRecordID minus the previous record id of the same file (0
//           before the file's first row), or "=" and the absolute id when
//           that is not a safe JavaScript integer
//   shape   index into `shapes`, or the shape itself (JSON, starting with
//           '[') when the table is full
//   values  the shape's CAR fields' texts, then those of its payload fields
//           that have their own (below), then the record's user SID when the
//           shape says it follows. Each is a reference to `strings` or the
//           text itself, written as row_text.hpp says. A text goes into
//           `strings` when it is seen again (short texts never do), so text
//           that occurs once costs no more than itself.
// A line "~N" instead of a row is a gap: N events left out (the row cap).
//
// A shape is the JSON array
//   [host, object, action, file index, channel, provider, event id,
//    [analytics], [CAR field numbers], [payload fields], payload kind,
//    payload name, level, task, opcode, keywords, version, user SID,
//    [copies]]
// CAR field numbers index `fields` (car_field_names). A payload field is a
// number p, the payload name `payload_fields[p - car_field_count]` whose
// text follows among the values, or [p, k]: its text is the same as the
// row's k-th value (0: the first after the shape), so that a typed event's
// EventData, which mostly repeats its CAR fields, costs nothing per row.
// Payload kind: 0 none, 1 EventData, 2 UserData (payload name: the element
// below UserData). Keywords: "0x" and 16 hex digits. User SID: null when
// the record has none, -1 when it follows as the last value, else k (the
// same text as the k-th value). Copies: the other files holding the event.
// The host is the event's hostname field, which is therefore not repeated
// among the values. Past max_payload_names distinct names, an event's
// payload is one value under the name "EventData": its fields as
// name=value lines.
//
// Memory stays bounded: the tables stop growing at fixed limits, and rows
// after that carry their text inline; texts seen once are remembered by a
// fingerprint in a table of fixed size (a lost fingerprint only means a
// text stays inline once more).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

class embedded_json;

class timeline_row_encoder {
public:
    static constexpr std::size_t max_strings = 262144;
    static constexpr std::size_t max_string_bytes = std::size_t{32} << 20;
    static constexpr std::size_t max_shapes = 16384;
    static constexpr std::size_t min_string_length = 4;  // shorter: a reference would not be shorter
    static constexpr std::size_t seen_slots = std::size_t{1} << 20;
    static constexpr std::size_t max_payload_names = 8192;

    // Appends the event's row (no line break).
    void append_row(std::string& out, const car_event& event);

    // The tables rows refer to, as members of the current JSON object:
    // "base_time", "fields", "payload_fields", "strings", "shapes".
    void append_tables(embedded_json& json) const;

    std::size_t string_count() const { return strings_.size(); }
    std::size_t shape_count() const { return shapes_.size(); }

private:
    // One payload field of the event being encoded.
    struct payload_entry {
        std::uint32_t name = 0;      // field number (car_field_count + index into payload_names_)
        std::int64_t same_as = -1;   // the row value with the same text, or -1: its own value
        std::string_view text;
    };
    struct transparent_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using name_table = std::unordered_map<std::string, std::uint32_t, transparent_hash, std::equal_to<>>;

    void append_time(std::string& out, filetime_ticks time);
    void append_record_id(std::string& out, const car_event& event);
    void append_shape(std::string& out, const car_event& event);
    void append_value(std::string& out, std::string_view text);
    bool seen_before(std::string_view text);  // and remembers it
    // The event's payload as entries, in payload_; its user SID's place in user_sid_.
    void collect_payload(const car_event& event);
    std::int64_t same_value(const car_event& event, std::string_view text) const;

    bool has_base_ = false;
    filetime_ticks base_time_ = 0;
    filetime_ticks previous_time_ = 0;
    std::unordered_map<std::uint32_t, std::uint64_t> previous_record_id_;  // by file index

    name_table string_index_;
    std::vector<const std::string*> strings_;  // keys of string_index_, in index order
    std::size_t string_bytes_ = 0;
    std::vector<std::uint64_t> seen_;  // fingerprints of texts seen once, by hash slot

    std::unordered_map<std::string, std::uint32_t> shape_index_;  // identity -> index
    std::vector<std::string> shapes_;                             // JSON text, in index order
    std::string shape_identity_;                                  // scratch
    std::string shape_json_;                                      // scratch

    name_table payload_number_;               // payload field name -> field number
    // The payload names of the last event of each event id, and their
    // numbers: events of one id mostly repeat them, which saves hashing them.
    struct name_run {
        std::string provider;
        std::vector<std::string> names;   // as the fields have them ("" for Data[n])
        std::vector<std::uint32_t> numbers;
    };
    std::unordered_map<std::uint32_t, name_run> recent_names_;
    std::vector<std::string> payload_names_;  // from car_field_count on
    std::vector<payload_entry> payload_;      // scratch, for one event
    std::string payload_fallback_;            // scratch: the payload as one text
    std::string label_;                       // scratch
    std::int64_t user_sid_ = -2;              // -2 none, -1 follows, else the row value it repeats
};

}  // namespace evtxcar
