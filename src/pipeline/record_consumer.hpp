#pragma once
// record_consumer: what a scan worker does with each record an engine
// delivers: count it, normalize it (a generic event when no normalizer maps
// it), let the markers of single-event analytics (Sigma rules) label it,
// keep the process/creates analytics asked for, and hand the event to the
// sorter.

#include <memory>
#include <optional>
#include <vector>

#include "analytics/analytic.hpp"
#include "car/normalizer.hpp"
#include "pipeline/scan_tally.hpp"
#include "pipeline/timeline_sorter.hpp"
#include "record_source.hpp"

namespace evtxcar {

// Which records become timeline events: every readable record (typed CAR
// events where a mapping exists, generic events for the rest), or only the
// typed CAR events (`--timeline car`).
enum class timeline_scope : std::uint8_t { all, car };

struct time_window {
    std::optional<filetime_ticks> from;  // inclusive
    std::optional<filetime_ticks> to;    // inclusive
    bool contains(filetime_ticks t) const { return (!from || t >= *from) && (!to || t <= *to); }
};

class record_consumer final : public record_visitor {
public:
    record_consumer(const std::vector<std::unique_ptr<event_normalizer>>& normalizers,
                    const std::vector<std::unique_ptr<analytic>>& analytics, const time_window& window,
                    timeline_scope scope, std::vector<std::unique_ptr<event_marker>>& markers, scan_tally& tally,
                    run_builder& runs);

    void set_file(std::uint32_t file_index) { file_index_ = file_index; }
    std::uint64_t records_seen() const { return records_seen_; }

    void on_record(const event_record& record) override;
    void on_record_error(const read_error& error, std::uint64_t records_lost) override;
    void on_warning(const read_error& warning) override;

private:
    void note_normalization_problem(const event_record& record, const std::string& problem);
    // Fills `event` from the first normalizer that maps the record; false when none does.
    bool normalize(const event_record& record, car_event& event);

    const std::vector<std::unique_ptr<event_normalizer>>& normalizers_;
    const std::vector<const analytic*> process_wanters_;  // of the analytics given
    time_window window_;
    timeline_scope scope_;
    std::vector<std::unique_ptr<event_marker>>& markers_;
    scan_tally& tally_;
    run_builder& runs_;
    std::uint32_t file_index_ = 0;
    std::uint64_t records_seen_ = 0;
    car_event event_;  // each record's event, its buffers kept from one record to the next
};

}  // namespace evtxcar
