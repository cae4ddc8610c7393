#include "record_assembler.hpp"

#include <algorithm>

#include "../event_xml.hpp"
#include "../filetime.hpp"
#include "value_number.hpp"
#include "value_text.hpp"

namespace evtxcar::binxml {

namespace {

std::uint32_t bit_of(known_name name) { return std::uint32_t{1} << static_cast<unsigned>(name); }

// The <System> children every event has; event_xml.cpp asks for the same.
// (Not EventRecordID: an event collector's own EventForwarder events have none.)
const std::uint32_t required_system_children = bit_of(known_name::provider) | bit_of(known_name::event_id);

bool is_numeric_field(known_name field) {
    switch (field) {
        case known_name::event_id:
        case known_name::version:
        case known_name::level:
        case known_name::task:
        case known_name::opcode:
        case known_name::keywords:
        case known_name::event_record_id:
            return true;
        default:
            return false;
    }
}

bool is_text_field(known_name field) { return field == known_name::channel || field == known_name::computer; }

// The attribute of a System child that feeds a field, if `attribute` is one.
bool feeds_field(known_name element, known_name attribute) {
    switch (element) {
        case known_name::provider:
            return attribute == known_name::name || attribute == known_name::guid;
        case known_name::event_id:
            return attribute == known_name::qualifiers;
        case known_name::time_created:
            return attribute == known_name::system_time;
        case known_name::execution:
            return attribute == known_name::process_id || attribute == known_name::thread_id;
        case known_name::security:
            return attribute == known_name::user_id;
        default:
            return false;
    }
}

}  // namespace

void record_assembler::begin(event_record& record) {
    record_ = &record;
    record.provider_name.clear();
    record.provider_guid.clear();
    record.event_id = 0;
    record.event_id_qualifiers.reset();
    record.version = 0;
    record.level = 0;
    record.task = 0;
    record.opcode = 0;
    record.keywords = 0;
    record.time_created = 0;
    record.record_id = 0;
    record.process_id = 0;
    record.thread_id = 0;
    record.channel.clear();
    record.computer.clear();
    record.user_sid.clear();
    record.kind = payload_kind::none;
    record.payload_name.clear();
    // The record's fields stay, to be written over (new_field), and what is
    // left over goes at finish(): moving them all aside and back again for
    // every record cost more than filling them.
    fields_used_ = 0;
    record.file_offset = 0;
    record.recovered = false;
    depth_ = 0;
    path_.clear();
    saw_event_ = false;
    saw_system_ = false;
    system_children_ = 0;
}

record_assembler::frame& record_assembler::push_frame(frame_kind kind, known_name field) {
    // Built in place, in storage kept from record to record: a frame built
    // on the stack and copied in costs a stalled load (its fields are stored
    // one by one, then read as a whole).
    if (depth_ == frames_.size()) frames_.emplace_back();
    frame& f = frames_[depth_++];
    f = frame{};
    f.kind = kind;
    f.field = field;
    return f;
}

void record_assembler::take_fields_for(const void* kind) {
    std::size_t slot = 0;
    while (slot < field_sets_.size() && field_sets_[slot].kind != kind) ++slot;
    if (slot == field_sets_.size()) {  // a new kind: the set used longest ago gives way
        slot = next_victim_;
        next_victim_ = (next_victim_ + 1) % field_sets_.size();
        if (slot == lent_set_) {
            field_sets_[slot].kind = kind;
            return;
        }
        field_sets_[slot].kind = kind;
    }
    // The record's fields (nothing of this record yet) go back to the set
    // they came from, and the kind's set is lent to the record instead.
    std::swap(field_sets_[lent_set_].fields, record_->fields);
    std::swap(field_sets_[slot].fields, record_->fields);
    lent_set_ = slot;
}

payload_field& record_assembler::new_field() {
    if (fields_used_ == 0 && field_sets_[lent_set_].kind != fields_kind_) take_fields_for(fields_kind_);
    std::vector<payload_field>& fields = record_->fields;
    if (fields_used_ < fields.size()) {
        payload_field& field = fields[fields_used_++];
        field.name.clear();
        field.value.clear();
        return field;
    }
    ++fields_used_;
    if (spare_fields_.empty()) return fields.emplace_back();
    payload_field& field = fields.emplace_back(std::move(spare_fields_.back()));
    spare_fields_.pop_back();
    field.name.clear();
    field.value.clear();
    return field;
}

bool record_assembler::provider_wanted() const {
    return options_.wants_payload(record_->provider_name, record_->event_id);
}

bool record_assembler::payload_wanted() const {
    return !saw_system_ || provider_wanted();  // without System yet, finish() decides
}

bool record_assembler::start_element(const name_entry& name) {
    event_record& record = *record_;
    if (depth_ == 0) {
        if (name.known != known_name::event) return false;
        saw_event_ = true;
        push_frame(frame_kind::event);
        return true;
    }
    frame& parent = frames_[depth_ - 1];
    switch (parent.kind) {
        case frame_kind::event:
            if (name.known == known_name::system) {
                saw_system_ = true;
                push_frame(frame_kind::system);
                return true;
            }
            if (name.known == known_name::event_data && payload_wanted()) {
                record.kind = payload_kind::event_data;
                push_frame(frame_kind::event_data);
                return true;
            }
            if (name.known == known_name::user_data && payload_wanted()) {
                record.kind = payload_kind::user_data;
                push_frame(frame_kind::user_data);
                return true;
            }
            return false;
        case frame_kind::system:
            switch (name.known) {
                case known_name::provider:
                    record.provider_name.clear();
                    record.provider_guid.clear();
                    break;
                case known_name::time_created:
                    record.time_created = 0;
                    break;
                case known_name::execution:
                    record.process_id = 0;
                    record.thread_id = 0;
                    break;
                case known_name::channel:
                    record.channel.clear();
                    break;
                case known_name::computer:
                    record.computer.clear();
                    break;
                case known_name::security:
                    record.user_sid.clear();
                    break;
                default:
                    if (!is_numeric_field(name.known)) return false;
                    number_text_.clear();
                    number_is_value_ = false;
                    number_has_text_ = false;
                    break;
            }
            system_children_ |= bit_of(name.known);
            push_frame(frame_kind::system_field, name.known);
            return true;
        case frame_kind::system_field:
            // Channel and Computer take all text below them; the other fields
            // only their own text or attributes.
            if (!is_text_field(parent.field)) return false;
            push_frame(frame_kind::system_field, parent.field);
            return true;
        case frame_kind::event_data: {
            payload_field& field = new_field();
            if (name.known != known_name::data) field.name.assign(name.text);
            push_frame(frame_kind::event_data_field);
            return true;
        }
        case frame_kind::event_data_field:
        case frame_kind::event_data_inner:
            push_frame(frame_kind::event_data_inner);
            return true;
        case frame_kind::user_data:
            if (parent.has_child) return false;  // only the first element below <UserData> counts
            parent.has_child = true;
            record.payload_name.assign(name.text);
            path_.clear();
            push_frame(frame_kind::user_data_element).is_root = true;
            return true;
        case frame_kind::user_data_element: {
            parent.has_child = true;
            const std::size_t before = path_.size();
            if (!path_.empty()) path_.push_back('/');
            path_.append(name.text);
            push_frame(frame_kind::user_data_element).path_size = before;
            return true;
        }
    }
    return false;
}

bool record_assembler::wants_attribute(const name_entry& name) const {
    if (depth_ == 0) return false;
    const frame& f = frames_[depth_ - 1];
    switch (f.kind) {
        case frame_kind::system_field:
            return feeds_field(f.field, name.known) && (f.seen_attributes & bit_of(name.known)) == 0;
        case frame_kind::event_data_field:
            return name.known == known_name::name && (f.seen_attributes & bit_of(name.known)) == 0;
        case frame_kind::user_data_element:
            return name.known != known_name::xmlns;
        default:
            return false;
    }
}

void record_assembler::set_attribute_text(frame& f, known_name name, std::string_view text) {
    event_record& record = *record_;
    f.seen_attributes |= bit_of(name);
    switch (name) {
        case known_name::name:
            if (f.kind == frame_kind::event_data_field) {
                current_field().name.assign(text);
            } else {
                record.provider_name.assign(text);
            }
            break;
        case known_name::guid:
            record.provider_guid.assign(text);
            break;
        case known_name::user_id:
            record.user_sid.assign(text);
            break;
        case known_name::system_time:
            record.time_created = parse_iso8601(text).value_or(0);
            break;
        default: {
            parse_text_.assign(text);
            const std::uint64_t number = parse_unsigned(parse_text_.c_str());
            if (name == known_name::qualifiers) record.event_id_qualifiers = static_cast<std::uint16_t>(number);
            if (name == known_name::process_id) record.process_id = static_cast<std::uint32_t>(number);
            if (name == known_name::thread_id) record.thread_id = static_cast<std::uint32_t>(number);
            break;
        }
    }
}

void record_assembler::attribute(const name_entry& name, std::string_view text) {
    if (!wants_attribute(name)) return;
    frame& f = frames_[depth_ - 1];
    if (f.kind == frame_kind::user_data_element) {
        payload_field& field = new_field();
        field.name.assign(path_).append("@").append(name.text);
        field.value.assign(text);
        return;
    }
    set_attribute_text(f, name.known, text);
}

void record_assembler::attribute(const name_entry& name, const value_ref& value) {
    if (!wants_attribute(name)) return;
    frame& f = frames_[depth_ - 1];
    if (f.kind == frame_kind::user_data_element) {
        payload_field& field = new_field();
        field.name.assign(path_).append("@").append(name.text);
        append_value_text(field.value, value);
        return;
    }
    if (f.kind == frame_kind::system_field) {
        switch (name.known) {
            case known_name::system_time:
                if (auto ticks = value_as_filetime(value)) {
                    f.seen_attributes |= bit_of(name.known);
                    record_->time_created = *ticks;
                    return;
                }
                break;
            case known_name::qualifiers:
            case known_name::process_id:
            case known_name::thread_id:
                if (auto number = value_as_unsigned(value)) {
                    f.seen_attributes |= bit_of(name.known);
                    if (name.known == known_name::qualifiers) {
                        record_->event_id_qualifiers = static_cast<std::uint16_t>(*number);
                    } else if (name.known == known_name::process_id) {
                        record_->process_id = static_cast<std::uint32_t>(*number);
                    } else {
                        record_->thread_id = static_cast<std::uint32_t>(*number);
                    }
                    return;
                }
                break;
            default:
                break;
        }
    }
    // Text attributes are rendered straight into their field (what
    // set_attribute_text would copy there).
    std::string* target = nullptr;
    switch (name.known) {
        case known_name::name:
            target = f.kind == frame_kind::event_data_field ? &current_field().name : &record_->provider_name;
            break;
        case known_name::guid:
            target = &record_->provider_guid;
            break;
        case known_name::user_id:
            target = &record_->user_sid;
            break;
        default:
            break;
    }
    if (target != nullptr) {
        f.seen_attributes |= bit_of(name.known);
        target->clear();
        append_value_text(*target, value);
        return;
    }
    attribute_text_.clear();
    append_value_text(attribute_text_, value);
    set_attribute_text(f, name.known, attribute_text_);
}

std::string* record_assembler::text_target() {
    frame& f = frames_[depth_ - 1];
    event_record& record = *record_;
    switch (f.kind) {
        case frame_kind::system_field:
            if (f.field == known_name::channel) return &record.channel;
            if (f.field == known_name::computer) return &record.computer;
            return nullptr;
        case frame_kind::event_data_field:
        case frame_kind::event_data_inner:
            return &current_field().value;
        case frame_kind::user_data_element:
            if (f.is_root) return nullptr;
            if (f.leaf_field == no_field) {
                f.leaf_field = fields_used_;
                new_field().name.assign(path_);
            }
            return &record.fields[f.leaf_field].value;
        default:
            return nullptr;
    }
}

bool record_assembler::in_numeric_field() const {
    const frame& f = frames_[depth_ - 1];
    return f.kind == frame_kind::system_field && is_numeric_field(f.field);
}

void record_assembler::text(std::string_view text) {
    if (depth_ == 0) return;
    if (in_numeric_field()) {
        if (number_is_value_) {
            append_value_text(number_text_, number_value_);
            number_is_value_ = false;
        }
        number_text_.append(text);
        number_has_text_ = true;
    } else if (std::string* target = text_target()) {
        target->append(text);
    }
}

void record_assembler::text(const value_ref& value) {
    if (depth_ == 0) return;
    if (in_numeric_field()) {
        if (!number_has_text_ && !number_is_value_) {  // keep a lone value as it is: no text needed
            number_value_ = value;
            number_is_value_ = true;
            return;
        }
        if (number_is_value_) {
            append_value_text(number_text_, number_value_);
            number_is_value_ = false;
        }
        append_value_text(number_text_, value);
        number_has_text_ = true;
    } else if (std::string* target = text_target()) {
        append_value_text(*target, value);
    }
}

void record_assembler::finish_number(const frame& f) {
    std::uint64_t number = 0;
    if (number_is_value_) {
        if (auto direct = value_as_unsigned(number_value_)) {
            number = *direct;
        } else {
            number_text_.clear();
            append_value_text(number_text_, number_value_);
            number = parse_unsigned(number_text_.c_str());
        }
    } else {
        number = parse_unsigned(number_text_.c_str());
    }
    event_record& record = *record_;
    switch (f.field) {
        case known_name::event_id:
            record.event_id = static_cast<std::uint32_t>(number);
            break;
        case known_name::version:
            record.version = static_cast<std::uint8_t>(number);
            break;
        case known_name::level:
            record.level = static_cast<std::uint8_t>(number);
            break;
        case known_name::task:
            record.task = static_cast<std::uint16_t>(number);
            break;
        case known_name::opcode:
            record.opcode = static_cast<std::uint8_t>(number);
            break;
        case known_name::keywords:
            record.keywords = number;
            break;
        case known_name::event_record_id:
            record.record_id = number;
            break;
        default:
            break;
    }
}

void record_assembler::end_element() {
    if (depth_ == 0) return;
    const frame& f = frames_[depth_ - 1];
    if (f.kind == frame_kind::system_field && is_numeric_field(f.field)) {
        finish_number(f);
    } else if (f.kind == frame_kind::user_data_element) {
        if (!f.is_root && !f.has_child && f.leaf_field == no_field) new_field().name.assign(path_);
        path_.resize(f.path_size);
    }
    --depth_;
}

void record_assembler::named_field(std::string_view name, const value_ref* value) {
    // start_element below <EventData> (new_field), then its Name attribute.
    // A field the template's last record left has the name already.
    if (fields_used_ != 0 && fields_used_ < record_->fields.size()) {
        payload_field& field = record_->fields[fields_used_++];
        if (field.name != name) field.name.assign(name);
        field.value.clear();
        if (value != nullptr) append_value_text(field.value, *value);
        return;
    }
    payload_field& field = new_field();
    field.name.assign(name);
    if (value != nullptr) append_value_text(field.value, *value);
}

bool record_assembler::numeric_system_field(known_name field) const {
    return depth_ != 0 && frames_[depth_ - 1].kind == frame_kind::system && is_numeric_field(field);
}

void record_assembler::system_number(known_name field, const value_ref* value) {
    // start_element below <System>
    number_text_.clear();
    number_has_text_ = false;
    system_children_ |= bit_of(field);
    // text: a lone value
    number_is_value_ = value != nullptr;
    if (value != nullptr) number_value_ = *value;
    // end_element
    frame f;
    f.kind = frame_kind::system_field;
    f.field = field;
    finish_number(f);
}

bool record_assembler::text_system_field(known_name field) const {
    return depth_ != 0 && frames_[depth_ - 1].kind == frame_kind::system && is_text_field(field);
}

void record_assembler::system_text(known_name field, const value_ref* value) {
    std::string& target = field == known_name::channel ? record_->channel : record_->computer;
    target.clear();  // start_element below <System>
    system_children_ |= bit_of(field);
    if (value != nullptr) append_value_text(target, *value);  // text
}

bool record_assembler::finish(decode_error& error) {
    std::vector<payload_field>& fields = record_->fields;
    while (fields.size() > fields_used_) {  // fields of an earlier record
        spare_fields_.push_back(std::move(fields.back()));
        fields.pop_back();
    }
    if (!saw_event_) {
        error = {0, "event XML has no <Event> element"};
        return false;
    }
    // Without them the record is no event one can place: a damaged name
    // (a <Systeo> element) must not pass as an event with empty fields.
    if (!saw_system_) {
        error = {0, "event XML has no <System> element"};
        return false;
    }
    if ((system_children_ & required_system_children) != required_system_children) {
        error = {0, "event XML's <System> has no Provider or no EventID element"};
        return false;
    }
    if (!provider_wanted()) {
        record_->kind = payload_kind::none;
        record_->payload_name.clear();
        for (payload_field& field : fields) spare_fields_.push_back(std::move(field));
        fields.clear();
        fields_used_ = 0;
    }
    return true;
}

}  // namespace evtxcar::binxml
