#include "event_text.hpp"

#include <array>

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("event messages fill the template of the object and action", "[report][event_text]") {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::pid, "4242");
    event.set(car_field::parent_exe, "cmd.exe");
    event.set(car_field::command_line, "cmstp.exe /ni /s x.inf");
    CHECK(event_message(event) == "Process created: cmstp.exe (pid 4242) by cmd.exe (pid -): cmstp.exe /ni /s x.inf");
    event.object = "unknown_object";
    CHECK(event_message(event) == "unknown_object create by cmstp.exe (pid 4242)");
}

TEST_CASE("Security's blocked flows and binds have messages of their own", "[report][event_text]") {
    car_event event;
    event.object = "flow";
    event.action = "block";
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::pid, "6700");
    event.set(car_field::network_direction, "outbound");
    event.set(car_field::transport_protocol, "TCP");
    event.set(car_field::src_ip, "10.20.0.15");
    event.set(car_field::src_port, "49811");
    event.set(car_field::dest_ip, "203.0.113.7");
    event.set(car_field::dest_port, "443");
    CHECK(event_message(event) ==
          "Network connection blocked (outbound) TCP 10.20.0.15:49811 -> 203.0.113.7:443 by cmstp.exe (pid 6700)");
    car_event bind;
    bind.object = "socket";
    bind.action = "bind";
    bind.set(car_field::exe, "cmstp.exe");
    bind.set(car_field::pid, "6700");
    bind.set(car_field::protocol, "UDP");
    bind.set(car_field::local_address, "0.0.0.0");
    bind.set(car_field::local_port, "50123");
    CHECK(event_message(bind) == "cmstp.exe (pid 6700) bound UDP 0.0.0.0:50123");
}

TEST_CASE("event details list the other fields and quote what could split them", "[report][event_text]") {
    car_event event;
    event.set(car_field::exe, "cmstp.exe");
    event.set(car_field::fqdn, "WS01.corp.example.com");
    event.set(car_field::data, "a; fake=1");
    event.set(car_field::md5_hash, "say \"x\"");
    event.set(car_field::key, " padded");
    constexpr std::array shown = {car_field::exe};
    CHECK(event_details(event, shown) ==
          "fqdn=WS01.corp.example.com; md5_hash=\"say \"\"x\"\"\"; key=\" padded\"; data=\"a; fake=1\"");
}

TEST_CASE("analytics text joins the labels", "[report][event_text]") {
    car_event event;
    CHECK(analytics_text(event).empty());
    event.analytics = {"CAR-2020-11-010:remote", "CAR-2020-11-010:car"};
    CHECK(analytics_text(event) == "CAR-2020-11-010:remote; CAR-2020-11-010:car");
}
