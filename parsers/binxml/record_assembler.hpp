#pragma once
// record_assembler: fills an event_record from the elements, attributes and
// text of one evaluated record, following the field rules of
// event_record.hpp exactly as event_xml.cpp applies them to libevtx's XML
// (which element and attribute feed which field, first attribute of a name
// wins, text content concatenated, UserData flattened into paths), without
// building the XML.
//
// The evaluator calls, for every element in document order:
//   start_element (false: skip its attributes and content, no end_element)
//   attribute*    (ask wants_attribute first to save composing the value)
//   text* or the child elements
//   end_element

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../event_record.hpp"
#include "../record_source.hpp"
#include "decode_error.hpp"
#include "name_table.hpp"
#include "value_ref.hpp"

namespace evtxcar::binxml {

class record_assembler {
public:
    explicit record_assembler(const read_options& options) : options_(options) {}

    // Starts a record: every event field is reset, capacity kept.
    void begin(event_record& record);
    bool start_element(const name_entry& name);
    bool wants_attribute(const name_entry& name) const;
    void attribute(const name_entry& name, std::string_view text);
    void attribute(const name_entry& name, const value_ref& value);
    void text(std::string_view text);
    void text(const value_ref& value);
    void end_element();
    // Which template the elements that follow come from (any value that
    // tells templates apart): records of one template keep their payload
    // fields in a set of their own, so that records of templates with
    // different numbers of fields, one after the other, do not move fields
    // to and fro (the fields a record gets are the same either way).
    void template_begins(const void* kind) { fields_kind_ = kind; }

    // Shortcuts the evaluator takes for the most common elements, with the
    // same effect as the calls above.
    // The current element is <EventData>.
    bool in_event_data() const { return depth_ != 0 && frames_[depth_ - 1].kind == frame_kind::event_data; }
    // An element below <EventData> whose only attribute is Name="`name`" and
    // whose text is `value`'s (nullptr: no text): start_element, attribute,
    // text, end_element.
    void named_field(std::string_view name, const value_ref* value);
    // An element `field` (EventID, Level, ...) would be a number of <System>,
    // the current element.
    bool numeric_system_field(known_name field) const;
    // Such an element without attributes, whose text is `value`'s (nullptr:
    // no text): start_element, text, end_element.
    void system_number(known_name field, const value_ref* value);
    // The same for Channel and Computer.
    bool text_system_field(known_name field) const;
    void system_text(known_name field, const value_ref* value);
    // Completes the record; fails when there was no <Event> root element,
    // or no <System> element with Provider and EventID below it.
    bool finish(decode_error& error);

private:
    enum class frame_kind : std::uint8_t {
        event,              // the root <Event>
        system,             // <System>
        system_field,       // a child of <System> that feeds a field (or, for Channel and
                            // Computer, any element below it: their text counts too)
        event_data,         // <EventData>
        event_data_field,   // a child of <EventData>: one payload field
        event_data_inner,   // below such a child: text only
        user_data,          // <UserData>
        user_data_element,  // its first element child (the payload root) and everything below
    };
    struct frame {
        frame_kind kind = frame_kind::event;
        known_name field = known_name::other;  // system_field: which one
        std::uint32_t seen_attributes = 0;     // bit per known_name: first attribute of a name wins
        bool has_child = false;                // user_data_element: has element children
        bool is_root = false;                  // user_data_element: the payload root
        std::size_t path_size = 0;             // user_data_element: size of path_ before this element
        std::size_t leaf_field = no_field;     // user_data_element: field holding its text
    };
    static constexpr std::size_t no_field = ~std::size_t{0};

    bool payload_wanted() const;
    // read_options wants the payload of this record's provider and event id.
    bool provider_wanted() const;
    // The string the current element's text goes to; nullptr when it is dropped.
    std::string* text_target();
    bool in_numeric_field() const;
    frame& push_frame(frame_kind kind, known_name field = known_name::other);
    payload_field& new_field();
    bool first_attribute(frame& f, known_name name);
    void set_attribute_text(frame& f, known_name name, std::string_view text);
    void finish_number(const frame& f);
    void append_value(std::string& out, const value_ref& value);

    const read_options& options_;
    event_record* record_ = nullptr;
    std::vector<frame> frames_;  // [0, depth_): the open elements, innermost last
    std::size_t depth_ = 0;
    // The field new_field() made last.
    payload_field& current_field() { return record_->fields[fields_used_ - 1]; }

    // Lends the record the field set of template `kind` (new_field, before its first field).
    void take_fields_for(const void* kind);

    struct field_set {
        const void* kind = nullptr;
        std::vector<payload_field> fields;  // empty while lent to the record
    };
    std::array<field_set, 8> field_sets_;
    std::size_t lent_set_ = 0;    // the set whose fields the record holds
    std::size_t next_victim_ = 1;
    const void* fields_kind_ = nullptr;
    std::vector<payload_field> spare_fields_;  // emptied fields kept for their capacity
    std::size_t fields_used_ = 0;              // fields of record_ that belong to this record
    std::string path_;                         // UserData path of the current element
    std::string number_text_;                  // text of the current numeric System field
    value_ref number_value_;                   // ... or its only value, while it has only one
    bool number_is_value_ = false;
    bool number_has_text_ = false;
    std::string attribute_text_;  // scratch: a typed attribute value as text
    std::string parse_text_;      // scratch: NUL-terminated text for strtoull
    bool saw_event_ = false;
    bool saw_system_ = false;
    std::uint32_t system_children_ = 0;  // bit per known_name of the elements seen directly below <System>
};

}  // namespace evtxcar::binxml
