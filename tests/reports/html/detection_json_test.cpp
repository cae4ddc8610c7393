// The detections as report.html carries them: references to timeline rows,
// the analytics and reasons once each. Expected JSON written by hand from
// the detections below.
#include "html/detection_json.hpp"

#include "catch.hpp"
#include "html/detection_context.hpp"
#include "html/embedded_json.hpp"

using namespace evtxcar;

namespace {

car_event event_of(std::string object, std::string action, std::uint64_t record_id) {
    car_event event;
    event.object = std::move(object);
    event.action = std::move(action);
    event.record_id = record_id;
    event.time = 133541280000000000ULL;
    event.channel = "Sysmon";
    event.provider = "Sysmon";
    event.event_id = 1;
    event.set(car_field::hostname, "WS01");
    event.set(car_field::guid, "{G1}");
    return event;
}

detection found(const car_event& event, std::string id, std::string variant, std::string reason) {
    detection hit;
    hit.analytic_id = std::move(id);
    hit.analytic_name = "Rule " + hit.analytic_id;
    hit.variant = std::move(variant);
    hit.technique = "T1218.003";
    hit.level = "high";
    hit.reason = std::move(reason);
    hit.event = event;
    return hit;
}

std::string members(const std::vector<detection>& detections, const detection_context& context) {
    std::string out;
    embedded_json json(out);
    json.begin_object();
    append_detection_members(json, detections_in_memory(detections), context);
    json.end_object();
    return out;
}

}  // namespace

TEST_CASE("detections refer to their timeline rows; analytics and reasons are listed once", "[report]") {
    car_event process = event_of("process", "create", 1);
    car_event fired = event_of("process", "create", 2);
    fired.analytics = {"R1:sigma", "R2:sigma"};
    detection_context context;
    for (const car_event* event : {&process, &fired}) context.observe(*event);
    context.note_row(process, 4);  // a process/create: its row is remembered
    context.note_row(fired, 5);

    detection first = found(fired, "R1", "sigma", "matched");
    first.process = process;
    const detection second = found(fired, "R2", "sigma", "matched");
    const detection third = found(fired, "R1", "sigma", "matched again");
    const std::string json = members({first, second, third}, context);
    CAPTURE(json);
    CHECK(json.find(R"("detections":[{"analytic":0,"reason":0,"event":5,"process":4,"connections":[]},)"
                    R"({"analytic":1,"reason":0,"event":5,"process":null,"connections":[]},)"
                    R"({"analytic":0,"reason":1,"event":5,"process":null,"connections":[]}])") != std::string::npos);
    CHECK(json.find(R"("analytics":[{"label":"R1:sigma","id":"R1","name":"Rule R1","variant":"sigma","technique":"T1218.003",)"
                    R"("tactics":"","level":"high","status":"","rule_path":""},{"label":"R2:sigma",)") != std::string::npos);
    CHECK(json.find(R"("reasons":["matched","matched again"])") != std::string::npos);
    CHECK(json.find(R"("detection_events":[])") != std::string::npos);
}

TEST_CASE("an event that is not a timeline row is carried once, as a negative reference", "[report]") {
    car_event process = event_of("process", "create", 1);  // left out of the rows (the row cap)
    car_event fired = event_of("flow", "start", 2);
    fired.analytics = {"CAR-2020-11-010:remote"};
    detection_context context;
    context.observe(process);
    context.observe(fired);
    context.note_row(fired, 0);
    detection first = found(fired, "CAR-2020-11-010", "remote", "outside HOMENET");
    first.process = process;
    detection second = first;
    const std::string json = members({first, second}, context);
    CAPTURE(json);
    CHECK(json.find(R"("event":0,"process":-1,)") != std::string::npos);
    CHECK(json.find(R"("detection_events":[{"time":"133541280000000000","time_text":"2024-03-05T16:00:00.0000000Z",)"
                    R"("host":"WS01","object":"process","action":"create","file":0,"record_id":"1",)") != std::string::npos);
    // Once, however many detections refer to it.
    CHECK(json.find(R"("record_id":"1")") == json.rfind(R"("record_id":"1")"));
}
