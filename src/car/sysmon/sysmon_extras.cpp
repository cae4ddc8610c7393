// Sysmon events CAR does not model, as evtxcar's own objects:
//   sensor/state_change (4), sensor/config_change (16), sensor/error (255),
//   pipe/create (17), pipe/connect (18), wmi/filter|consumer|binding (19-21),
//   dns/query (22), clipboard/change (24), sysmon/other (any other id).
#include <string>

#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

void map_sensor_state(const event_fields& in, car_event& out) {
    out.object = "sensor";
    out.action = "state_change";
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "State", out, car_field::state);
    copy_field(in, "Version", out, car_field::version);
    copy_field(in, "SchemaVersion", out, car_field::schema_version);
}

void map_sensor_config(const event_fields& in, car_event& out) {
    out.object = "sensor";
    out.action = "config_change";
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "Configuration", out, car_field::configuration);
    copy_field(in, "ConfigurationFileHash", out, car_field::configuration_hash);
}

void map_sensor_error(const event_fields& in, car_event& out) {
    out.object = "sensor";
    out.action = "error";
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "ID", out, car_field::error_id);
    copy_field(in, "Description", out, car_field::error_description);
}

void map_pipe(const event_fields& in, car_event& out) {
    out.object = "pipe";
    out.action = in.record().event_id == 17 ? "create" : "connect";
    set_acting_process(in, out);
    copy_field(in, "EventType", out, car_field::event_type);
    copy_field(in, "PipeName", out, car_field::pipe_name);
}

void map_wmi(const event_fields& in, car_event& out) {
    out.object = "wmi";
    switch (in.record().event_id) {
        case 19: out.action = "filter"; break;
        case 20: out.action = "consumer"; break;
        default: out.action = "binding"; break;
    }
    if (in.get("RuleName") != "-") copy_field(in, "RuleName", out, car_field::rule_name);
    copy_field(in, "UtcTime", out, car_field::utc_time);
    copy_field(in, "EventType", out, car_field::event_type);
    copy_field(in, "Operation", out, car_field::operation);
    set_user(in, "User", out);
    copy_field(in, "EventNamespace", out, car_field::event_namespace);
    copy_field(in, "Name", out, car_field::wmi_name);
    copy_field(in, "Query", out, car_field::wmi_query);
    copy_field(in, "Type", out, car_field::type);
    copy_field(in, "Destination", out, car_field::wmi_destination);
    copy_field(in, "Consumer", out, car_field::wmi_consumer);
    copy_field(in, "Filter", out, car_field::wmi_filter);
}

void map_dns_query(const event_fields& in, car_event& out) {
    out.object = "dns";
    out.action = "query";
    set_acting_process(in, out);
    copy_field(in, "QueryName", out, car_field::query_name);
    copy_field(in, "QueryStatus", out, car_field::query_status);
    copy_field(in, "QueryResults", out, car_field::query_results);
}

void map_clipboard_change(const event_fields& in, car_event& out) {
    out.object = "clipboard";
    out.action = "change";
    set_acting_process(in, out);
    copy_field(in, "Session", out, car_field::session);
    copy_field(in, "ClientInfo", out, car_field::client_info);
    copy_field(in, "Hashes", out, car_field::hashes);
    copy_field(in, "Archived", out, car_field::archived);
}

void map_unknown(const event_fields& in, car_event& out) {
    out.object = "sysmon";
    out.action = "event_" + std::to_string(in.record().event_id);
    set_acting_process(in, out);
}

}  // namespace evtxcar::sysmon
