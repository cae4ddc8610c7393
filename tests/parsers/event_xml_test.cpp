// event_xml: libevtx's XML text -> event_record. The XML below is the
// rendering evtxexport prints for a Sysmon process creation (trimmed) and for
// a record with UserData.
#include "event_xml.hpp"

#include "catch.hpp"
#include "filetime.hpp"

using namespace evtxcar;

TEST_CASE("event_xml reads System fields and EventData in order", "[parsers][event_xml]") {
    std::string xml = R"(<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>
    <EventID>1</EventID>
    <Version>5</Version>
    <Level>4</Level>
    <Task>1</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8000000000000000</Keywords>
    <TimeCreated SystemTime="2017-12-26T13:10:29.136879200Z"/>
    <EventRecordID>1742</EventRecordID>
    <Correlation/>
    <Execution ProcessID="2284" ThreadID="5252"/>
    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>
    <Computer>DESKTOP-2KGM189</Computer>
    <Security UserID="S-1-5-18"/>
  </System>
  <EventData>
    <Data Name="ProcessId">9112</Data>
    <Data Name="CommandLine">ping  -n 6 127.0.0.1 </Data>
    <Data Name="Empty"></Data>
    <Data Name="Spaces">  </Data>
    <Data Name="Escaped">a &lt;b&gt; &amp; &quot;c&quot; &#x263A;&#13;&#10;d</Data>
    <Data>unnamed</Data>
    <Binary>0A0B</Binary>
  </EventData>
</Event>
)";
    event_record record;
    auto parsed = read_event_xml(xml, record);
    REQUIRE(parsed.ok());
    CHECK(record.provider_name == "Microsoft-Windows-Sysmon");
    CHECK(record.provider_guid == "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    CHECK(record.event_id == 1);
    CHECK_FALSE(record.event_id_qualifiers.has_value());
    CHECK(record.version == 5);
    CHECK(record.level == 4);
    CHECK(record.task == 1);
    CHECK(record.opcode == 0);
    CHECK(record.keywords == 0x8000000000000000ULL);
    CHECK(format_iso8601_utc(record.time_created) == "2017-12-26T13:10:29.1368792Z");
    CHECK(record.record_id == 1742);
    CHECK(record.process_id == 2284);
    CHECK(record.thread_id == 5252);
    CHECK(record.channel == "Microsoft-Windows-Sysmon/Operational");
    CHECK(record.computer == "DESKTOP-2KGM189");
    CHECK(record.user_sid == "S-1-5-18");
    CHECK(record.kind == payload_kind::event_data);
    REQUIRE(record.fields.size() == 7);
    CHECK(record.fields[0] == payload_field{"ProcessId", "9112"});
    CHECK(record.fields[1] == payload_field{"CommandLine", "ping  -n 6 127.0.0.1 "});
    CHECK(record.fields[2] == payload_field{"Empty", ""});
    CHECK(record.fields[3] == payload_field{"Spaces", "  "});
    CHECK(record.fields[4] == payload_field{"Escaped", "a <b> & \"c\" \xE2\x98\xBA\r\nd"});
    CHECK(record.fields[5] == payload_field{"", "unnamed"});
    CHECK(record.fields[6] == payload_field{"Binary", "0A0B"});
    REQUIRE(record.field("CommandLine") != nullptr);
    CHECK(*record.field("CommandLine") == "ping  -n 6 127.0.0.1 ");
    CHECK(record.field("Missing") == nullptr);
}

TEST_CASE("event_xml flattens UserData into paths", "[parsers][event_xml]") {
    std::string xml = R"(<Event><System><Provider Name="Service Control Manager"/><EventID Qualifiers="16384">7036</EventID></System>
<UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">
<SubjectUserName>admin</SubjectUserName><Detail Kind="x"><Inner>1</Inner></Detail><Flag/></LogFileCleared></UserData></Event>)";
    event_record record;
    REQUIRE(read_event_xml(xml, record).ok());
    CHECK(record.event_id == 7036);
    CHECK(record.event_id_qualifiers == std::optional<std::uint16_t>(16384));
    CHECK(record.kind == payload_kind::user_data);
    CHECK(record.payload_name == "LogFileCleared");
    REQUIRE(record.fields.size() == 4);
    CHECK(record.fields[0] == payload_field{"SubjectUserName", "admin"});
    CHECK(record.fields[1] == payload_field{"Detail@Kind", "x"});
    CHECK(record.fields[2] == payload_field{"Detail/Inner", "1"});
    CHECK(record.fields[3] == payload_field{"Flag", ""});
}

TEST_CASE("event_xml turns invalid UTF-8 into U+FFFD", "[parsers][event_xml]") {
    std::string xml = "<Event><System><Provider Name=\"P\"/><EventID>1</EventID><Computer>HOST\xFF</Computer></System></Event>";
    event_record record;
    REQUIRE(read_event_xml(xml, record).ok());
    CHECK(record.computer == "HOST\xEF\xBF\xBD");
}

TEST_CASE("event_xml reports XML that does not parse", "[parsers][event_xml]") {
    std::string broken = "<Event><System><EventID>1</Event>";
    event_record record;
    auto parsed = read_event_xml(broken, record);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().reason.find("does not parse") != std::string::npos);

    std::string not_an_event = "<Other/>";
    auto missing = read_event_xml(not_an_event, record);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().reason == "event XML has no <Event> element");
}

TEST_CASE("event_xml refuses an event whose System element is missing or lacks Provider or EventID",
          "[parsers][event_xml]") {
    // A damaged element name turns <System> into <Systeo>: no event one could place.
    std::string renamed = R"(<Event><Systeo><Provider Name="P"/><EventID>1</EventID></Systeo><EventData/></Event>)";
    event_record record;
    auto no_system = read_event_xml(renamed, record);
    REQUIRE_FALSE(no_system.ok());
    CHECK(no_system.error().reason == "event XML has no <System> element");
    std::string no_event_id = R"(<Event><System><Provider Name="P"/><EventRecordID>4</EventRecordID></System></Event>)";
    auto lacking = read_event_xml(no_event_id, record);
    REQUIRE_FALSE(lacking.ok());
    CHECK(lacking.error().reason == "event XML's <System> has no Provider or no EventID element");
    // An event collector's EventForwarder events carry no EventRecordID: still events.
    std::string forwarder = R"(<Event><System><Provider Name="Microsoft-Windows-EventForwarder"/><EventID>111</EventID></System></Event>)";
    REQUIRE(read_event_xml(forwarder, record).ok());
    CHECK(record.event_id == 111);
}
