#include "pipeline/scan_tally.hpp"

#include <algorithm>

namespace evtxcar {

namespace {
void widen_range(filetime_ticks first, filetime_ticks last, filetime_ticks& range_first, filetime_ticks& range_last) {
    if (first == 0 && last == 0) return;
    if (range_first == 0 || first < range_first) range_first = first;
    if (last > range_last) range_last = last;
}
}  // namespace

void scan_tally::add_problem(const read_error& error, std::uint64_t records_lost, bool is_warning) {
    if (problems.size() < scan_summary::max_listed_errors) {
        problems.push_back({error, records_lost, is_warning});
    } else {
        ++problems_not_listed;
    }
}

void keep_earliest_notes(std::vector<normalization_note>& notes, normalization_note note) {
    const auto earlier = [](const normalization_note& a, const normalization_note& b) {
        return a.file_index != b.file_index ? a.file_index < b.file_index : a.offset < b.offset;
    };
    auto at = std::upper_bound(notes.begin(), notes.end(), note, earlier);
    if (at == notes.end() && notes.size() >= max_normalization_examples) return;
    notes.insert(at, std::move(note));
    if (notes.size() > max_normalization_examples) notes.pop_back();
}

void add_tallies_to_summary(std::vector<scan_tally>& tallies, scan_summary& summary) {
    std::vector<normalization_note> earliest_notes;
    std::vector<earliest_reason> first_problems(summary.files.size());
    std::vector<earliest_reason> first_warnings(summary.files.size());
    for (scan_tally& tally : tallies) {
        summary.records_read += tally.records_read;
        summary.records_failed += tally.records_failed;
        summary.records_outside_time_range += tally.records_outside_time_range;
        summary.timeline_events += tally.timeline_events;
        for (const auto& [name, count] : tally.by_channel) {
            summary.records_by_channel[name] += count.records;
            summary.timeline_by_channel[name] += count.timeline;
        }
        for (const auto& [name, count] : tally.by_host) summary.records_by_host[name] += count;
        for (const auto& [provider, ids] : tally.by_provider_event) {
            for (const auto& [id, count] : ids) {
                const std::string event_key = provider + "/" + std::to_string(id);
                summary.records_by_provider[provider] += count.records;
                summary.records_by_event_id[event_key] += count.records;
                summary.timeline_by_provider[provider] += count.timeline;
                summary.timeline_by_event_id[event_key] += count.timeline;
            }
        }
        for (const auto& [name, count] : tally.by_object_action) summary.events_by_object_action[name] += count;
        summary.normalization_warnings += tally.normalization_warnings;
        for (auto& note : tally.normalization_examples) keep_earliest_notes(earliest_notes, std::move(note));
        for (std::size_t i = 0; i < tally.files.size() && i < summary.files.size(); ++i) {
            const file_tally& part = tally.files[i];
            file_outcome& file = summary.files[i];
            file.records_read += part.records_read;
            file.records_failed += part.records_failed;
            file.warnings += part.warnings;
            widen_range(part.first_time, part.last_time, file.first_time, file.last_time);
            if (part.unreadable) file.status = file_status::unreadable;
            first_problems[i].offer(part.first_problem);
            first_warnings[i].offer(part.first_warning);
        }
        for (auto& problem : tally.problems) {
            if (summary.problems.size() < scan_summary::max_listed_errors) {
                summary.problems.push_back(std::move(problem));
            } else {
                ++summary.problems_not_listed;
            }
        }
        summary.problems_not_listed += tally.problems_not_listed;
    }
    for (std::size_t i = 0; i < summary.files.size(); ++i) {
        file_outcome& file = summary.files[i];
        if (file.status != file_status::unreadable && file.records_failed > 0) file.status = file_status::partial;
        // A complete file says why it has warnings (nothing was lost, but something is off).
        if (file.reason.empty()) file.reason = first_problems[i].reason;
        if (file.status == file_status::complete) file.reason = first_warnings[i].reason;
        widen_range(file.first_time, file.last_time, summary.first_time, summary.last_time);
    }
    for (const normalization_note& note : earliest_notes) {
        const std::string& path = note.file_index < summary.files.size() ? summary.files[note.file_index].path : "";
        summary.normalization_warning_examples.push_back(path + " @" + std::to_string(note.offset) + ": " + note.text);
    }
    // Problems in file order, then by position in the file.
    std::map<std::string, std::size_t> index_by_path;
    for (std::size_t i = 0; i < summary.files.size(); ++i) index_by_path.emplace(summary.files[i].path, i);
    std::stable_sort(summary.problems.begin(), summary.problems.end(),
                     [&index_by_path](const scan_summary::problem& a, const scan_summary::problem& b) {
                         auto index = [&index_by_path](const std::string& path) {
                             auto found = index_by_path.find(path);
                             return found == index_by_path.end() ? std::size_t{0} : found->second;
                         };
                         const std::size_t ia = index(a.error.file), ib = index(b.error.file);
                         if (ia != ib) return ia < ib;
                         if (a.error.offset != b.error.offset) return a.error.offset < b.error.offset;
                         return a.error.record_index < b.error.record_index;
                     });
}

}  // namespace evtxcar
