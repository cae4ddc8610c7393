// The rows and connections report.html shows around each detection.
#include "html/detection_context.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {

car_event event_of(std::string object, std::string host, std::string guid, std::uint64_t record_id) {
    car_event event;
    event.action = object == "flow" ? "start" : "create";
    event.object = std::move(object);
    event.record_id = record_id;
    event.set(car_field::hostname, std::move(host));
    event.set(car_field::guid, std::move(guid));
    return event;
}

}  // namespace

TEST_CASE("flows of a process are its connections from its first hit on", "[report]") {
    detection_context context;
    const car_event early_flow = event_of("flow", "WS01", "{G1}", 1);
    car_event process = event_of("process", "WS01", "{G1}", 2);
    process.analytics = {"CAR-2020-11-010:cmdline-url"};
    const car_event flow = event_of("flow", "WS01", "{G1}", 3);
    const car_event other_host = event_of("flow", "WS02", "{G1}", 4);
    const car_event other_process = event_of("flow", "WS01", "{G2}", 5);
    for (const car_event* event : std::initializer_list<const car_event*>{&early_flow, &process, &flow, &other_host, &other_process}) context.observe(*event);

    const auto connections = context.connections_of("WS01", "{G1}");
    REQUIRE(connections.size() == 1);
    CHECK(connections[0].record_id == 3);
    CHECK(context.connections_of("WS02", "{G1}").empty());
}

TEST_CASE("the rows of events that fired and of connections are remembered", "[report]") {
    detection_context context;
    car_event process = event_of("process", "WS01", "{G1}", 2);
    process.analytics = {"CAR-2020-11-010:cmdline-url"};
    const car_event flow = event_of("flow", "WS01", "{G1}", 3);
    const car_event unrelated = event_of("file", "WS01", "{G1}", 4);
    context.observe(process);
    context.observe(flow);
    context.observe(unrelated);
    context.note_row(process, 7);
    context.note_row(unrelated, 8);
    CHECK(context.row_of(process) == 7);
    CHECK_FALSE(context.row_of(flow).has_value());  // observed, but left out of the rows
    CHECK_FALSE(context.row_of(unrelated).has_value());
}

TEST_CASE("the rows of process/creates are remembered, for the process of a later detection", "[report]") {
    detection_context context;
    const car_event process = event_of("process", "WS01", "{G1}", 2);  // nothing fired on it
    const car_event file = event_of("file", "WS01", "{G1}", 3);
    context.observe(process);
    context.observe(file);
    context.note_row(process, 11);
    context.note_row(file, 12);
    CHECK(context.row_of(process) == 11);
    CHECK_FALSE(context.row_of(file).has_value());
}
