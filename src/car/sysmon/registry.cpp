// Sysmon -> CAR registry: add / remove (12), value_edit (13), key_edit (14).
// TargetObject "HKLM\SOFTWARE\...\Run\Updater" splits into hive "HKLM",
// key "SOFTWARE\...\Run" and, for events on values, value "Updater".
#include "car/registry_root.hpp"
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void set_registry_path(std::string_view target, bool names_a_value, car_event& out) {
    if (target.empty()) return;
    std::string_view rest;
    if (const auto split = split_kernel_registry_path(target)) {
        // "\REGISTRY\MACHINE\SOFTWARE\..." as some Sysmon builds log it: hive HKLM, as 4657's.
        out.set(car_field::hive, std::string(split->hive));
        if (split->rest.empty()) return;
        rest = split->rest;
    } else {
        const std::size_t first = target.find('\\');
        out.set(car_field::hive, std::string(target.substr(0, first)));
        if (first == std::string_view::npos) return;
        rest = target.substr(first + 1);
    }
    if (names_a_value) {
        const std::size_t last = rest.rfind('\\');
        if (last == std::string_view::npos) {
            out.set(car_field::value, std::string(rest));
            return;
        }
        out.set(car_field::value, std::string(rest.substr(last + 1)));
        rest = rest.substr(0, last);
    }
    out.set(car_field::key, std::string(rest));
}

void set_common(const event_fields& in, car_event& out) {
    set_acting_process(in, out);
    copy_field(in, "EventType", out, car_field::event_type);
}

}  // namespace

void map_registry_object(const event_fields& in, car_event& out) {
    const std::string_view event_type = in.get("EventType");
    out.object = "registry";
    out.action = event_type.substr(0, 6) == "Delete" ? "remove" : "add";
    set_common(in, out);
    set_registry_path(in.get("TargetObject"), ends_with(event_type, "Value"), out);
}

void map_registry_value_set(const event_fields& in, car_event& out) {
    out.object = "registry";
    out.action = "value_edit";
    set_common(in, out);
    set_registry_path(in.get("TargetObject"), true, out);
    copy_field(in, "Details", out, car_field::data);
}

void map_registry_rename(const event_fields& in, car_event& out) {
    out.object = "registry";
    out.action = "key_edit";
    set_common(in, out);
    set_registry_path(in.get("TargetObject"), ends_with(in.get("EventType"), "Value"), out);
    copy_field(in, "NewName", out, car_field::new_content);
}

}  // namespace evtxcar::sysmon
