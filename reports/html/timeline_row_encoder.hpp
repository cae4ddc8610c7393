#pragma once
// timeline_row_encoder: turns car_events into the compact rows of
// report.html's timeline, and keeps the tables those rows refer to.
//
// A row is a JSON array  [time, record, shape, value, value, ...]
//   time    ticks since the previous row (the first row: since `base_time`),
//           or, when that is not a safe JavaScript integer, the absolute
//           FILETIME as a decimal string
//   record  EventRecordID minus the previous record id of the same file (0
//           before the file's first row), or, when that is not a safe
//           JavaScript integer, the absolute id as a decimal string
//   shape   index into `shapes`, or the shape itself when the table is full
//   values  one per field the shape lists: a number is an index into
//           `strings`, a string is the text itself. A text goes into
//           `strings` when it is seen again (short texts never do), so
//           text that occurs once costs no more than itself.
// A shape is [host, object, action, file index, channel, provider, event id,
// [analytics], [field numbers]], field numbers indexing `fields`
// (car_field_names) and, from car_field_count on, `payload_fields`: a
// generic event's values are its CAR host fields, then its payload fields
// (names as in `details`). The host is the event's hostname field, which is
// therefore not repeated among the values. Past max_payload_names distinct
// names, a generic event's payload is one value, its `details` text, under
// the name "details".
//
// Memory stays bounded: both tables stop growing at fixed limits, and rows
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
    static constexpr std::size_t min_string_length = 4;  // shorter: an index would not be shorter
    static constexpr std::size_t seen_slots = std::size_t{1} << 20;
    static constexpr std::size_t max_payload_names = 8192;

    // Appends the event's row (no separator).
    void append_row(std::string& out, const car_event& event);

    // The tables rows refer to, as members of the current JSON object:
    // "base_time", "fields", "payload_fields", "strings", "shapes".
    void append_tables(embedded_json& json) const;

    std::size_t string_count() const { return strings_.size(); }
    std::size_t shape_count() const { return shapes_.size(); }

private:
    void append_time(std::string& out, filetime_ticks time);
    void append_record_id(std::string& out, const car_event& event);
    void append_shape(std::string& out, const car_event& event);
    void append_value(std::string& out, const std::string& text);
    bool seen_before(const std::string& text);  // and remembers it
    // The generic event's payload as (field number, text) pairs, in payload_values_.
    void collect_payload(const car_event& event);

    bool has_base_ = false;
    filetime_ticks base_time_ = 0;
    filetime_ticks previous_time_ = 0;
    std::unordered_map<std::uint32_t, std::uint64_t> previous_record_id_;  // by file index

    std::unordered_map<std::string, std::uint32_t> string_index_;
    std::vector<const std::string*> strings_;  // keys of string_index_, in index order
    std::size_t string_bytes_ = 0;
    std::vector<std::uint64_t> seen_;  // fingerprints of texts seen once, by hash slot

    std::unordered_map<std::string, std::uint32_t> shape_index_;  // identity -> index
    std::vector<std::string> shapes_;                             // JSON text, in index order
    std::string shape_identity_;                                  // scratch
    std::string shape_json_;                                      // scratch

    std::unordered_map<std::string, std::uint32_t> payload_number_;  // payload field name -> field number
    std::vector<std::string> payload_names_;                        // from car_field_count on
    std::vector<std::pair<std::uint32_t, std::string>> payload_values_;  // scratch, for one generic event
};

}  // namespace evtxcar
