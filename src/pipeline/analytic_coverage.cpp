#include "pipeline/analytic_coverage.hpp"

#include <algorithm>

#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

bool same_need(const event_need& a, const event_need& b) {
    return a.object == b.object && a.action == b.action && a.field == b.field;
}

std::size_t index_of(const std::vector<event_need>& needs, const event_need& need) {
    return static_cast<std::size_t>(
        std::find_if(needs.begin(), needs.end(), [&](const event_need& n) { return same_need(n, need); }) -
        needs.begin());
}

std::string kind_of(const event_need& need) { return std::string(need.object) + "/" + std::string(need.action); }

std::string describe(const event_need& need) {
    std::string text = kind_of(need) + " events";
    if (need.field) text += " with " + std::string(name_of(*need.field));
    return text + " (" + std::string(need.sources) + ")";
}

std::string why_not(const event_need& need, const need_count& count, bool windowed) {
    const std::string where = windowed ? " from this host inside --from/--to" : " from this host";
    if (count.events == 0) return "no " + kind_of(need) + " events" + where + " (" + std::string(need.sources) + ")";
    std::string text = std::to_string(count.events) + " " + kind_of(need) + " events" + where + ", none with " +
                       std::string(name_of(*need.field));
    if (!need.field_note.empty()) text += ": " + std::string(need.field_note);
    return text;
}

}  // namespace

std::vector<event_need> needs_of(const std::vector<std::unique_ptr<analytic>>& analytics) {
    std::vector<event_need> needs;
    for (const auto& candidate : analytics) {
        for (const analytic_variant& variant : candidate->variants()) {
            if (index_of(needs, variant.need) == needs.size()) needs.push_back(variant.need);
        }
    }
    return needs;
}

void coverage_counts::count(const std::vector<event_need>& needs, std::string_view computer, const car_event& event) {
    for (std::size_t i = 0; i < needs.size(); ++i) {
        const event_need& need = needs[i];
        if (event.object != need.object || event.action != need.action) continue;
        if (last_counts_ == nullptr || computer != last_computer_) {
            std::string key = fold_case(computer);
            auto found = by_host_.find(key);
            if (found == by_host_.end()) found = by_host_.emplace(std::move(key), std::vector<need_count>()).first;
            last_counts_ = &found->second;
            last_computer_.assign(computer);
        }
        if (last_counts_->size() < needs.size()) last_counts_->resize(needs.size());
        need_count& counted = (*last_counts_)[i];
        ++counted.events;
        if (need.field && event.get(*need.field) != nullptr) ++counted.with_field;
    }
}

void coverage_counts::add(const coverage_counts& other) {
    for (const auto& [host, counts] : other.by_host_) {
        std::vector<need_count>& mine = by_host_[host];
        if (mine.size() < counts.size()) mine.resize(counts.size());
        for (std::size_t i = 0; i < counts.size(); ++i) {
            mine[i].events += counts[i].events;
            mine[i].with_field += counts[i].with_field;
        }
    }
    last_counts_ = nullptr;
}

const need_count* coverage_counts::find(std::string_view host_key, std::size_t need_index) const {
    const auto found = by_host_.find(host_key);
    if (found == by_host_.end() || need_index >= found->second.size()) return nullptr;
    return &found->second[need_index];
}

std::vector<coverage_row> build_coverage(const std::map<std::string, std::uint64_t>& records_by_host,
                                         const std::vector<std::unique_ptr<analytic>>& analytics,
                                         const coverage_counts& counts, const detection_list& detections,
                                         bool windowed) {
    const std::vector<event_need> needs = needs_of(analytics);
    // Host key (lower case) -> the spelling shown: the first in sorted order.
    std::map<std::string, std::string> hosts;
    for (const auto& [computer, records] : records_by_host) {
        if (computer.empty() || records == 0) continue;
        hosts.emplace(fold_case(computer), computer);
    }
    // Detections by host key and label.
    std::map<std::pair<std::string, std::string>, std::uint64_t> found;
    for (const auto& [key, count] : detections.tallies()) found[{fold_case(key.host), key.label()}] += count;

    std::vector<coverage_row> rows;
    const need_count none;
    for (const auto& [key, shown] : hosts) {
        for (const auto& candidate : analytics) {
            for (const analytic_variant& variant : candidate->variants()) {
                const need_count* counted = counts.find(key, index_of(needs, variant.need));
                const need_count& count = counted ? *counted : none;
                coverage_row row;
                row.host = shown;
                row.analytic_id = std::string(candidate->id());
                row.analytic_name = std::string(candidate->name());
                row.variant = std::string(variant.name);
                row.events_examined = variant.need.field ? count.with_field : count.events;
                row.evaluable = row.events_examined > 0;
                row.needs = describe(variant.need);
                if (!row.evaluable) row.why_not = why_not(variant.need, count, windowed);
                const auto hits = found.find({key, row.analytic_id + ":" + row.variant});
                row.detections = hits == found.end() ? 0 : hits->second;
                rows.push_back(std::move(row));
            }
        }
    }
    return rows;
}

}  // namespace evtxcar
