#include "pipeline/timeline_pass.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "pipeline/duplicate_filter.hpp"
#include "pipeline/event_batch_queue.hpp"

namespace evtxcar {

namespace {

// Small batches: the writer thread reads each event's strings while they
// are still in a cache near the merge thread that decoded them. 64 events
// a batch, not 256, cut the CPU time of a two-thread Sysmon run by a sixth
// to a third (docs/benchmarks.md).
constexpr std::size_t events_per_batch = 64;
constexpr std::size_t batches_in_flight = 8;

// The analytics as the pass runs them: those that see every event, and
// those whose markers matched events in the scan, by their label.
struct pass_analytics {
    explicit pass_analytics(const std::vector<std::unique_ptr<analytic>>& analytics)
        : all(analytics), wanters(process_wanters(analytics)) {
        for (const auto& candidate : analytics) {
            if (candidate->marks_in_scan()) {
                by_mark.emplace(std::string(candidate->mark_label()), candidate.get());
            } else {
                evaluated.push_back(candidate.get());
            }
        }
    }
    const std::vector<std::unique_ptr<analytic>>& all;
    std::vector<const analytic*> wanters;  // process_wanters(all)
    std::vector<const analytic*> evaluated;
    std::unordered_map<std::string, const analytic*> by_mark;
};

// One event's new detections: those of its marks, then those of the
// analytics evaluated in the pass, both in slots reused from event to event
// (their strings keep their buffers: a log that fires on every other event
// would otherwise allocate and free each detection's copies of the event and
// its process).
struct event_detections {
    // With one thread the first `marks` of `marked` are this event's
    // detections; with two (`defer_marks`) only `mark_by` says whose marks
    // they are, and the writer thread makes them (detection_for_mark), off
    // the merge thread.
    bool defer_marks = false;
    std::vector<detection> marked;
    std::vector<const analytic*> mark_by;  // the first `marks`
    std::size_t marks = 0;
    detection_output evaluated;
    const car_event* context = nullptr;  // the event's process context, while it is being kept
};

// The process/create that gives `event` its context: the one the process
// index or the pid tracker knows, else the event itself when it is a process
// create no analytic kept; nullptr when there is none.
const car_event* context_of(const car_event& event, const process_context& processes) {
    if (const car_event* process = processes.find_for(event)) return process;
    if (event.object == "process" && event.action == "create") return &event;
    return nullptr;
}

// `slot` = `value`, reusing the buffers of the event already there.
void assign_reusing(std::optional<car_event>& slot, const car_event& value) {
    if (slot) {
        *slot = value;
    } else {
        slot.emplace(value);
    }
}

// A reused detection slot's process: the context, or none.
void set_process(detection& found, const car_event* context) {
    if (context != nullptr) {
        assign_reusing(found.process, *context);
    } else {
        found.process.reset();
    }
}

// Counts an event of the timeline (not a copy) for coverage and for its
// host's profile. These read only the event's host, kind, CAR values and
// payload names, which the analytics leave as they are, and nothing reads
// the counts before the pass ends: with two threads the writer thread
// counts (off the merge thread, which bounds the pass), with one the pass.
void count_for_coverage(const car_event& event, const std::vector<event_need>& needs, timeline_pass_result& pass) {
    pass.coverage.count(needs, event.computer(), event);
    pass.profiles.count(event.computer(), event);
}

// Follows the event's pid (pid_tracker), finds whose marks the scan put
// on it, runs every other analytic on it, marks their hits on it, finds its
// process context and (unless `fresh.defer_marks`) makes its marks'
// detections; gives each new detection the event's labels and its process
// context.
void run_analytics(car_event& event, const pass_analytics& analytics, pid_tracker& pids,
                   const process_context& processes, timeline_pass_result& pass, event_detections& fresh) {
    pids.observe(event, wanted_by_any(analytics.wanters, event));
    fresh.marks = 0;
    fresh.evaluated.clear();
    fresh.context = nullptr;
    if (!event.analytics.empty() && !analytics.by_mark.empty()) {
        for (const std::string& label : event.analytics) {
            const auto found = analytics.by_mark.find(label);
            if (found == analytics.by_mark.end()) continue;
            if (fresh.marks == fresh.mark_by.size()) fresh.mark_by.emplace_back();
            fresh.mark_by[fresh.marks++] = found->second;
        }
    }
    for (const analytic* candidate : analytics.evaluated) {
        candidate->evaluate(event, processes, fresh.evaluated, pass.warnings);
    }
    // A mark of a rule that only feeds correlations (no analytic of its
    // own) is not a hit of this event: the correlations have read it.
    if (!event.analytics.empty()) {
        std::erase_if(event.analytics, [&](const std::string& label) {
            if (analytics.by_mark.count(label) > 0) return false;
            for (const detection& found : fresh.evaluated) {
                if (found.label() == label) return false;
            }
            return true;
        });
    }
    for (const detection& found : fresh.evaluated) {
        std::string label = found.label();
        if (std::find(event.analytics.begin(), event.analytics.end(), label) == event.analytics.end()) {
            event.analytics.push_back(std::move(label));
        }
    }
    if (fresh.marks == 0 && fresh.evaluated.empty()) return;
    const car_event* context = context_of(event, processes);
    fresh.context = context;
    // detection_for_mark reads the event's values, not its labels: made
    // after the labels are final, a mark's detection is the same.
    for (std::size_t i = 0; i < fresh.marks && !fresh.defer_marks; ++i) {
        if (i == fresh.marked.size()) fresh.marked.emplace_back();
        detection& found = fresh.marked[i];
        fresh.mark_by[i]->detection_for_mark(event, found);
        found.event.analytics = event.analytics;
        found.event.copies = event.copies;
        set_process(found, context);
    }
    for (detection& found : fresh.evaluated) {
        found.event.analytics = event.analytics;
        found.event.copies = event.copies;
        set_process(found, context);
    }
}

// The end of the timeline: detections the analytics could only decide now.
void finish_analytics(const pass_analytics& analytics, const process_context& processes, std::vector<detection>& fresh) {
    fresh.clear();
    for (const analytic* candidate : analytics.evaluated) candidate->finish(fresh);
    for (detection& found : fresh) {
        if (found.process) continue;
        if (const car_event* context = context_of(found.event, processes)) found.process = *context;
    }
}

// Where the pass's detections go: the writers that take them as they are
// made, then the run's store.
struct detection_sinks {
    const std::vector<report_writer*>& writers;  // those that take_detections()
    detection_store& store;
    // With two threads, the batch whose detections the writer thread makes
    // whole (marks), hands to `writers` (formatting them there, off the
    // merge thread) and to `store`; nullptr: handed to them here.
    timeline_batch* batch = nullptr;
    std::size_t batch_event = 0;  // where in `batch` the event being kept goes
};

std::optional<read_error> write_detection_to(const std::vector<report_writer*>& writers, const detection& found) {
    for (report_writer* writer : writers) {
        auto written = writer->write_detection(found);
        if (!written) return written.error();
    }
    return std::nullopt;
}

// Hands `found` to the writers that take detections (or to the batch for
// them) and to the store. `found` may be left with other contents: moved
// from when `may_move` (a detection made at the end), else kept or swapped
// with an old batch slot (a reused slot, which the next detection assigns
// anew).
std::optional<read_error> pass_on(detection& found, bool may_move, const detection_sinks& sinks) {
    if (sinks.batch == nullptr) {
        if (auto failed = write_detection_to(sinks.writers, found)) return failed;
        auto added = may_move ? sinks.store.add(std::move(found)) : sinks.store.add(std::as_const(found));
        if (!added) return added.error();
        return std::nullopt;
    }
    timeline_batch& batch = *sinks.batch;
    std::swap(batch.next_detection(), found);
    return std::nullopt;
}

// Hands the writer thread a mark's detection to make: the slot gets only
// the process context here (the pid tracker's processes change as the
// merge goes on); the rest is made from the batch's copy of the event.
void pass_on_mark(const analytic& by, const car_event* context, const detection_sinks& sinks) {
    set_process(sinks.batch->next_detection({&by, sinks.batch_event}), context);
}

// Passes the event's new detections on to the writers that take them and
// to the run's store (copied or encoded: their slots stay for the next
// event), or to the batch for the writer thread.
std::optional<read_error> keep(event_detections& fresh, const detection_sinks& sinks) {
    for (std::size_t i = 0; i < fresh.marks; ++i) {
        if (fresh.defer_marks) {
            pass_on_mark(*fresh.mark_by[i], fresh.context, sinks);
            continue;
        }
        if (auto failed = pass_on(fresh.marked[i], false, sinks)) return failed;
    }
    fresh.marks = 0;
    for (detection& found : fresh.evaluated) {
        if (auto failed = pass_on(found, false, sinks)) return failed;
    }
    fresh.evaluated.clear();
    return std::nullopt;
}

// The end of a pass that saw every event: the analytics' last detections,
// then the store written out.
result<timeline_pass_result> finish_pass(const pass_analytics& analytics, const process_context& processes,
                                         const std::vector<report_writer*>& takers,
                                         std::optional<read_error>& store_failure, timeline_pass_result pass) {
    std::vector<detection> last;
    finish_analytics(analytics, processes, last);
    const detection_sinks sinks{takers, pass.detections};
    for (detection& found : last) {
        if (store_failure) break;
        store_failure = pass_on(found, true, sinks);
    }
    if (store_failure) return *store_failure;
    auto flushed = pass.detections.flush();
    if (!flushed) return flushed.error();
    return pass;
}

void count_copy(const car_event& copy, duplicate_counts& counts) {
    ++counts.events;
    ++counts.by_channel[copy.channel];
    ++counts.by_provider[copy.provider];
    ++counts.by_event_id[copy.provider + "/" + std::to_string(copy.event_id)];
    ++counts.by_object_action[copy.object + "/" + copy.action];
}

std::optional<read_error> write_to_all(const car_event& event, std::vector<std::unique_ptr<report_writer>>& writers) {
    for (auto& writer : writers) {
        auto written = writer->write_event(event);
        if (!written) return written.error();
    }
    return std::nullopt;
}

}  // namespace

result<timeline_pass_result> run_timeline_pass(timeline_sorter& sorter,
                                               const std::vector<std::unique_ptr<analytic>>& analytics,
                                               const process_index& processes,
                                               std::vector<std::unique_ptr<report_writer>>& writers,
                                               progress_meter& progress, const timeline_pass_settings& settings,
                                               const stop_request& stop) {
    timeline_pass_result pass;
    pass.detections = detection_store(settings.spill_folder, settings.detection_memory, settings.keep_detections);
    std::vector<report_writer*> takers;  // the writers that take detections as they are made
    for (auto& writer : writers) {
        if (writer->takes_detections()) takers.push_back(writer.get());
    }
    detection_sinks sinks{takers, pass.detections};
    const read_error stopped{.reason = "stopped before the timeline was complete"};
    std::optional<read_error> writer_failure;
    std::optional<read_error> store_failure;  // a detection could not be written or kept
    event_detections new_detections;          // one event's, before the store takes them
    pid_tracker pids;
    const process_context context(processes, pids);
    const std::vector<event_need> needs = needs_of(analytics);
    const pass_analytics runs(analytics);
    duplicate_filter duplicates(settings.keep_duplicates);
    // A copy is followed by the pid tracker only; an event is evaluated and
    // handed to `write` (which may exchange it for another, never null).
    auto take = [&](std::unique_ptr<car_event>& handle, bool is_copy, auto& write) {
        car_event& event = *handle;
        if (settings.hosts != nullptr) settings.hosts->apply(event);
        if (is_copy) {
            pids.observe(event, wanted_by_any(runs.wanters, event));
            count_copy(event, pass.duplicates);
            return;
        }
        run_analytics(event, runs, pids, context, pass, new_detections);
        if (!store_failure) store_failure = keep(new_detections, sinks);
        ++pass.events;
        write(handle);
    };

    if (settings.threads == timeline_pass_threads::one) {
        auto write = [&](std::unique_ptr<car_event>& event) {
            progress.add_records(1);
            count_for_coverage(*event, needs, pass);
            if (!writer_failure) writer_failure = write_to_all(*event, writers);
        };
        auto out = [&](std::unique_ptr<car_event>& event, bool is_copy) { take(event, is_copy, write); };
        auto merged = sorter.merge_handing_over([&](std::unique_ptr<car_event>& event) {
            if (stop.requested()) return false;
            duplicates.add(event, out);
            return !writer_failure;
        });
        if (merged && !writer_failure && !stop.requested()) duplicates.finish(out);
        if (writer_failure) return *writer_failure;
        if (stop.requested()) return stopped;
        if (!merged) return merged.error();
        return finish_pass(runs, context, takers, store_failure, std::move(pass));
    }

    // Two threads: this one merges and runs the analytics (which keep state
    // in timeline order); the writer thread counts the events for coverage
    // (`count_for_coverage`: `pass.coverage` and `pass.profiles` are its
    // own until it is joined), makes the marks' detections (from the
    // batch's events: detection_for_mark only reads its analytic), hands
    // every detection to the writers that take them and to the store
    // (`pass.detections`, its own too until then), formats and writes.
    // Events reach the writers in the same order as with one thread. Written batches come
    // back through `recycled`: the merge decodes into their events' buffers
    // (swapped in), so neither thread allocates or frees for each event.
    event_batch_queue queue(batches_in_flight);
    event_batch_queue recycled(batches_in_flight + 4);  // more than ever exist: push never waits
    std::thread writer_thread([&] {
        while (auto batch = queue.pop()) {
            for (const std::unique_ptr<car_event>& event : batch->events) {
                count_for_coverage(*event, needs, pass);
                writer_failure = write_to_all(*event, writers);
                if (writer_failure) {
                    queue.close();  // the merge stops at its next batch
                    return;
                }
            }
            for (std::size_t i = 0; i < batch->detections_used; ++i) {
                detection& found = batch->detections[i];
                const timeline_batch::pending_mark& pending = batch->pending[i];
                if (pending.by != nullptr) pending.by->detection_for_mark(*batch->events[pending.event], found);
                writer_failure = write_detection_to(takers, found);
                if (!writer_failure) {
                    auto added = pass.detections.add(std::as_const(found));
                    if (!added) writer_failure = added.error();
                }
                if (writer_failure) {
                    queue.close();
                    return;
                }
            }
            progress.add_records(batch->events.size());
            recycled.push(std::move(*batch));
        }
    });
    auto next_batch = [&recycled] {
        if (auto batch = recycled.try_pop()) {
            batch->detections_used = 0;
            return std::move(*batch);
        }
        timeline_batch fresh;
        fresh.events.reserve(events_per_batch);
        return fresh;
    };
    timeline_batch batch = next_batch();
    sinks.batch = &batch;
    new_detections.defer_marks = true;
    std::size_t filled = 0;
    bool taken = true;
    auto write = [&](std::unique_ptr<car_event>& event) {
        // The event goes into the batch; the filter gets an old one back,
        // whose buffers the merge decodes into.
        if (filled < batch.events.size()) {
            batch.events[filled].swap(event);
        } else {
            batch.events.push_back(std::move(event));
            event = std::make_unique<car_event>();
        }
        sinks.batch_event = ++filled;
        if (filled < events_per_batch) return;
        batch.events.resize(filled);
        taken = queue.push(std::move(batch)) && taken;
        batch = next_batch();
        filled = 0;
        sinks.batch_event = 0;
    };
    auto out = [&](std::unique_ptr<car_event>& event, bool is_copy) { take(event, is_copy, write); };
    auto merged = sorter.merge_handing_over([&](std::unique_ptr<car_event>& event) {
        if (stop.requested()) return false;
        duplicates.add(event, out);
        return taken;
    });
    if (merged && taken && !stop.requested()) duplicates.finish(out);
    if (filled > 0) {
        batch.events.resize(filled);
        queue.push(std::move(batch));
    }
    sinks.batch = nullptr;
    new_detections.defer_marks = false;
    queue.close();
    writer_thread.join();
    if (writer_failure) return *writer_failure;
    if (stop.requested()) return stopped;
    if (!merged) return merged.error();
    return finish_pass(runs, context, takers, store_failure, std::move(pass));
}

}  // namespace evtxcar
