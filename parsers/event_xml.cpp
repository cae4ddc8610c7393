#include "event_xml.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <cstring>

#include "filetime.hpp"
#include "text/utf8.hpp"

namespace evtxcar {

namespace {

constexpr unsigned parse_flags =
    pugi::parse_minimal | pugi::parse_escapes | pugi::parse_cdata | pugi::parse_ws_pcdata_single;

std::string clean_text(const char* text) {
    std::string_view view(text);
    return is_valid_utf8(view) ? std::string(view) : sanitize_utf8(view);
}

// All text and CDATA below `node`, in document order.
void append_text_content(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        switch (child.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata:
                out += child.value();
                break;
            case pugi::node_element:
                append_text_content(child, out);
                break;
            default:
                break;
        }
    }
}

std::string text_content(pugi::xml_node node) {
    std::string text;
    append_text_content(node, text);
    return is_valid_utf8(text) ? text : sanitize_utf8(text);
}

template <typename T>
T parse_number(const char* text) {
    return static_cast<T>(parse_unsigned(text));
}

// The <System> children every event has (record_assembler.cpp asks for the
// same; not EventRecordID: an event collector's EventForwarder events have none).
bool has_required_children(pugi::xml_node system) {
    return system.child("Provider") && system.child("EventID");
}

void read_system(pugi::xml_node system, event_record& record) {
    for (pugi::xml_node node = system.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) continue;
        const char* name = node.name();
        if (std::strcmp(name, "Provider") == 0) {
            record.provider_name = clean_text(node.attribute("Name").value());
            record.provider_guid = clean_text(node.attribute("Guid").value());
        } else if (std::strcmp(name, "EventID") == 0) {
            record.event_id = parse_number<std::uint32_t>(node.child_value());
            if (pugi::xml_attribute qualifiers = node.attribute("Qualifiers")) {
                record.event_id_qualifiers = parse_number<std::uint16_t>(qualifiers.value());
            }
        } else if (std::strcmp(name, "Version") == 0) {
            record.version = parse_number<std::uint8_t>(node.child_value());
        } else if (std::strcmp(name, "Level") == 0) {
            record.level = parse_number<std::uint8_t>(node.child_value());
        } else if (std::strcmp(name, "Task") == 0) {
            record.task = parse_number<std::uint16_t>(node.child_value());
        } else if (std::strcmp(name, "Opcode") == 0) {
            record.opcode = parse_number<std::uint8_t>(node.child_value());
        } else if (std::strcmp(name, "Keywords") == 0) {
            record.keywords = parse_unsigned(node.child_value());
        } else if (std::strcmp(name, "TimeCreated") == 0) {
            record.time_created = parse_iso8601(node.attribute("SystemTime").value()).value_or(0);
        } else if (std::strcmp(name, "EventRecordID") == 0) {
            record.record_id = parse_unsigned(node.child_value());
        } else if (std::strcmp(name, "Execution") == 0) {
            record.process_id = parse_number<std::uint32_t>(node.attribute("ProcessID").value());
            record.thread_id = parse_number<std::uint32_t>(node.attribute("ThreadID").value());
        } else if (std::strcmp(name, "Channel") == 0) {
            record.channel = text_content(node);
        } else if (std::strcmp(name, "Computer") == 0) {
            record.computer = text_content(node);
        } else if (std::strcmp(name, "Security") == 0) {
            record.user_sid = clean_text(node.attribute("UserID").value());
        }
    }
}

void read_event_data(pugi::xml_node event_data, event_record& record) {
    record.kind = payload_kind::event_data;
    for (pugi::xml_node node = event_data.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) continue;
        payload_field field;
        if (pugi::xml_attribute name = node.attribute("Name")) {
            field.name = clean_text(name.value());
        } else if (std::strcmp(node.name(), "Data") != 0) {
            field.name = clean_text(node.name());
        }
        field.value = text_content(node);
        record.fields.push_back(std::move(field));
    }
}

void read_user_data_element(pugi::xml_node element, const std::string& path, event_record& record) {
    for (pugi::xml_attribute attribute = element.first_attribute(); attribute; attribute = attribute.next_attribute()) {
        if (std::strncmp(attribute.name(), "xmlns", 5) == 0) continue;  // namespace declarations
        record.fields.push_back({clean_text((path + "@" + attribute.name()).c_str()), clean_text(attribute.value())});
    }
    bool has_child_element = false;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        has_child_element = true;
        const std::string child_path = path.empty() ? child.name() : path + "/" + child.name();
        read_user_data_element(child, child_path, record);
    }
    if (!has_child_element && !path.empty()) {
        record.fields.push_back({clean_text(path.c_str()), text_content(element)});
    }
}

void read_user_data(pugi::xml_node user_data, event_record& record) {
    record.kind = payload_kind::user_data;
    pugi::xml_node root = user_data.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
    if (!root) return;
    record.payload_name = clean_text(root.name());
    read_user_data_element(root, "", record);
}

}  // namespace

std::uint64_t parse_unsigned(const char* text) {
    if (text == nullptr || *text == '\0') return 0;
    return std::strtoull(text, nullptr, 0);  // decimal, or hex with "0x"
}

result<bool> read_event_xml(std::string& xml, event_record& record) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer_inplace(xml.data(), xml.size(), parse_flags);
    if (!parsed) {
        return read_error{.offset = static_cast<std::uint64_t>(parsed.offset),
                          .reason = std::string("event XML does not parse: ") + parsed.description()};
    }
    pugi::xml_node event = document.child("Event");
    if (!event) return read_error{.reason = "event XML has no <Event> element"};
    // A damaged name (<Systeo>) must not pass as an event with empty fields.
    pugi::xml_node system = event.child("System");
    if (!system) return read_error{.reason = "event XML has no <System> element"};
    if (!has_required_children(system)) {
        return read_error{.reason = "event XML's <System> has no Provider or no EventID element"};
    }
    for (pugi::xml_node node = event.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) continue;
        if (std::strcmp(node.name(), "System") == 0) {
            read_system(node, record);
        } else if (std::strcmp(node.name(), "EventData") == 0) {
            read_event_data(node, record);
        } else if (std::strcmp(node.name(), "UserData") == 0) {
            read_user_data(node, record);
        }
    }
    return true;
}

}  // namespace evtxcar
