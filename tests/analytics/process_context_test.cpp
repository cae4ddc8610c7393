// Joining events that carry only a pid to their process/create: the latest
// one of that pid on the same host before the event, with no
// process/terminate of it in between; events with a ProcessGuid go by
// ProcessGuid.
#include "analytics/process_context.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {

car_event process_event(std::string action, std::string pid, std::string image, std::string host = "WS05.corp.example.com",
                        std::string guid = "") {
    car_event event;
    event.object = "process";
    event.action = std::move(action);
    event.set(car_field::hostname, host.substr(0, host.find('.')));
    event.set(car_field::fqdn, host);
    event.set(car_field::pid, std::move(pid));
    event.set(car_field::image_path, std::move(image));
    event.set(car_field::guid, std::move(guid));
    return event;
}

car_event flow_of(std::string pid, std::string host = "WS05.corp.example.com") {
    car_event event = process_event("start", std::move(pid), "\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe",
                                    std::move(host));
    event.object = "flow";
    return event;
}

}  // namespace

TEST_CASE("a pid joins the latest process/create of that pid on the same host", "[analytics][process]") {
    pid_tracker pids;
    const process_index no_guids;
    const process_context context(no_guids, pids);

    pids.observe(process_event("create", "6700", "C:\\Windows\\System32\\cmstp.exe"), true);
    const car_event* found = context.find_for(flow_of("6700"));
    REQUIRE(found != nullptr);
    CHECK(found->text(car_field::image_path) == "C:\\Windows\\System32\\cmstp.exe");
    CHECK(context.find_for(flow_of("6701")) == nullptr);
    CHECK(context.find_for(flow_of("6700", "WS06.corp.example.com")) == nullptr);  // another host
    CHECK(context.find_for(flow_of("6700", "ws05.CORP.example.com")) != nullptr);  // host names fold case

    // The pid is reused by another process: the flow belongs to the new one.
    pids.observe(process_event("terminate", "6700", "C:\\Windows\\System32\\cmstp.exe"), false);
    CHECK(context.find_for(flow_of("6700")) == nullptr);
    pids.observe(process_event("create", "6700", "C:\\Windows\\System32\\notepad.exe"), false);
    CHECK(context.find_for(flow_of("6700")) == nullptr);  // not wanted: not kept, and the old one is gone
    pids.observe(process_event("create", "6700", "C:\\Temp\\cmstp.exe"), true);
    REQUIRE(context.find_for(flow_of("6700")) != nullptr);
    CHECK(context.find_for(flow_of("6700"))->text(car_field::image_path) == "C:\\Temp\\cmstp.exe");
    // A later create of the same pid without an exit in between (exit not logged) replaces it.
    pids.observe(process_event("create", "6700", "C:\\Windows\\System32\\svchost.exe"), false);
    CHECK(context.find_for(flow_of("6700")) == nullptr);
    CHECK(pids.size() == 0);
}

TEST_CASE("an event with a ProcessGuid is looked up by ProcessGuid, not by pid", "[analytics][process]") {
    process_index guids;
    std::vector<car_event> creates{process_event("create", "4242", "C:\\Windows\\System32\\cmstp.exe",
                                                 "WS01.corp.example.com", "{AAAA0000-0000-0000-0000-000000000001}")};
    guids.add(std::move(creates));
    pid_tracker pids;
    pids.observe(process_event("create", "4242", "C:\\Other\\cmstp.exe", "WS01.corp.example.com"), true);
    const process_context context(guids, pids);

    car_event with_guid = flow_of("4242", "WS01.corp.example.com");
    with_guid.set(car_field::guid, "{aaaa0000-0000-0000-0000-000000000001}");
    REQUIRE(context.find_for(with_guid) != nullptr);
    CHECK(context.find_for(with_guid)->text(car_field::image_path) == "C:\\Windows\\System32\\cmstp.exe");
    with_guid.set(car_field::guid, "{BBBB0000-0000-0000-0000-000000000002}");
    CHECK(context.find_for(with_guid) == nullptr);  // an unknown guid does not fall back to the pid

    const car_event* by_pid = context.find_for(flow_of("4242", "WS01.corp.example.com"));
    REQUIRE(by_pid != nullptr);
    CHECK(by_pid->text(car_field::image_path) == "C:\\Other\\cmstp.exe");
}
