#include "pipeline/record_consumer.hpp"

#include "car/event_fields.hpp"

namespace evtxcar {

namespace {
// The map's value for `key`, inserted when missing (without building a
// string for keys already there).
template <typename Map>
typename Map::mapped_type& counter(Map& map, std::string_view key) {
    auto found = map.find(key);
    if (found == map.end()) found = map.emplace(std::string(key), typename Map::mapped_type{}).first;
    return found->second;
}

// Everything of the last record's event gone but its buffers. The payload
// fields are left as they are: keep_record_values assigns them (reusing
// their strings' buffers) and nothing reads them before.
// A member added to car_event must be cleared here too:
static_assert(sizeof(void*) != 8 || sizeof(car_event) == 352, "car_event changed: clear its new member below");
void clear_but_fields(car_event& event) {
    event.object.clear();
    event.action.clear();
    event.values.clear();
    event.time = 0;
    event.file_index = 0;
    event.record_id = 0;
    event.record_offset = 0;
    event.channel.clear();
    event.provider.clear();
    event.event_id = 0;
    event.version = 0;
    event.level = 0;
    event.task = 0;
    event.opcode = 0;
    event.layout = {};
    event.keywords = 0;
    event.user_sid.clear();
    event.payload = payload_kind::none;
    event.payload_name.clear();
    event.analytics.clear();
    event.copies.clear();
}
}  // namespace

record_consumer::record_consumer(const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                                 const std::vector<std::unique_ptr<analytic>>& analytics, const time_window& window,
                                 timeline_scope scope, std::vector<std::unique_ptr<event_marker>>& markers,
                                 scan_tally& tally, run_builder& runs)
    : normalizers_(normalizers),
      process_wanters_(process_wanters(analytics)),
      window_(window),
      scope_(scope),
      markers_(markers),
      tally_(tally),
      runs_(runs) {}

void record_consumer::on_record(const event_record& record) {
    ++records_seen_;
    ++tally_.records_read;
    file_tally& file = tally_.files[file_index_];
    ++file.records_read;
    const filetime_ticks t = record.time_created;
    if (t != 0) {
        if (file.first_time == 0 || t < file.first_time) file.first_time = t;
        if (t > file.last_time) file.last_time = t;
    }
    record_count& channel = counter(tally_.by_channel, record.channel);
    ++channel.records;
    ++counter(tally_.by_host, record.computer);
    record_count& event_id = counter(tally_.by_provider_event, record.provider_name)[record.event_id];
    ++event_id.records;

    if (!window_.contains(t)) {
        ++tally_.records_outside_time_range;
        return;
    }
    car_event& event = event_;
    clear_but_fields(event);
    if (!normalize(record, event)) {
        if (scope_ == timeline_scope::car) return;
        clear_but_fields(event);  // nothing a declining normalizer left behind
        set_generic_event(record, event);
    }
    keep_record_values(record, event);
    event.file_index = file_index_;
    for (const auto& marker : markers_) marker->mark(event);
    ++tally_.timeline_events;
    ++counter(tally_.by_object_action, event.object + "/" + event.action);
    ++channel.timeline;
    ++event_id.timeline;
    if (wanted_by_any(process_wanters_, event)) tally_.processes.push_back(event);
    runs_.add(event);
}

bool record_consumer::normalize(const event_record& record, car_event& event) {
    for (const auto& normalizer : normalizers_) {
        if (normalizer->provider() != record.provider_name) continue;
        std::string problem;
        if (!normalizer->normalize(record, event, problem)) continue;
        if (!problem.empty()) note_normalization_problem(record, problem);
        return true;
    }
    return false;
}

void record_consumer::note_normalization_problem(const event_record& record, const std::string& problem) {
    ++tally_.normalization_warnings;
    keep_earliest_notes(tally_.normalization_examples, {file_index_, record.file_offset,
                                   record.provider_name + " " + std::to_string(record.event_id) + " record " +
                                       std::to_string(record.record_id) + " (" + record.computer + "): " + problem});
}

void record_consumer::on_record_error(const read_error& error, std::uint64_t records_lost) {
    const std::uint64_t lost = records_lost == 0 ? 1 : records_lost;
    tally_.records_failed += lost;
    file_tally& file = tally_.files[file_index_];
    file.records_failed += lost;
    file.first_problem.offer(error);
    tally_.add_problem(error, lost, false);
}

void record_consumer::on_warning(const read_error& warning) {
    file_tally& file = tally_.files[file_index_];
    ++file.warnings;
    file.first_warning.offer(warning);
    tally_.add_problem(warning, 0, true);
}

}  // namespace evtxcar
