#include "html/detection_json.hpp"

#include "filetime.hpp"
#include "html/detection_context.hpp"
#include "html/embedded_json.hpp"

namespace evtxcar {

namespace {

// {"time": "<FILETIME>", "time_text": ISO 8601, "host", "object", "action",
//  "file": index, "record_id": "<id>", "channel", "provider", "event_id",
//  "analytics": [...], "fields": [[name, text], ...], "row": n | null}
void append_event(embedded_json& json, const car_event& event, const detection_context& context) {
    json.begin_object();
    json.key("time").string(std::to_string(event.time));
    json.key("time_text").string(format_iso8601_utc(event.time));
    json.key("host").string(event.text(car_field::hostname));
    json.key("object").string(event.object);
    json.key("action").string(event.action);
    json.key("file").number(std::uint64_t{event.file_index});
    json.key("record_id").string(std::to_string(event.record_id));
    json.key("channel").string(event.channel);
    json.key("provider").string(event.provider);
    json.key("event_id").number(std::uint64_t{event.event_id});
    json.key("analytics").begin_array();
    for (const std::string& analytic : event.analytics) json.string(analytic);
    json.end_array();
    json.key("fields").begin_array();
    for (const car_value& value : event.values) json.begin_array().string(name_of(value.field)).string(value.text).end_array();
    json.end_array();
    json.key("row");
    if (const auto row = context.row_of(event)) {
        json.number(*row);
    } else {
        json.null();
    }
    json.end_object();
}

}  // namespace

void append_detections(embedded_json& json, const std::vector<detection>& detections,
                       const detection_context& context) {
    json.begin_array();
    for (const detection& found : detections) {
        json.begin_object();
        json.key("analytic_id").string(found.analytic_id);
        json.key("analytic_name").string(found.analytic_name);
        json.key("technique").string(found.technique);
        json.key("variant").string(found.variant);
        json.key("reason").string(found.reason);
        json.key("event");
        append_event(json, found.event, context);
        json.key("process");
        if (found.process) {
            append_event(json, *found.process, context);
        } else {
            json.null();
        }
        // The process: the one that logged the event (same host, same ProcessGuid).
        const std::string_view host = found.event.text(car_field::hostname);
        const std::string_view guid = found.event.text(car_field::guid);
        json.key("connections").begin_array();
        for (const car_event& connection : context.connections_of(host, guid)) append_event(json, connection, context);
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

}  // namespace evtxcar
