#include "analytics/catalogue_support.hpp"

#include <algorithm>

#include "filetime.hpp"

namespace evtxcar {

car_event without_payload(const car_event& event) {
    car_event copy;
    copy.object = event.object;
    copy.action = event.action;
    copy.values = event.values;
    copy.time = event.time;
    copy.file_index = event.file_index;
    copy.record_id = event.record_id;
    copy.record_offset = event.record_offset;
    copy.channel = event.channel;
    copy.provider = event.provider;
    copy.event_id = event.event_id;
    copy.version = event.version;
    copy.level = event.level;
    copy.task = event.task;
    copy.opcode = event.opcode;
    copy.keywords = event.keywords;
    copy.user_sid = event.user_sid;
    copy.analytics = event.analytics;
    copy.copies = event.copies;
    return copy;
}

detection catalogue_detection(const analytic& source, std::string variant, std::string reason, car_event event,
                              std::string level, std::string tactics) {
    detection found;
    found.analytic_id = std::string(source.id());
    found.analytic_name = std::string(source.name());
    found.technique = std::string(source.technique());
    found.variant = std::move(variant);
    found.reason = std::move(reason);
    found.level = std::move(level);
    found.tactics = std::move(tactics);
    found.event = std::move(event);
    return found;
}

std::string time_text(filetime_ticks ticks) {
    std::string text = format_iso8601_utc(ticks, 0);  // 2026-04-02T09:00:00Z
    if (text.size() > 1 && text.back() == 'Z') text.pop_back();
    std::replace(text.begin(), text.end(), 'T', ' ');
    return text + " UTC";
}

void sort_by_event(std::vector<detection>& detections, std::size_t from) {
    std::stable_sort(detections.begin() + static_cast<std::ptrdiff_t>(from), detections.end(),
                     [](const detection& a, const detection& b) { return timeline_before(a.event, b.event); });
}

}  // namespace evtxcar
