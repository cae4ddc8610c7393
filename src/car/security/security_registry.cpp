// Security auditing -> CAR registry: a registry value written, created
// (4657 OperationType %%1904) or modified (%%1905), is value_edit, as Sysmon
// logs both (13, SetValue); a value deleted (%%1906) is remove, as Sysmon's
// 12 DeleteValue. A new value has no previous_type / previous_data.
// ObjectName "\REGISTRY\MACHINE\SOFTWARE\...\Run" becomes hive "HKLM" and
// key "SOFTWARE\...\Run", as Sysmon writes its paths.
#include "car/registry_root.hpp"
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

struct registry_operation {
    std::string_view logged;
    std::string_view action;
    std::string_view event_type;  // Sysmon's EventType for the same change
};

constexpr registry_operation registry_operations[] = {
    {"%%1904", "value_edit", "SetValue"},
    {"%%1905", "value_edit", "SetValue"},
    {"%%1906", "remove", "DeleteValue"},
};

void set_registry_key(std::string_view object_name, car_event& out) {
    if (const auto split = split_kernel_registry_path(object_name)) {
        out.set(car_field::hive, std::string(split->hive));
        if (!split->rest.empty()) out.set(car_field::key, std::string(split->rest));
        return;
    }
    out.set(car_field::key, std::string(object_name));  // another namespace (an application hive): as logged
}

}  // namespace

std::string map_registry_value(const event_fields& in, car_event& out) {
    out.object = "registry";
    std::string problem;
    const std::string_view operation = in.get("OperationType");
    const registry_operation* known = nullptr;
    for (const registry_operation& candidate : registry_operations) {
        if (candidate.logged == operation) known = &candidate;
    }
    if (known != nullptr) {
        out.action = known->action;
        out.set(car_field::event_type, std::string(known->event_type));
    } else {
        out.action = "value_edit";
        problem = "OperationType '" + std::string(operation) + "' is not one evtxcar knows";
    }
    const std::string_view object_name = in.get("ObjectName");
    if (!is_placeholder(object_name)) set_registry_key(object_name, out);
    copy_field(in, "ObjectValueName", out, car_field::value);
    const std::string_view new_type = in.get("NewValueType");
    if (!is_placeholder(new_type)) out.set(car_field::type, registry_type_name(new_type));
    copy_logged(in, "NewValue", out, car_field::data);
    const std::string_view old_type = in.get("OldValueType");
    if (!is_placeholder(old_type)) out.set(car_field::previous_type, registry_type_name(old_type));
    copy_logged(in, "OldValue", out, car_field::previous_data);
    keep_first(problem, set_process(in, "ProcessId", "ProcessName", out));
    set_account(in, subject_account, out, account_user);
    return problem;
}

}  // namespace evtxcar::security
