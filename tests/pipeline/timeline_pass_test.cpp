// The timeline pass gives the writers the same events, in the same order and
// with the same analytic marks, whether it runs on one thread or hands the
// writing to a second one; a writer that fails stops the pass either way.
#include "pipeline/timeline_pass.hpp"

#include <stdexcept>
#include <string>

#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

// A flow of cmstp.exe to an address outside the default HOMENET every
// `cmstp_every` events (the analytic's variant `remote`), ordinary process
// terminations otherwise.
constexpr std::uint64_t cmstp_every = 1000;

car_event make_event(std::uint64_t index) {
    car_event event;
    event.time = 133000000000000000ULL + index * 10'000'000ULL;
    event.record_id = index + 1;
    event.provider = "Microsoft-Windows-Sysmon";
    event.set(car_field::hostname, "WS01");
    if (index % cmstp_every == 0) {
        event.object = "flow";
        event.action = "start";
        event.event_id = 3;
        event.set(car_field::image_path, "C:\\Windows\\SysWOW64\\cmstp.exe");
        event.set(car_field::exe, "cmstp.exe");
        event.set(car_field::src_ip, "10.1.2.3");
        event.set(car_field::dest_ip, "203.0.113." + std::to_string(index % 200));
        event.set(car_field::network_direction, "outbound");
    } else {
        event.object = "process";
        event.action = "terminate";
        event.event_id = 5;
        event.set(car_field::image_path, "C:\\Windows\\System32\\notepad.exe");
        event.set(car_field::pid, std::to_string(index));
    }
    return event;
}

// How a test describes a detection: its analytic, event, process and marks.
std::string described(const detection& found) {
    std::string line = found.label() + " record " + std::to_string(found.event.record_id) + " " + found.event.object +
                       "/" + found.event.action + " process " +
                       (found.process ? std::to_string(found.process->record_id) : "none");
    for (const std::string& label : found.event.analytics) line += " " + label;
    for (std::uint32_t copy : found.event.copies) line += " copy " + std::to_string(copy);
    return line;
}

std::vector<std::string> described(const detection_list& detections) {
    std::vector<std::string> out;
    detections.for_each([&](const detection& found) { out.push_back(described(found)); });
    return out;
}

// Remembers what it was given; fails at event number `fail_at` (1-based, 0:
// never). With `takes`, it also takes detections as the pass makes them,
// failing at detection number `fail_detection_at`.
class recording_writer final : public report_writer {
public:
    explicit recording_writer(std::uint64_t fail_at, bool takes = false, std::uint64_t fail_detection_at = 0)
        : fail_at_(fail_at), takes_(takes), fail_detection_at_(fail_detection_at) {}
    bool takes_detections() const override { return takes_; }
    result<bool> write_detection(const detection& found) override {
        if (fail_detection_at_ != 0 && taken.size() + 1 == fail_detection_at_)
            return read_error{.file = "recorded", .reason = "no room for detections"};
        taken.push_back(described(found));
        return true;
    }
    std::string_view file_name() const override { return "recorded"; }
    result<bool> begin(const scan_summary&) override { return true; }
    result<bool> write_event(const car_event& event) override {
        if (fail_at_ != 0 && seen.size() + 1 == fail_at_) return read_error{.file = "recorded", .reason = "disk full"};
        std::string line = std::to_string(event.record_id) + " " + event.object + "/" + event.action;
        for (const std::string& label : event.analytics) line += " " + label;
        if (event.file_index != 0) line += " in file " + std::to_string(event.file_index);
        for (std::uint32_t copy : event.copies) line += " copy in file " + std::to_string(copy);
        seen.push_back(std::move(line));
        return true;
    }
    result<bool> finish(const scan_summary&, const detection_list&) override { return true; }
    result<bool> commit() override { return true; }

    std::vector<std::string> seen;
    std::vector<std::string> taken;  // the detections, described

private:
    std::uint64_t fail_at_;
    bool takes_;
    std::uint64_t fail_detection_at_;
};

struct pass_run {
    result<timeline_pass_result> outcome;
    std::vector<std::string> seen;
    std::vector<std::string> taken;
};

// What a pass's writer is and whether the pass keeps its detections.
struct taking {
    bool takes = false;
    std::uint64_t fail_detection_at = 0;
    bool keep = true;
};

// `copies`: how many files hold each event (file indexes 0, 1, ...).
pass_run run_pass(std::uint64_t events, timeline_pass_threads threads, std::uint64_t fail_at = 0,
                  std::uint32_t copies = 1, bool keep_duplicates = false, bool spill_detections = false,
                  taking detections = {}) {
    temporary_folder folder;
    timeline_sorter sorter(folder.path() / "sort");
    {
        run_builder runs(sorter, 64 << 10);  // small budget: several spilled runs
        for (std::uint32_t file = copies; file-- > 0;) {
            for (std::uint64_t i = events; i-- > 0;) {
                car_event event = make_event(i);
                event.file_index = file;
                runs.add(std::move(event));
            }
        }
        runs.close();
    }
    const auto analytics = make_analytics(analytic_settings{});
    const process_index processes;
    std::vector<std::unique_ptr<report_writer>> writers;
    writers.push_back(std::make_unique<recording_writer>(fail_at, detections.takes, detections.fail_detection_at));
    auto* recorder = static_cast<recording_writer*>(writers.front().get());
    progress_meter progress = progress_meter::for_writing(events, false);
    timeline_pass_settings settings;
    settings.threads = threads;
    settings.keep_duplicates = keep_duplicates;
    settings.keep_detections = detections.keep;
    if (spill_detections) {
        settings.spill_folder = folder.path() / "sort";
        settings.detection_memory = 0;  // every detection to the file
    }
    auto outcome = run_timeline_pass(sorter, analytics, processes, writers, progress, settings);
    return {std::move(outcome), recorder->seen, recorder->taken};
}

}  // namespace

TEST_CASE("timeline pass: two threads write what one thread writes", "[pipeline][timeline_pass]") {
    constexpr std::uint64_t events = 5000;  // not a multiple of a batch
    const pass_run one = run_pass(events, timeline_pass_threads::one);
    const pass_run two = run_pass(events, timeline_pass_threads::two);
    REQUIRE(one.outcome.ok());
    REQUIRE(two.outcome.ok());
    CHECK(one.outcome.value().events == events);
    CHECK(two.outcome.value().events == events);
    REQUIRE(one.seen.size() == events);
    CHECK(one.seen == two.seen);
    // Record ids 1, 1001, ... are the cmstp flows: in timeline order, marked.
    CHECK(one.seen.front() == "1 flow/start CAR-2020-11-010:remote");
    CHECK(one.seen[1] == "2 process/terminate");
    CHECK(one.seen[1000] == "1001 flow/start CAR-2020-11-010:remote");
    CHECK(one.outcome.value().detections.size() == 5);
    CHECK(two.outcome.value().detections.size() == 5);
}

TEST_CASE("timeline pass: a failing writer stops the pass with its error", "[pipeline][timeline_pass]") {
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        const pass_run run = run_pass(20000, threads, 3000);
        REQUIRE_FALSE(run.outcome.ok());
        CHECK(run.outcome.error().reason == "disk full");
        CHECK(run.seen.size() == 2999);
    }
}

TEST_CASE("timeline pass: an event held by several files is written and evaluated once", "[pipeline][timeline_pass]") {
    constexpr std::uint64_t events = 3000;
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        const pass_run run = run_pass(events, threads, 0, 3);
        REQUIRE(run.outcome.ok());
        const timeline_pass_result& pass = run.outcome.value();
        CHECK(pass.events == events);
        CHECK(pass.duplicates.events == 2 * events);
        REQUIRE(run.seen.size() == events);
        // The copy of file 0 is kept (file order breaks the tie); files 1 and 2 are its copies.
        CHECK(run.seen.front() == "1 flow/start CAR-2020-11-010:remote copy in file 1 copy in file 2");
        CHECK(run.seen[1] == "2 process/terminate copy in file 1 copy in file 2");
        CHECK(pass.detections.size() == 3);  // record ids 1, 1001, 2001: once each
        CHECK(pass.duplicates.by_object_action.at("process/terminate") == 2 * (events - 3));
        // Coverage counts each event once: WS01's flow/start events are the three cmstp flows.
        const auto needs = needs_of(make_analytics(analytic_settings{}));
        for (std::size_t i = 0; i < needs.size(); ++i) {
            if (needs[i].object != "flow" || needs[i].action != "start") continue;
            const need_count* count = pass.coverage.find("ws01", i);
            REQUIRE(count != nullptr);
            CHECK(count->events == 3);
        }
    }
}

TEST_CASE("timeline pass: --keep-duplicates writes every copy", "[pipeline][timeline_pass]") {
    const pass_run run = run_pass(2000, timeline_pass_threads::one, 0, 2, true);
    REQUIRE(run.outcome.ok());
    CHECK(run.outcome.value().events == 4000);
    CHECK(run.outcome.value().duplicates.events == 0);
    REQUIRE(run.seen.size() == 4000);
    CHECK(run.seen[0] == "1 flow/start CAR-2020-11-010:remote");
    CHECK(run.seen[1] == "1 flow/start CAR-2020-11-010:remote in file 1");
    CHECK(run.outcome.value().detections.size() == 4);
}

TEST_CASE("timeline pass: detections kept on disk are the detections kept in memory", "[pipeline][timeline_pass]") {
    constexpr std::uint64_t events = 5000;
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        const pass_run in_memory = run_pass(events, threads, 0, 2);
        const pass_run on_disk = run_pass(events, threads, 0, 2, false, true);
        REQUIRE(in_memory.outcome.ok());
        REQUIRE(on_disk.outcome.ok());
        const detection_store& kept = on_disk.outcome.value().detections;
        CHECK(kept.spilled() == 5);  // nothing fit a budget of 0
        CHECK(in_memory.outcome.value().detections.spilled() == 0);
        const std::vector<std::string> expected = described(in_memory.outcome.value().detections);
        REQUIRE(expected.size() == 5);  // the cmstp flows, record ids 1, 1001, ...
        CHECK(expected.front() == "CAR-2020-11-010:remote record 1 flow/start process none CAR-2020-11-010:remote copy 1");
        CHECK(described(kept) == expected);
        CHECK(on_disk.seen == in_memory.seen);
    }
}

TEST_CASE("timeline pass: a writer that takes detections gets them as the store keeps them",
          "[pipeline][timeline_pass]") {
    constexpr std::uint64_t events = 5000;
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        CAPTURE(threads == timeline_pass_threads::two);
        const pass_run kept = run_pass(events, threads, 0, 2);
        const pass_run taken = run_pass(events, threads, 0, 2, false, false, taking{.takes = true});
        const pass_run counted = run_pass(events, threads, 0, 2, false, false, taking{.takes = true, .keep = false});
        REQUIRE(kept.outcome.ok());
        REQUIRE(taken.outcome.ok());
        REQUIRE(counted.outcome.ok());
        const std::vector<std::string> expected = described(kept.outcome.value().detections);
        REQUIRE(expected.size() == 5);  // the cmstp flows, record ids 1, 1001, ...
        CHECK(expected[1] == "CAR-2020-11-010:remote record 1001 flow/start process none CAR-2020-11-010:remote copy 1");
        CHECK(kept.taken.empty());  // a writer that does not take detections gets none
        CHECK(taken.taken == expected);
        CHECK(described(taken.outcome.value().detections) == expected);
        // Not kept: counted and tallied all the same, never visited.
        CHECK(counted.taken == expected);
        const detection_store& store = counted.outcome.value().detections;
        CHECK(store.size() == 5);
        CHECK(store.spilled() == 0);
        CHECK(store.tallies() == kept.outcome.value().detections.tallies());
        CHECK_THROWS_AS(store.for_each([](const detection&) {}), std::logic_error);
        CHECK(counted.seen == kept.seen);
    }
}

TEST_CASE("timeline pass: a writer that fails to take a detection fails the pass with its error",
          "[pipeline][timeline_pass]") {
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        const pass_run run = run_pass(5000, threads, 0, 1, false, false, taking{.takes = true, .fail_detection_at = 3});
        REQUIRE_FALSE(run.outcome.ok());
        CHECK(run.outcome.error().reason == "no room for detections");
        CHECK(run.taken.size() == 2);
    }
}

namespace {

// Sets every member of a reused detection slot but `process`, as the
// analytics must.
void fill_slot(detection& out, const car_event& event, const char* id, const char* name, const char* variant) {
    out.analytic_id = id;
    out.analytic_name = name;
    out.technique = "T0000";
    out.variant = variant;
    out.reason = "record " + std::to_string(event.record_id);
    out.level.clear();
    out.status.clear();
    out.tactics.clear();
    out.rule_path.clear();
    out.event = event;
}

// A rule-like analytic: it marks in the scan (here: the test marks), and the
// pass asks it for each marked event's detection.
class marking_analytic final : public analytic {
public:
    bool marks_in_scan() const override { return true; }
    std::string_view mark_label() const override { return "TEST-1:mark"; }
    void detection_for_mark(const car_event& event, detection& out) const override {
        fill_slot(out, event, "TEST-1", "marked", "mark");
    }
    std::string_view id() const override { return "TEST-1"; }
    std::string_view name() const override { return "marked"; }
    std::string_view technique() const override { return "T0000"; }
    std::vector<analytic_variant> variants() const override { return {}; }
    bool wants_process(const car_event&) const override { return false; }
    bool may_want_processes() const override { return false; }
    void evaluate(const car_event&, const process_context&, detection_output&, analytic_warnings&) const override {}
};

// An analytic evaluated in the pass that fires on every event, into the
// reused slots of its detection_output (as the correlations do).
class firing_analytic final : public analytic {
public:
    std::string_view id() const override { return "TEST-2"; }
    std::string_view name() const override { return "fires"; }
    std::string_view technique() const override { return "T0000"; }
    std::vector<analytic_variant> variants() const override { return {}; }
    bool wants_process(const car_event&) const override { return false; }
    bool may_want_processes() const override { return false; }
    void evaluate(const car_event& event, const process_context&, detection_output& out,
                  analytic_warnings&) const override {
        fill_slot(out.add(), event, "TEST-2", "fires", "fires");
    }
};

}  // namespace

TEST_CASE("detection_output: slots are kept across clear() and handed out again", "[pipeline][timeline_pass]") {
    detection_output out;
    out.add().reason = "first";
    detection second;
    second.reason = "second";
    out.push_back(std::move(second));
    REQUIRE(out.size() == 2);
    CHECK(out[0].reason == "first");
    CHECK(out[1].reason == "second");
    out.clear();
    CHECK(out.empty());
    CHECK(out.begin() == out.end());
    // The contract: a slot may hold an earlier detection, whose buffers the
    // next one reuses; push_back replaces every member.
    CHECK(out.add().reason == "first");
    detection third;
    third.event.record_id = 7;
    out.push_back(std::move(third));
    CHECK(out[1].reason.empty());
    CHECK(out[1].event.record_id == 7);
    CHECK(out.size() == 2);
}

TEST_CASE("timeline pass: each marked event's detection has its own process context, or none",
          "[pipeline][timeline_pass]") {
    // A process create (its own context), then a flow and a file event no
    // process create explains, then another process create.
    std::vector<car_event> events(4);
    const char* objects[] = {"process", "flow", "file", "process"};
    const char* actions[] = {"create", "start", "create", "create"};
    for (std::uint64_t i = 0; i < events.size(); ++i) {
        car_event& event = events[i];
        event.time = 133000000000000000ULL + i;
        event.record_id = i + 1;
        event.object = objects[i];
        event.action = actions[i];
        event.set(car_field::hostname, "WS01");
        event.set(car_field::pid, std::to_string(100 + i));
        event.set(car_field::image_path, "C:\\Windows\\p" + std::to_string(i) + ".exe");
        event.analytics = {"TEST-1:mark"};
    }
    for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
        temporary_folder folder;
        timeline_sorter sorter(folder.path() / "sort");
        {
            run_builder runs(sorter, 1 << 20);
            for (const car_event& event : events) runs.add(event);
            runs.close();
        }
        std::vector<std::unique_ptr<analytic>> analytics;
        analytics.push_back(std::make_unique<marking_analytic>());
        const process_index processes;
        std::vector<std::unique_ptr<report_writer>> writers;
        writers.push_back(std::make_unique<recording_writer>(0));
        progress_meter progress = progress_meter::for_writing(events.size(), false);
        timeline_pass_settings settings;
        settings.threads = threads;
        auto outcome = run_timeline_pass(sorter, analytics, processes, writers, progress, settings);
        REQUIRE(outcome.ok());
        std::vector<detection> found;
        outcome.value().detections.for_each([&](const detection& hit) { found.push_back(hit); });
        REQUIRE(found.size() == 4);
        for (std::size_t i = 0; i < found.size(); ++i) {
            CAPTURE(i);
            CHECK(found[i].event.record_id == i + 1);
            CHECK(found[i].reason == "record " + std::to_string(i + 1));
            CHECK(found[i].event.analytics == std::vector<std::string>{"TEST-1:mark"});
        }
        REQUIRE(found[0].process.has_value());
        CHECK(found[0].process->record_id == 1);
        CHECK_FALSE(found[1].process.has_value());  // nothing left of the first event's context
        CHECK_FALSE(found[2].process.has_value());
        REQUIRE(found[3].process.has_value());
        CHECK(found[3].process->record_id == 4);
        CHECK(found[3].process->text(car_field::image_path) == "C:\\Windows\\p3.exe");
    }
}

TEST_CASE("timeline pass: detections handed to the writer thread keep their own contents across batches",
          "[pipeline][timeline_pass]") {
    // A detection of every event; every third a process create (its own context),
    // the others flows no process explains: a slot reused from an earlier
    // batch must not lend a flow the process of an older detection.
    constexpr std::uint64_t count = 3000;  // dozens of batches, slots recycled many times
    auto events_of = [] {
        std::vector<car_event> events(count);
        for (std::uint64_t i = 0; i < count; ++i) {
            car_event& event = events[i];
            event.time = 133000000000000000ULL + i;
            event.record_id = i + 1;
            const bool create = i % 3 == 0;
            event.object = create ? "process" : "flow";
            event.action = create ? "create" : "start";
            event.set(car_field::hostname, "WS01");
            event.set(car_field::pid, std::to_string(100 + i));
            event.analytics = {"TEST-1:mark"};
        }
        return events;
    };
    // The marks' detections (slots of the pass), then the same made by an
    // analytic evaluated in the pass (slots of its detection_output).
    for (const std::string label : {"TEST-1:mark", "TEST-2:fires"}) {
        const bool marked = label == "TEST-1:mark";
        std::vector<std::string> expected;
        for (std::uint64_t i = 0; i < count; ++i) {
            const bool create = i % 3 == 0;
            expected.push_back(label + " record " + std::to_string(i + 1) + (create ? " process/create" : " flow/start") +
                               " process " + (create ? std::to_string(i + 1) : "none") + " " + label);
        }
        for (const auto threads : {timeline_pass_threads::one, timeline_pass_threads::two}) {
            for (const bool keep : {true, false}) {
                CAPTURE(label, threads == timeline_pass_threads::two, keep);
                temporary_folder folder;
                timeline_sorter sorter(folder.path() / "sort");
                {
                    run_builder runs(sorter, 1 << 20);
                    for (car_event& event : events_of()) {
                        if (!marked) event.analytics.clear();
                        runs.add(event);
                    }
                    runs.close();
                }
                std::vector<std::unique_ptr<analytic>> analytics;
                if (marked) {
                    analytics.push_back(std::make_unique<marking_analytic>());
                } else {
                    analytics.push_back(std::make_unique<firing_analytic>());
                }
                const process_index processes;
                std::vector<std::unique_ptr<report_writer>> writers;
                writers.push_back(std::make_unique<recording_writer>(0, true));
                const auto* recorder = static_cast<const recording_writer*>(writers.front().get());
                progress_meter progress = progress_meter::for_writing(count, false);
                timeline_pass_settings settings;
                settings.threads = threads;
                settings.keep_detections = keep;
                auto outcome = run_timeline_pass(sorter, analytics, processes, writers, progress, settings);
                REQUIRE(outcome.ok());
                CHECK(outcome.value().detections.size() == count);
                CHECK(recorder->taken == expected);
                if (keep) CHECK(described(outcome.value().detections) == expected);
            }
        }
    }
}
