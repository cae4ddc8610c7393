// The compact timeline rows of report.html. Expected rows are written by
// hand from the events, following the layout in timeline_row_encoder.hpp.
#include "html/timeline_row_encoder.hpp"

#include "catch.hpp"
#include "html/embedded_json.hpp"

using namespace evtxcar;

namespace {

car_event process_create(filetime_ticks time, std::uint64_t record_id, std::string command_line) {
    car_event event;
    event.object = "process";
    event.action = "create";
    event.time = time;
    event.record_id = record_id;
    event.channel = "Sysmon";
    event.provider = "Sysmon";
    event.event_id = 1;
    event.set(car_field::hostname, "WS01");
    event.set(car_field::image_path, "C:\\x.exe");
    event.set(car_field::command_line, std::move(command_line));
    return event;
}

}  // namespace

TEST_CASE("timeline rows carry time and record id as differences, repeated text as table indexes", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    encoder.append_row(rows, process_create(133541280000000000ULL, 5, "x.exe /a"));
    rows += '|';
    encoder.append_row(rows, process_create(133541280010000000ULL, 7, "x.exe /b"));
    // image_path (field 3) is the same twice: inline, then a table string;
    // command_line (field 10) differs: inline.
    CHECK(rows == R"([0,5,0,"C:\\x.exe","x.exe /a"]|[10000000,2,0,0,"x.exe /b"])");

    std::string tables;
    embedded_json json(tables);
    json.begin_object();
    encoder.append_tables(json);
    json.end_object();
    CHECK(tables.find(R"("base_time":"133541280000000000")") != std::string::npos);
    CHECK(tables.find(R"("strings":["C:\\x.exe"])") != std::string::npos);
    CHECK(tables.find(R"("shapes":[["WS01","process","create",0,"Sysmon","Sysmon",1,[],[3,10]]])") != std::string::npos);
    CHECK(tables.find(R"("fields":["hostname","fqdn","computer","image_path",)") != std::string::npos);
}

TEST_CASE("timeline rows count record ids per file and keep huge values exact as text", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    car_event first = process_create(1000, 10, "a");
    car_event other_file = process_create(1000, 3, "b");
    other_file.file_index = 1;
    car_event back = process_create(1000, 12, "c");
    car_event huge = process_create(1000, 18446744073709551615ULL, "d");
    car_event earlier = process_create(900, 13, "e");  // out of order: absolute time
    for (const car_event* event : {&first, &other_file, &back, &huge, &earlier}) {
        encoder.append_row(rows, *event);
        rows += '|';
    }
    CHECK(rows == R"([0,10,0,"C:\\x.exe","a"]|[0,3,1,0,"b"]|[0,2,0,0,"c"]|[0,"18446744073709551615",0,0,"d"]|["900","13",0,0,"e"]|)");
}

TEST_CASE("timeline rows escape text for a script element", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    encoder.append_row(rows, process_create(1, 1, "</script><img src=x onerror=alert(1)>"));
    CHECK(rows == R"([0,1,0,"C:\\x.exe","\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e"])");
}

TEST_CASE("shapes keep apart events that differ in any part", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    car_event plain = process_create(1, 1, "a");
    car_event fired = plain;
    fired.analytics = {"CAR-2020-11-010:car"};
    car_event tricky = plain;  // a host name that looks like two parts joined
    tricky.set(car_field::hostname, "WS01\x1fprocess");
    for (const car_event* event : {&plain, &fired, &tricky, &plain}) {
        encoder.append_row(rows, *event);
        rows += '|';
    }
    CHECK(encoder.shape_count() == 3);
    CHECK(rows == R"([0,1,0,"C:\\x.exe","a"]|[0,0,1,0,"a"]|[0,0,2,0,"a"]|[0,0,0,0,"a"]|)");
}

TEST_CASE("only text that repeats and is not short goes into the string table", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    for (const char* command_line : {"once", "twice", "twice", "twice", "ab", "ab"}) {
        encoder.append_row(rows, process_create(1, 1, command_line));
        rows += '|';
    }
    CHECK(rows == R"([0,1,0,"C:\\x.exe","once"]|[0,0,0,0,"twice"]|[0,0,0,0,1]|[0,0,0,0,1]|[0,0,0,0,"ab"]|[0,0,0,0,"ab"]|)");
    CHECK(encoder.string_count() == 2);
}
