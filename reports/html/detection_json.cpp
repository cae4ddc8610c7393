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

// The events detections refer to that are not timeline rows, each once,
// written as JSON when first referred to (a detection lives only while it
// is visited: detection_list).
class detached_events {
public:
    detached_events() { written_.begin_array(); }
    detached_events(const detached_events&) = delete;
    detached_events& operator=(const detached_events&) = delete;

    std::int64_t reference(const car_event& event, const detection_context& context) {
        if (const auto row = context.row_of(event)) return static_cast<std::int64_t>(*row);
        const auto key = std::make_tuple(event.file_index, event.record_id, event.record_offset);
        const auto [found, added] = index_.try_emplace(key, index_.size());
        if (added) append_event(written_, event);
        return -1 - static_cast<std::int64_t>(found->second);
    }
    // The array of them, as the value of the member `json` is at; once,
    // after the last reference.
    void append_to(embedded_json& json) {
        written_.end_array();
        json.raw(written_text_);
    }

private:
    std::map<std::tuple<std::uint32_t, std::uint64_t, std::uint64_t>, std::size_t> index_;
    std::string written_text_;
    embedded_json written_{written_text_};
};

// What the report says of each analytic: from its first detection.
struct analytic_entry {
    std::string label, id, name, variant, technique, tactics, level, status, rule_path;
};

}  // namespace

void append_detection_members(embedded_json& json, const detection_list& detections,
                              const detection_context& context) {
    text_table analytics;
    std::vector<analytic_entry> first_of_analytic;
    text_table reasons;
    detached_events detached;

    json.key("detections").begin_array();
    detections.for_each([&](const detection& found) {
        const std::uint64_t analytic = analytics.number_of(found.label());
        if (analytic == first_of_analytic.size()) {
            first_of_analytic.push_back({found.label(), found.analytic_id, found.analytic_name, found.variant, found.technique,
                                         found.tactics, found.level, found.status, found.rule_path});
        }
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
    });
    json.end_array();

    json.key("analytics").begin_array();
    for (const analytic_entry& found : first_of_analytic) {
        json.begin_object();
        json.key("label").string(found.label);
        json.key("id").string(found.id);
        json.key("name").string(found.name);
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

    json.key("detection_events");
    detached.append_to(json);
}

}  // namespace evtxcar
