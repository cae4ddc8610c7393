#include "html/detection_json.hpp"

#include <map>
#include <string>
#include <tuple>

#include "filetime.hpp"
#include "html/detection_context.hpp"
#include "html/embedded_json.hpp"

namespace evtxcar {

namespace {

void append_event(embedded_json& json, const car_event& event) {
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
    json.end_object();
}

// Numbers the distinct texts (analytic labels, reasons) in order of first use.
class text_table {
public:
    std::uint64_t number_of(const std::string& text) {
        const auto [found, added] = numbers_.try_emplace(text, order_.size());
        if (added) order_.push_back(&found->first);
        return found->second;
    }
    const std::vector<const std::string*>& texts() const { return order_; }

private:
    std::map<std::string, std::uint64_t> numbers_;
    std::vector<const std::string*> order_;
};

// The events detections refer to that are not timeline rows, each once.
class detached_events {
public:
    std::int64_t reference(const car_event& event, const detection_context& context) {
        if (const auto row = context.row_of(event)) return static_cast<std::int64_t>(*row);
        const auto key = std::make_tuple(event.file_index, event.record_id, event.record_offset);
        const auto [found, added] = index_.try_emplace(key, events_.size());
        if (added) events_.push_back(&event);
        return -1 - static_cast<std::int64_t>(found->second);
    }
    const std::vector<const car_event*>& events() const { return events_; }

private:
    std::map<std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>, std::size_t> index_;
    std::vector<const car_event*> events_;
};

}  // namespace

void append_detection_members(embedded_json& json, const std::vector<detection>& detections,
                              const detection_context& context) {
    text_table analytics;
    std::vector<const detection*> first_of_analytic;
    text_table reasons;
    detached_events detached;

    json.key("detections").begin_array();
    for (const detection& found : detections) {
        const std::uint64_t analytic = analytics.number_of(found.label());
        if (analytic == first_of_analytic.size()) first_of_analytic.push_back(&found);
        json.begin_object();
        json.key("analytic").number(analytic);
        json.key("reason").number(reasons.number_of(found.reason));
        json.key("event").number(detached.reference(found.event, context));
        json.key("process");
        if (found.process) {
            json.number(detached.reference(*found.process, context));
        } else {
            json.null();
        }
        // The process: the one that logged the event (same host, same ProcessGuid).
        const std::string_view host = found.event.text(car_field::hostname);
        const std::string_view guid = found.event.text(car_field::guid);
        json.key("connections").begin_array();
        for (const car_event& connection : context.connections_of(host, guid)) {
            json.number(detached.reference(connection, context));
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();

    json.key("analytics").begin_array();
    for (std::size_t i = 0; i < first_of_analytic.size(); ++i) {
        const detection& found = *first_of_analytic[i];
        json.begin_object();
        json.key("label").string(*analytics.texts()[i]);
        json.key("id").string(found.analytic_id);
        json.key("name").string(found.analytic_name);
        json.key("variant").string(found.variant);
        json.key("technique").string(found.technique);
        json.key("tactics").string(found.tactics);
        json.key("level").string(found.level);
        json.key("status").string(found.status);
        json.key("rule_path").string(found.rule_path);
        json.end_object();
    }
    json.end_array();

    json.key("reasons").begin_array();
    for (const std::string* reason : reasons.texts()) json.string(*reason);
    json.end_array();

    json.key("detection_events").begin_array();
    for (const car_event* event : detached.events()) append_event(json, *event);
    json.end_array();
}

}  // namespace evtxcar
