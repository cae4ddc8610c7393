#include "event_templates.hpp"

#include <stdexcept>

#include "utf16_text.hpp"

namespace evtxcar::evtx_writer {

namespace {

namespace index = system_index;
using binxml::value_type;

std::uint8_t declared_type_of(const data_field& field) { return field.declared_type.value_or(field.value.type()); }

// Shape key of literal template content: enough to tell different contents apart.
void append_literal_key(std::string& key, const std::vector<xml_node>& pieces) {
    for (const xml_node& piece : pieces) {
        key += static_cast<char>('0' + static_cast<int>(piece.kind));
        key += utf8_from_utf16(piece.text);
        key += utf8_from_utf16(piece.name);
        key += std::to_string(static_cast<unsigned>(piece.character));
        key += '\x1f';
    }
}

std::string payload_key(const windows_event& event) {
    std::string key;
    for (const data_field& field : event.event_data) {
        key += field.element_name + '\x1e' + field.name + '\x1e';
        if (field.literal_content.empty()) {
            key += std::to_string(declared_type_of(field)) + (field.optional ? "?" : "!");
        } else {
            append_literal_key(key, field.literal_content);
        }
        key += '\x1d';
    }
    return key;
}

// The first substitution index after the payload's values.
std::uint16_t after_payload(const windows_event& event) {
    if (event.kind == payload_kind::none) return index::payload;
    if (event.kind == payload_kind::user_data || event.layout == payload_layout::nested) return index::payload + 1;
    std::uint16_t slot = index::payload;
    for (const data_field& field : event.event_data) {
        if (field.literal_content.empty()) ++slot;
    }
    return slot;
}

std::string rendering_key(const windows_event& event) {
    if (!event.rendering) return {};
    return "|rendering " + event.rendering->culture + " " + std::to_string(event.rendering->keywords.size());
}

std::string system_key(const windows_event& event) {
    const system_values& s = event.system;
    std::string key = "system|" + s.computer + "|";
    key += s.classic ? 'c' : 'm';
    key += s.provider_guid ? 'g' : '-';
    key += static_cast<char>('0' + static_cast<int>(event.kind));
    key += static_cast<char>('0' + static_cast<int>(event.layout));
    if (event.layout == payload_layout::inline_template) {
        key += '|';  // not "|" + payload_key(): GCC 12 at -O3 warns falsely (-Wrestrict, GCC bug 105651)
        key += payload_key(event);
    }
    return key + rendering_key(event);
}

xml_node system_element(const windows_event& event) {
    const system_values& s = event.system;
    std::vector<xml_attribute> provider_attributes = {
        attribute("Name", {optional_substitution(index::provider_name, binxml::value_string)})};
    if (s.provider_guid) {
        provider_attributes.push_back(
            attribute("Guid", {optional_substitution(index::provider_guid, binxml::value_guid)}));
    }
    const auto simple = [](const char* name, std::uint16_t slot, std::uint8_t type) {
        return element(name, {}, {optional_substitution(slot, type)});
    };
    std::vector<xml_node> children;
    children.push_back(element("Provider", std::move(provider_attributes)));
    children.push_back(
        element("EventID", {attribute("Qualifiers", {optional_substitution(index::qualifiers, binxml::value_uint16)})},
                {optional_substitution(index::event_id, binxml::value_uint16)}));
    if (!s.classic) children.push_back(simple("Version", index::version, binxml::value_uint8));
    children.push_back(simple("Level", index::level, binxml::value_uint8));
    children.push_back(simple("Task", index::task, binxml::value_uint16));
    if (!s.classic) children.push_back(simple("Opcode", index::opcode, binxml::value_uint8));
    children.push_back(simple("Keywords", index::keywords, binxml::value_hex_int64));
    children.push_back(
        element("TimeCreated",
                {attribute("SystemTime", {optional_substitution(index::time_created, binxml::value_filetime)})}));
    children.push_back(simple("EventRecordID", index::record_id, binxml::value_uint64));
    if (!s.classic) {
        children.push_back(element(
            "Correlation",
            {attribute("ActivityID", {optional_substitution(index::activity_id, binxml::value_guid)}),
             attribute("RelatedActivityID", {optional_substitution(index::related_activity_id, binxml::value_guid)})}));
        children.push_back(element(
            "Execution", {attribute("ProcessID", {optional_substitution(index::process_id, binxml::value_uint32)}),
                          attribute("ThreadID", {optional_substitution(index::thread_id, binxml::value_uint32)})}));
    }
    children.push_back(simple("Channel", index::channel, binxml::value_string));
    children.push_back(element("Computer", {}, {text(s.computer)}));
    children.push_back(
        element("Security", {attribute("UserID", {optional_substitution(index::user_sid, binxml::value_sid)})}));
    return element("System", {}, std::move(children));
}

// <EventData> with one child per field; substitution indices from `first_index`.
xml_node event_data_element(const windows_event& event, std::uint16_t first_index) {
    std::vector<xml_node> children;
    std::uint16_t slot = first_index;
    for (const data_field& field : event.event_data) {
        std::vector<xml_attribute> attributes;
        if (!field.name.empty()) attributes.push_back(attribute("Name", {text(field.name)}));
        std::vector<xml_node> content = field.literal_content;
        if (content.empty()) {
            content.push_back(field.optional ? optional_substitution(slot, declared_type_of(field))
                                             : substitution(slot, declared_type_of(field)));
            ++slot;
        }
        children.push_back(element(field.element_name, std::move(attributes), std::move(content)));
    }
    return element("EventData", {}, std::move(children));
}

// <RenderingInfo Culture="..."> with its texts from `first_index` on, in the
// order of rendering_info's members.
xml_node rendering_element(const rendering_info& rendering, std::uint16_t first_index) {
    std::uint16_t slot = first_index;
    const auto text_element = [&slot](const char* name) {
        return element(name, {}, {substitution(slot++, binxml::value_string)});
    };
    std::vector<xml_node> children;
    for (const char* name : {"Message", "Level", "Task", "Opcode", "Channel", "Provider"}) {
        children.push_back(text_element(name));
    }
    std::vector<xml_node> keywords;
    for (std::size_t i = 0; i < rendering.keywords.size(); ++i) keywords.push_back(text_element("Keyword"));
    children.push_back(element("Keywords", {}, std::move(keywords)));
    return element("RenderingInfo", {attribute("Culture", {text(rendering.culture)})}, std::move(children));
}

void append_rendering_values(const rendering_info& rendering, std::vector<substitution_value>& values) {
    for (const std::string* item : {&rendering.message, &rendering.level, &rendering.task, &rendering.opcode,
                                    &rendering.channel, &rendering.provider}) {
        values.push_back(string_value(*item));
    }
    for (const std::string& keyword : rendering.keywords) values.push_back(string_value(keyword));
}

substitution_value optional_guid(const std::optional<guid>& value) { return value ? guid_value(*value) : null_value(); }

}  // namespace

template <typename MakeRoot>
std::shared_ptr<const xml_template> event_template_cache::cached(const std::string& key, MakeRoot make_root) {
    if (const auto it = templates_.find(key); it != templates_.end()) return it->second;
    auto definition = make_template(key, make_root());
    templates_.emplace(key, definition);
    return definition;
}

std::shared_ptr<const xml_template> event_template_cache::system_template(const windows_event& event) {
    return cached(system_key(event), [&] {
        std::vector<xml_node> children;
        children.push_back(system_element(event));
        if (event.kind == payload_kind::event_data && event.layout == payload_layout::inline_template) {
            children.push_back(event_data_element(event, index::payload));
        } else if (event.kind == payload_kind::event_data) {
            children.push_back(optional_substitution(index::payload, binxml::value_binxml));
        } else if (event.kind == payload_kind::user_data) {
            children.push_back(element("UserData", {}, {optional_substitution(index::payload, binxml::value_binxml)}));
        }
        if (event.rendering) children.push_back(rendering_element(*event.rendering, after_payload(event)));
        return element("Event", {attribute("xmlns", {text(event_namespace)})}, std::move(children));
    });
}

std::shared_ptr<const xml_template> event_template_cache::event_data_template(const windows_event& event) {
    return cached("event_data|" + payload_key(event), [&] { return event_data_element(event, 0); });
}

template_instance event_template_cache::instance_of(windows_event event, std::uint64_t record_id) {
    const system_values& s = event.system;
    template_instance instance;
    instance.definition = system_template(event);
    std::vector<substitution_value>& v = instance.values;
    v.resize(index::payload);
    v[index::level] = uint8_value(s.level);
    v[index::opcode] = uint8_value(s.opcode);
    v[index::task] = uint16_value(s.task);
    v[index::event_id] = uint16_value(s.event_id);
    v[index::qualifiers] = s.qualifiers ? uint16_value(*s.qualifiers) : null_value();
    v[index::keywords] = hex_int64_value(s.keywords);
    v[index::time_created] = filetime_value(s.time_created);
    v[index::activity_id] = optional_guid(s.activity_id);
    v[index::process_id] = uint32_value(s.process_id);
    v[index::thread_id] = uint32_value(s.thread_id);
    v[index::record_id] = uint64_value(s.event_record_id.value_or(record_id));
    v[index::version] = uint8_value(s.version);
    v[index::user_sid] = s.user_sid ? sid_value(*s.user_sid) : null_value();
    v[index::related_activity_id] = optional_guid(s.related_activity_id);
    v[index::provider_name] = string_value(s.provider_name);
    v[index::provider_guid] = optional_guid(s.provider_guid);
    v[index::channel] = string_value(s.channel);

    const auto data_values = [&](std::vector<substitution_value>& out) {
        for (data_field& field : event.event_data) {
            if (field.literal_content.empty()) out.push_back(std::move(field.value));
        }
    };
    switch (event.kind) {
        case payload_kind::none:
            break;
        case payload_kind::event_data:
            if (event.layout == payload_layout::inline_template) {
                data_values(v);
            } else {
                template_instance payload{event_data_template(event), {}};
                data_values(payload.values);
                v.push_back(fragment_value(std::move(payload)));
            }
            break;
        case payload_kind::user_data:
            if (!event.user_data) throw std::invalid_argument("user_data event without its element");
            v.push_back(fragment_value(std::move(*event.user_data)));
            break;
    }
    if (event.rendering) append_rendering_values(*event.rendering, v);
    return instance;
}

}  // namespace evtxcar::evtx_writer
