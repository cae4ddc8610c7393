// The compact timeline rows of report.html. Expected rows are written by
// hand from the events, following the layout in timeline_row_encoder.hpp
// (parts separated by TAB, written "|" below to keep the rows readable) and
// row_text.hpp.
#include "html/timeline_row_encoder.hpp"

#include <algorithm>

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

// The rows with TAB shown as "|", so that an expected row reads as one.
std::string readable(std::string rows) {
    std::replace(rows.begin(), rows.end(), '\t', '|');
    return rows;
}

std::string tables_of(const timeline_row_encoder& encoder) {
    std::string tables;
    embedded_json json(tables);
    json.begin_object();
    encoder.append_tables(json);
    json.end_object();
    return tables;
}

}  // namespace

TEST_CASE("timeline rows carry time and record id as differences, repeated text as table references", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    encoder.append_row(rows, process_create(133541280000000000ULL, 5, "x.exe /a"));
    rows += '\n';
    encoder.append_row(rows, process_create(133541280010000000ULL, 7, "x.exe /b"));
    // image_path (field 3) is the same twice: inline, then a table string;
    // command_line (field 10) differs: inline. No backslash is escaped.
    CHECK(readable(rows) == "0|5|0|C:\\x.exe|x.exe /a\n10000000|2|0|<0|x.exe /b");

    const std::string tables = tables_of(encoder);
    CHECK(tables.find(R"("base_time":"133541280000000000")") != std::string::npos);
    CHECK(tables.find(R"("strings":["C:\\x.exe"])") != std::string::npos);
    // No payload, no System values but zeros, no user SID (null), no copies.
    CHECK(tables.find(R"("shapes":[["WS01","process","create",0,"Sysmon","Sysmon",1,[],[3,10],[],0,"",0,0,0,"0x0000000000000000",0,null,[]]])") !=
          std::string::npos);
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
        rows += '\n';
    }
    CHECK(readable(rows) == "0|10|0|C:\\x.exe|a\n0|3|1|<0|b\n0|2|0|<0|c\n0|=18446744073709551615|0|<0|d\n=900|=13|0|<0|e\n");
}

TEST_CASE("timeline rows escape what would end a value, a row or the script element", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    encoder.append_row(rows, process_create(1, 1, "</script><img src=x onerror=alert(1)>\tnext\r\nline\x01<7"));
    // '<' -> "<l", TAB "<t", CR "<r", LF "<n", other controls "<xHH"; '>' needs nothing.
    CHECK(readable(rows) == "0|1|0|C:\\x.exe|<l/script><limg src=x onerror=alert(1)><tnext<r<nline<x01<l7");
    CHECK(rows.find('<') == rows.find("<l/script"));  // every '<' begins an escape
}

TEST_CASE("shapes keep apart events that differ in any part", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    car_event plain = process_create(1, 1, "a");
    car_event fired = plain;
    fired.analytics = {"CAR-2020-11-010:car"};
    car_event tricky = plain;  // a host name that looks like two parts joined
    tricky.set(car_field::hostname, "WS01\x1fprocess");
    car_event copied = plain;  // the same event in another file too
    copied.copies = {4};
    car_event warning = plain;
    warning.level = 3;
    for (const car_event* event : {&plain, &fired, &tricky, &copied, &warning, &plain}) {
        encoder.append_row(rows, *event);
        rows += '\n';
    }
    CHECK(encoder.shape_count() == 5);
    CHECK(readable(rows) == "0|1|0|C:\\x.exe|a\n0|0|1|<0|a\n0|0|2|<0|a\n0|0|3|<0|a\n0|0|4|<0|a\n0|0|0|<0|a\n");
    const std::string tables = tables_of(encoder);
    CHECK(tables.find(R"(,"0x0000000000000000",0,null,[4]])") != std::string::npos);
    CHECK(tables.find(R"(,"",3,0,0,"0x0000000000000000",0,null,[]])") != std::string::npos);
}

TEST_CASE("only text that repeats and is not short goes into the string table", "[report]") {
    timeline_row_encoder encoder;
    std::string rows;
    for (const char* command_line : {"once", "twice", "twice", "twice", "ab", "ab"}) {
        encoder.append_row(rows, process_create(1, 1, command_line));
        rows += '\n';
    }
    CHECK(readable(rows) == "0|1|0|C:\\x.exe|once\n0|0|0|<0|twice\n0|0|0|<0|<1\n0|0|0|<0|<1\n0|0|0|<0|ab\n0|0|0|<0|ab\n");
    CHECK(encoder.string_count() == 2);
}

TEST_CASE("a typed event's EventData costs nothing for the text its CAR fields already hold", "[report]") {
    timeline_row_encoder encoder;
    car_event event = process_create(1, 1, "x.exe /a");
    event.payload = payload_kind::event_data;
    event.fields = {{"RuleName", "-"}, {"Image", "C:\\x.exe"}, {"CommandLine", "x.exe /a"}, {"", "unnamed"}};
    event.user_sid = "S-1-5-18";
    event.level = 4;
    event.task = 1;
    event.keywords = 0x8000000000000000ULL;
    event.version = 5;
    std::string rows;
    encoder.append_row(rows, event);
    // Values: image_path (0), command_line (1); then RuleName's own "-", the
    // unnamed field's own text, and the user SID, which no CAR field holds.
    CHECK(readable(rows) == "0|1|0|C:\\x.exe|x.exe /a|-|unnamed|S-1-5-18");
    // Payload names are numbered from car_field_count on: RuleName, Image, CommandLine, Data[1].
    const std::string n = std::to_string(car_field_count);
    const std::string shape = "[" + n + ",[" + std::to_string(car_field_count + 1) + ",0],[" +
                              std::to_string(car_field_count + 2) + ",1]," + std::to_string(car_field_count + 3) +
                              "],1,\"\",4,1,0,\"0x8000000000000000\",5,-1,[]]";
    const std::string tables = tables_of(encoder);
    CAPTURE(tables);
    CHECK(tables.find(shape) != std::string::npos);
    CHECK(tables.find(R"("payload_fields":["RuleName","Image","CommandLine","Data[1]"])") != std::string::npos);

    // A user SID that a CAR field holds is that value too. (Text seen the
    // second time now goes into the table: "x.exe /a", "S-1-5-18", "unnamed".)
    car_event with_uid = event;
    with_uid.set(car_field::uid, "S-1-5-18");  // after command_line: value 2
    rows.clear();
    encoder.append_row(rows, with_uid);
    CHECK(readable(rows) == "0|0|1|<0|<1|<2|-|<3");
    CHECK(tables_of(encoder).find(R"(,"0x8000000000000000",5,2,[]])") != std::string::npos);
}

TEST_CASE("UserData keeps its element name, and an event without payload says so", "[report]") {
    timeline_row_encoder encoder;
    car_event event;
    event.object = "event";
    event.channel = "Security";
    event.provider = "Microsoft-Windows-Eventlog";
    event.event_id = 1102;
    event.set(car_field::hostname, "DC01");
    event.payload = payload_kind::user_data;
    event.payload_name = "LogFileCleared";
    event.fields = {{"SubjectUserName", "alice"}};
    std::string rows;
    encoder.append_row(rows, event);
    CHECK(readable(rows) == "0|0|0|alice");
    CHECK(tables_of(encoder).find(R"(["DC01","event","",0,"Security","Microsoft-Windows-Eventlog",1102,[],[],[)" +
                                  std::to_string(car_field_count) + R"(],2,"LogFileCleared",)") != std::string::npos);
}
