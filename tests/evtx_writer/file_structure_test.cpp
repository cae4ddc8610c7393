// Records and files as Windows lays them out, read back by libevtx
// (evtxexport, evtxinfo) and python-evtx: classic events, UserData, both
// payload layouts, correlation identifiers, logs of many chunks, and the
// writer's determinism. Expected values are what the test wrote.
#include <fstream>
#include <sstream>

#include "catch.hpp"
#include "crc32.hpp"
#include "event_summary.hpp"
#include "event_templates.hpp"
#include "tool_readings.hpp"
#include "writer_test_support.hpp"

using namespace evtxcar::evtx_writer;
using namespace evtxcar::evtx_writer::testing;
namespace readers = evtxcar::independent_readers;
namespace binxml = evtxcar::binxml;

namespace {

// Service Control Manager style: no provider GUID, EventID qualifiers,
// unnamed <Data> (one of them a string array) and <Binary>.
windows_event classic_event(unsigned n) {
    windows_event event = sysmon_like_event(to_filetime({2026, 1, 15, 9, 0, 0, 0}) + n * ticks_per_second);
    system_values& s = event.system;
    s.provider_name = "Service Control Manager";
    s.provider_guid.reset();
    s.event_id = 7036;
    s.qualifiers = 16384;
    s.keywords = 0x0080000000000000ull;
    s.channel = "System";
    s.user_sid.reset();
    s.classic = true;
    const std::vector<std::uint8_t> binary = {0x57, 0x00, 0x69, 0x00, 0x6E, 0x00};
    event.event_data = {{"", string_value("Windows Update")},
                        {"", string_array_value({"running", "second item"}), true},
                        {"", binary_value(binary), true, "Binary"}};
    return event;
}

// Security log clearing: <UserData><LogFileCleared xmlns=...><SubjectUserSid>...
windows_event user_data_event() {
    windows_event event = sysmon_like_event(to_filetime({2026, 1, 15, 9, 30, 0, 0}));
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-Eventlog";
    s.provider_guid = parse_guid("{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}");
    s.event_id = 1102;
    s.version = 0;
    s.task = 104;
    s.keywords = 0x4020000000000000ull;
    s.channel = "Security";
    event.kind = payload_kind::user_data;
    const auto root = make_template(
        "test LogFileCleared",
        element("LogFileCleared",
                {attribute("xmlns", {text("http://manifests.microsoft.com/win/2004/08/windows/eventlog")})},
                {element("SubjectUserSid", {}, {substitution(0, binxml::value_sid)}),
                 element("SubjectUserName", {}, {substitution(1, binxml::value_string)}),
                 element("Client", {attribute("Address", {substitution(2, binxml::value_string)})})}));
    event.user_data =
        template_instance{root, {sid_value("S-1-5-21-1-2-3-1104"), string_value("alice"), string_value("192.0.2.44")}};
    return event;
}

}  // namespace

TEST_CASE("crc32 gives the check value of RFC 1952's CRC-32", "[writer]") {
    const std::string check = "123456789";
    CHECK(crc32_of(reinterpret_cast<const std::uint8_t*>(check.data()), check.size()) == 0xCBF43926u);
    crc32 pieces;
    pieces.update(reinterpret_cast<const std::uint8_t*>(check.data()), 4)
        .update(reinterpret_cast<const std::uint8_t*>(check.data()) + 4, 5);
    CHECK(pieces.value() == 0xCBF43926u);
}

TEST_CASE("evtxexport shows classic, UserData and inline-template events as written", "[writer]") {
    if (!readers::evtxexport_program()) {
        WARN("evtxexport not installed (Debian package libevtx-utils): skipped");
        return;
    }
    temporary_directory directory;
    windows_event correlated = event_with_fields({{"Message", string_value("with activity")}});
    correlated.system.activity_id = parse_guid("{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}");
    correlated.system.related_activity_id = guid_from_seed("related");
    windows_event inline_layout =
        event_with_fields({{"UtcTime", string_value("2026-01-15 08:30:00.000")}, {"ProcessId", uint32_value(4242)}});
    inline_layout.layout = payload_layout::inline_template;
    windows_event no_payload = event_with_fields({});
    no_payload.kind = payload_kind::none;
    windows_event empty_event_data = event_with_fields({});

    const written_file file =
        write_events(directory.path() / "shapes.evtx", {classic_event(0), user_data_event(), correlated, inline_layout,
                                                        no_payload, empty_event_data, classic_event(1)});
    const readers::xml_reading reading = readers::read_with_evtxexport(file.path);
    INFO(reading.diagnostics);
    REQUIRE(reading.events.size() == file.expected.size());
    for (std::size_t i = 0; i < file.expected.size(); ++i) {
        CHECK(describe(reading.events[i]) == describe(file.expected[i]));
    }
    const event_summary classic = summarize_event(reading.events[0]);
    CHECK(classic.qualifiers == "16384");
    CHECK(classic.fields ==
          field_list{{"", "Windows Update"}, {"", "running"}, {"", "second item"}, {"Binary", "570069006E00"}});
    const event_summary user_data = summarize_event(reading.events[1]);
    CHECK(user_data.payload_name == "LogFileCleared");
    CHECK(user_data.fields == field_list{{"SubjectUserSid", "S-1-5-21-1-2-3-1104"},
                                         {"SubjectUserName", "alice"},
                                         {"Client@Address", "192.0.2.44"},
                                         {"Client", ""}});
}

TEST_CASE("python-evtx shows the System values and payloads as written", "[writer]") {
    if (!readers::python_evtx_program()) {
        WARN("evtx_dump.py not installed (Debian package python3-evtx): skipped");
        return;
    }
    temporary_directory directory;
    windows_event inline_layout = event_with_fields({{"Image", string_value("C:\\Windows\\explorer.exe")}});
    inline_layout.layout = payload_layout::inline_template;
    const written_file file =
        write_events(directory.path() / "shapes.evtx", {classic_event(0), user_data_event(), inline_layout});
    const readers::xml_reading reading = readers::read_with_python_evtx(file.path);
    INFO(reading.diagnostics);
    REQUIRE(reading.events.size() == 3);

    const event_summary classic = summarize_event(reading.events[0]);
    CHECK(classic.provider_name == "Service Control Manager");
    CHECK(classic.event_id == "7036");
    CHECK(classic.qualifiers == "16384");
    CHECK(classic.channel == "System");
    CHECK(classic.computer == "WRITER-TEST.corp.example.com");
    CHECK(classic.record_id == "1");
    CHECK(classic.fields.at(0) == std::pair<std::string, std::string>{"", "Windows Update"});

    const event_summary user_data = summarize_event(reading.events[1]);
    CHECK(user_data.provider_guid == "{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}");
    CHECK(user_data.user_sid == "S-1-5-18");
    CHECK(user_data.payload_name == "LogFileCleared");
    CHECK(user_data.fields == field_list{{"SubjectUserSid", "S-1-5-21-1-2-3-1104"},
                                         {"SubjectUserName", "alice"},
                                         {"Client@Address", "192.0.2.44"},
                                         {"Client", ""}});

    const event_summary inlined = summarize_event(reading.events[2]);
    CHECK(inlined.fields == field_list{{"Image", "C:\\Windows\\explorer.exe"}});
    CHECK(inlined.system_time == "2026-01-15 08:30:00");
    CHECK(inlined.keywords == "0x8000000000000000");
}

namespace {

// As a collector's ForwardedEvents log holds them: the source's System
// values, then <RenderingInfo> with the texts the source rendered.
rendering_info forwarded_texts(std::string message, std::vector<std::string> keywords) {
    rendering_info rendering;
    rendering.message = std::move(message);
    rendering.level = "Information";
    rendering.task = "Process Creation";
    rendering.opcode = "Info";
    rendering.channel = "Security";
    rendering.provider = "Microsoft Windows security auditing.";
    rendering.keywords = std::move(keywords);
    return rendering;
}

std::vector<windows_event> forwarded_shapes() {
    windows_event nested = event_with_fields({{"NewProcessId", hex_int64_value(0x1A2C)},
                                              {"NewProcessName", string_value("C:\\Windows\\System32\\cmstp.exe")}});
    nested.rendering = forwarded_texts("A process started.\r\n\r\nNew Process ID:\t0x1a2c", {"Audit Success"});
    windows_event inline_layout = event_with_fields({{"ProcessID", uint64_value(6700)}, {"SourcePort", string_value("443")}}, 1);
    inline_layout.layout = payload_layout::inline_template;
    inline_layout.rendering = forwarded_texts("inline payload, then the texts", {"Audit Success", "Second Keyword"});
    windows_event no_keywords = event_with_fields({{"Text", string_value("no keywords")}}, 2);
    no_keywords.rendering = forwarded_texts("", {});
    no_keywords.rendering->culture = "de-DE";
    windows_event user_data = user_data_event();
    user_data.rendering = forwarded_texts("The audit log was cleared.", {"Audit Success"});
    windows_event no_payload = event_with_fields({}, 3);
    no_payload.kind = payload_kind::none;
    no_payload.rendering = forwarded_texts("no payload", {"Audit Success"});
    windows_event plain = event_with_fields({{"Text", string_value("not forwarded")}}, 4);
    return {nested, inline_layout, no_keywords, user_data, no_payload, plain};
}

}  // namespace

TEST_CASE("evtxexport and python-evtx show RenderingInfo after the payload as written", "[writer]") {
    temporary_directory directory;
    const std::vector<windows_event> events = forwarded_shapes();
    const written_file file = write_events(directory.path() / "ForwardedEvents.evtx", events);
    if (readers::evtxexport_program()) {
        const readers::xml_reading reading = readers::read_with_evtxexport(file.path);
        INFO(reading.diagnostics);
        REQUIRE(reading.events.size() == events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            CHECK(describe(reading.events[i]) == describe(file.expected[i]));
            const rendered_element* shown = reading.events[i].child("RenderingInfo");
            REQUIRE((shown != nullptr) == events[i].rendering.has_value());
            if (shown == nullptr) continue;
            CHECK(*shown->attribute("Culture") == events[i].rendering->culture);
            CHECK(reading.events[i].children.back().name == "RenderingInfo");
        }
        const rendered_element& first = *reading.events[0].child("RenderingInfo");
        CHECK(first.child("Message")->text == "A process started.\r\n\r\nNew Process ID:\t0x1a2c");
        CHECK(first.child("Keywords")->child("Keyword")->text == "Audit Success");
        CHECK(reading.events[1].child("RenderingInfo")->child("Keywords")->children.size() == 2);
        CHECK(reading.events[2].child("RenderingInfo")->child("Keywords")->children.empty());
        // The payload reads as without RenderingInfo.
        CHECK(summarize_event(reading.events[0]).fields ==
              field_list{{"NewProcessId", "0x0000000000001a2c"}, {"NewProcessName", "C:\\Windows\\System32\\cmstp.exe"}});
        CHECK(summarize_event(reading.events[1]).fields == field_list{{"ProcessID", "6700"}, {"SourcePort", "443"}});
    } else {
        WARN("evtxexport not installed (Debian package libevtx-utils): skipped");
    }
    if (readers::python_evtx_program()) {
        const readers::xml_reading reading = readers::read_with_python_evtx(file.path);
        INFO(reading.diagnostics);
        REQUIRE(reading.events.size() == events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            const rendered_element* shown = reading.events[i].child("RenderingInfo");
            REQUIRE((shown != nullptr) == events[i].rendering.has_value());
            if (shown == nullptr) continue;
            const rendering_info& written = *events[i].rendering;
            CHECK(*shown->attribute("Culture") == written.culture);
            CHECK(shown->child("Level")->text == written.level);
            CHECK(shown->child("Task")->text == written.task);
            CHECK(shown->child("Opcode")->text == written.opcode);
            CHECK(shown->child("Channel")->text == written.channel);
            CHECK(shown->child("Provider")->text == written.provider);
            std::vector<std::string> keywords;
            for (const rendered_element& keyword : shown->child("Keywords")->children) keywords.push_back(keyword.text);
            CHECK(keywords == written.keywords);
        }
    } else {
        WARN("evtx_dump.py not installed (Debian package python3-evtx): skipped");
    }
}

TEST_CASE("a log of many chunks is read completely by every tool", "[writer]") {
    temporary_directory directory;
    std::vector<windows_event> events;
    for (unsigned n = 0; n < 2500; ++n) {
        windows_event event = event_with_fields(
            {{"UtcTime", string_value("2026-01-15 08:30:00.000")},
             {"Sequence", uint32_value(n)},
             {"CommandLine",
              string_value("C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule " + std::to_string(n))}},
            n);
        if (n % 7 == 0) event.system.computer = "OTHER-HOST.corp.example.com";  // a second System template
        events.push_back(std::move(event));
    }
    const written_file file = write_events(directory.path() / "many.evtx", events);
    REQUIRE(file.chunks >= 5);
    CHECK(file.locations.back().chunk_index + 1 == file.chunks);

    if (readers::evtxinfo_program()) {
        const readers::info_reading info = readers::read_with_evtxinfo(file.path);
        INFO(info.output);
        CHECK(info.records == 2500u);
        CHECK(info.recovered_records == 0u);
        CHECK_FALSE(info.corrupted);
    }
    if (readers::evtxexport_program()) {
        const readers::xml_reading reading = readers::read_with_evtxexport(file.path);
        REQUIRE(reading.events.size() == 2500);
        for (std::size_t i = 0; i < file.expected.size(); i += 97) {
            CHECK(describe(reading.events[i]) == describe(file.expected[i]));
        }
        CHECK(describe(reading.events.back()) == describe(file.expected.back()));
    }
    if (readers::python_evtx_program()) {
        const readers::xml_reading reading = readers::read_with_python_evtx(file.path);
        REQUIRE(reading.events.size() == 2500);
        for (std::size_t i = 0; i < reading.events.size(); i += 131) {
            const event_summary shown = summarize_event(reading.events[i]);
            CHECK(shown.record_id == std::to_string(i + 1));
            CHECK(shown.fields.at(1).second == std::to_string(i));
        }
    }
}

TEST_CASE("the writer writes the same bytes for the same events", "[writer]") {
    const auto write_to_string = [](const std::vector<windows_event>& events) {
        std::stringstream out;
        evtx_file_writer writer(out);
        event_template_cache templates;
        for (const windows_event& event : events) {
            const std::uint64_t id = writer.next_record_id();
            writer.write_record(id, event.system.time_created, templates.instance_of(event, id));
        }
        writer.finish();
        return out.str();
    };
    std::vector<windows_event> events;
    for (unsigned n = 0; n < 600; ++n) {
        events.push_back(
            event_with_fields({{"Sequence", uint32_value(n)}, {"Text", string_value(std::string(n % 50, 'x'))}}, n));
    }
    events.push_back(classic_event(0));
    events.push_back(user_data_event());
    const std::string first = write_to_string(events);
    const std::string second = write_to_string(events);
    CHECK(first.size() == 4096 + 65536 * ((first.size() - 4096) / 65536));
    CHECK(first == second);
}
