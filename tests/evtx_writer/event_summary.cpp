#include "event_summary.hpp"

namespace evtxcar::evtx_writer {

namespace {

std::string child_text(const rendered_element& parent, std::string_view name) {
    const rendered_element* element = parent.child(name);
    return element ? element->text_content() : std::string();
}

std::string attribute_of(const rendered_element& parent, std::string_view element_name, std::string_view name) {
    const rendered_element* element = parent.child(element_name);
    if (element == nullptr) return {};
    const std::string* value = element->attribute(name);
    return value ? *value : std::string();
}

void summarize_system(const rendered_element& system, event_summary& summary) {
    summary.provider_name = attribute_of(system, "Provider", "Name");
    summary.provider_guid = attribute_of(system, "Provider", "Guid");
    summary.event_id = child_text(system, "EventID");
    summary.qualifiers = attribute_of(system, "EventID", "Qualifiers");
    summary.version = child_text(system, "Version");
    summary.level = child_text(system, "Level");
    summary.task = child_text(system, "Task");
    summary.opcode = child_text(system, "Opcode");
    summary.keywords = child_text(system, "Keywords");
    summary.system_time = attribute_of(system, "TimeCreated", "SystemTime");
    summary.record_id = child_text(system, "EventRecordID");
    summary.process_id = attribute_of(system, "Execution", "ProcessID");
    summary.thread_id = attribute_of(system, "Execution", "ThreadID");
    summary.channel = child_text(system, "Channel");
    summary.computer = child_text(system, "Computer");
    summary.user_sid = attribute_of(system, "Security", "UserID");
}

void add_user_data_fields(const rendered_element& element, const std::string& path, field_list& fields) {
    for (const auto& [name, value] : element.attributes) {
        if (name.starts_with("xmlns")) continue;  // namespace declarations are not data
        fields.emplace_back(path + "@" + name, value);
    }
    for (const rendered_element& child : element.children) {
        add_user_data_fields(child, path.empty() ? child.name : path + "/" + child.name, fields);
    }
    if (element.children.empty() && !path.empty()) fields.emplace_back(path, element.text_content());
}

}  // namespace

event_summary summarize_event(const rendered_element& event) {
    event_summary summary;
    for (const rendered_element& part : event.children) {
        if (part.name == "System") {
            summarize_system(part, summary);
        } else if (part.name == "EventData") {
            summary.kind = payload_kind::event_data;
            for (const rendered_element& child : part.children) {
                const std::string* name = child.attribute("Name");
                std::string field_name = name ? *name : child.name == "Data" ? std::string() : child.name;
                summary.fields.emplace_back(std::move(field_name), child.text_content());
            }
        } else if (part.name == "UserData") {
            summary.kind = payload_kind::user_data;
            if (!part.children.empty()) {
                summary.payload_name = part.children.front().name;
                add_user_data_fields(part.children.front(), "", summary.fields);
            }
        }
    }
    return summary;
}

}  // namespace evtxcar::evtx_writer
